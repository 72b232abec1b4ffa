package org.passerelle.server.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text written directly into a JTE template instead of coming from the message bundles: what is left
 * once the template's code (expressions, directives, template calls) is taken out must hold no letters,
 * neither between tags nor in the attributes people read (title, alt, placeholder, aria-label).
 */
final class TemplateText {

    private static final Pattern READ_ATTRIBUTES =
            Pattern.compile("\\b(title|alt|placeholder|aria-label|label)=\"([^\"]*)\"");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private final String source;
    private final StringBuilder html = new StringBuilder();

    private TemplateText(String source) {
        this.source = source;
    }

    /** Each hard-coded text of the template, with a little context. */
    static List<String> hardCodedText(String template) {
        TemplateText scanner = new TemplateText(template);
        scanner.scanHtml(0, false);
        String markup = scanner.html.toString();
        List<String> found = new ArrayList<>();
        Matcher attributes = READ_ATTRIBUTES.matcher(markup);
        while (attributes.find()) {
            if (LETTER.matcher(attributes.group(2)).find()) {
                found.add(attributes.group());
            }
        }
        String text = markup.replaceAll("(?s)<[^>]*>", " ").replaceAll("&[a-zA-Z]+;|&#\\d+;", " ");
        for (String line : text.split("\n")) {
            if (LETTER.matcher(line).find()) {
                found.add(line.strip());
            }
        }
        return found;
    }

    /** Copies markup until the end (or a closing backtick of a content block); returns where it stopped. */
    private int scanHtml(int i, boolean inContentBlock) {
        while (i < source.length()) {
            char c = source.charAt(i);
            if (inContentBlock && c == '`') {
                return i;
            } else if (source.startsWith("${", i) || source.startsWith("!{", i)) {
                i = skipCode(i + 2, '{', '}');
            } else if (source.startsWith("$unsafe{", i)) {
                i = skipCode(i + 8, '{', '}');
            } else if (source.startsWith("<%--", i)) {
                i = source.indexOf("--%>", i) + 4;
            } else if (source.startsWith("@import", i) || source.startsWith("@param", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("@template.", i) || source.startsWith("@if(", i)
                    || source.startsWith("@elseif(", i) || source.startsWith("@for(", i)) {
                i = skipCode(source.indexOf('(', i) + 1, '(', ')');
            } else if (source.startsWith("@endif", i) || source.startsWith("@endfor", i)) {
                i += source.startsWith("@endif", i) ? 6 : 7;
            } else if (source.startsWith("@else", i)) {
                i += 5;
            } else {
                html.append(c);
                i++;
            }
        }
        return i;
    }

    /** Skips Java code up to the bracket closing the one just opened, entering content blocks it holds. */
    private int skipCode(int i, char open, char close) {
        int depth = 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipLiteral(i, c);
                continue;
            }
            if (source.startsWith("@`", i)) {
                i = scanHtml(i + 2, true) + 1;
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        throw new IllegalStateException("Unbalanced " + open + close + " in template");
    }

    private int skipLiteral(int i, char quote) {
        i++;
        while (i < source.length() && source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
