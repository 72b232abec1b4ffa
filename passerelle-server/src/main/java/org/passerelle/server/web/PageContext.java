package org.passerelle.server.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.i18n.Messages;
import org.passerelle.server.party.Party;
import org.passerelle.server.shared.Role;
import org.passerelle.server.shared.Viewer;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page needs besides its own data: the language and its direction, the translated texts,
 * the signed-in user, this node's party and the CSRF token for forms.
 */
public final class PageContext {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Language language;
    private final Messages messages;
    private final Viewer viewer;
    private final String pendingUsername;
    private final Party party;
    private final java.util.List<Party> peers;
    private final CsrfToken csrf;
    private final String path;

    /**
     * @param viewer the signed-in user, or null before sign-in is complete
     * @param pendingUsername the user's name once the password step is passed, if their second factor is pending
     */
    PageContext(Language language, Messages messages, Viewer viewer, String pendingUsername, Party party,
            java.util.List<Party> peers, CsrfToken csrf, String path) {
        this.language = language;
        this.messages = messages;
        this.viewer = viewer;
        this.pendingUsername = pendingUsername;
        this.party = party;
        this.peers = java.util.List.copyOf(peers);
        this.csrf = csrf;
        this.path = path;
    }

    /** The translated text of a message key, formatted with ICU rules (plurals, numbers, dates). */
    public String t(String key, Object... arguments) {
        return messages.get(language, key, arguments);
    }

    /** Whether a message exists for {@code key}: a code that has a label is shown by it. */
    public boolean hasMessage(String key) {
        return messages.has(key);
    }

    public Language language() {
        return language;
    }

    public List<Language> languages() {
        return List.of(Language.values());
    }

    public String lang() {
        return language.tag();
    }

    public String dir() {
        return language.direction();
    }

    /** The same page in another language. */
    public String languageUrl(Language other) {
        return path + "?lang=" + other.tag();
    }

    public boolean signedIn() {
        return viewer != null;
    }

    /** The user's name once the password step is passed (signed in or waiting for the second factor), else null. */
    public String username() {
        return viewer != null ? viewer.username() : pendingUsername;
    }

    public boolean hasRole(Role role) {
        return viewer != null && viewer.has(role);
    }

    /** The signed-in user's role, or null before sign-in is complete. */
    public Role role() {
        return viewer == null ? null : viewer.role();
    }

    public String partyCode() {
        return party.code();
    }

    public String partyName() {
        return party.name(language.locale());
    }

    /** Another party's name in the page's language. */
    public String partyName(org.passerelle.server.party.Party other) {
        return other.name(language.locale());
    }

    /** The name of the party of {@code code} (this node's or a peer's) in the page's language; the code if unknown. */
    public String partyName(String code) {
        if (party.code().equals(code)) {
            return partyName();
        }
        return peers.stream().filter(p -> p.code().equals(code)).findFirst().map(this::partyName).orElse(code);
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    /** JSON for htmx's {@code hx-headers}, so htmx requests carry the CSRF token without inline script. */
    public String csrfHeaders() {
        return csrf == null ? "{}" : "{\"" + csrf.getHeaderName() + "\": \"" + csrf.getToken() + "\"}";
    }

    /** A moment as people read it in a table: UTC, to the second. */
    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** The UTC calendar day of an instant, as the agreement's dates are counted. */
    public String day(Instant instant) {
        return instant == null ? "—" : instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    public boolean current(String prefix) {
        return prefix.equals("/") ? path.equals("/") : path.startsWith(prefix);
    }
}
