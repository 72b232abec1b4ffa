package org.passerelle.server.readmission;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Component;

/**
 * The laissez-passer as a printable PDF, in French and Arabic side by side: laid out from an HTML template
 * ({@code documents/laissez-passer.jte}), Arabic shaped and ordered right to left with ICU, the fonts embedded
 * (Noto Sans, Noto Naskh Arabic: SIL OFL, static/assets/fonts), the seal drawn as a Data Matrix code. Nothing is
 * fetched while drawing. Both nodes draw it from the thread: the same data and seal. Also reads a PDF back: the seal from
 * its rendered first page, and its text.
 */
@Component
public class LaissezPasserDocument {

    /** Resolution a page is rendered at to read its seal: some 7 pixels per module of the code. */
    private static final int READ_DPI = 300;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    private final TemplateEngine templates;

    public LaissezPasserDocument(TemplateEngine templates) {
        this.templates = templates;
    }

    /** What the template prints, every value ready to show. */
    public record Sheet(String number, String consulateFr, String consulateAr, String latinName, String arabicName,
            String sex, String birthDate, String birthPlace, String issuedOn, String validUntil, String from,
            String to, String caseReference, String sealImage, String keyFingerprint) {
    }

    /** The document of {@code data}, sealed by {@code seal}. */
    public byte[] render(LaissezPasserSeal.Data data, String seal, ReadmissionProfile.Consulate consulate,
            String caseReference) {
        Sheet sheet = new Sheet(data.number(), consulate == null ? data.consulate() : consulate.name(Locale.FRENCH),
                consulate == null ? data.consulate() : consulate.name(Locale.forLanguageTag("ar")),
                firstIn(data.names(), false).orElse(""), firstIn(data.names(), true).orElse(""), data.sex(),
                partialDate(data.birthDate()), data.birthPlace() == null ? "" : data.birthPlace(),
                DATE.format(data.issuedOn()), DATE.format(data.validUntil()), data.from(), data.to(), caseReference,
                "data:image/png;base64," + Base64.getEncoder().encodeToString(SealCode.png(seal)),
                data.keyFingerprint());
        StringOutput html = new StringOutput();
        templates.render("documents/laissez-passer.jte", sheet, html);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html.toString(), null);
            font(builder, "NotoSans-Regular.ttf", "Noto Sans", 400);
            font(builder, "NotoSans-Bold.ttf", "Noto Sans", 700);
            font(builder, "NotoNaskhArabic-Regular.ttf", "Noto Naskh Arabic", 400);
            font(builder, "NotoNaskhArabic-Bold.ttf", "Noto Naskh Arabic", 700);
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.useUnicodeLineBreaker(new ICUBreakers.ICULineBreaker(Locale.FRENCH));
            builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
            // Only the seal's own image, inlined: a document drawn on the node fetches nothing from anywhere.
            builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:image/png"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.withProducer("Passerelle");
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw the laissez-passer", e);
        }
        return pdf.toByteArray();
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
        builder.useFont(() -> {
            InputStream in = LaissezPasserDocument.class.getResourceAsStream("/static/assets/fonts/" + file);
            if (in == null) {
                throw new IllegalStateException("The font " + file + " is missing from the application");
            }
            return in;
        }, family, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
    }

    /** What a PDF says: the seal read from its first page's code (if any), and its text. */
    public record Reading(Optional<String> seal, String text) {
    }

    /** Reads a laissez-passer PDF back; throws {@link IOException} for a file that is not a PDF. */
    public static Reading read(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() == 0) {
                return new Reading(Optional.empty(), "");
            }
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, READ_DPI, ImageType.GRAY);
            return new Reading(SealCode.read(page), new PDFTextStripper().getText(document));
        }
    }

    /** Renders each page of a PDF as an image (for a person, or a test, to look at). */
    public static List<BufferedImage> pages(byte[] pdf, int dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<BufferedImage> images = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                images.add(renderer.renderImageWithDPI(i, dpi, ImageType.RGB));
            }
            return images;
        }
    }

    /** The first name written in Arabic script ({@code arabic}) or in another. */
    static Optional<String> firstIn(List<String> names, boolean arabic) {
        return names.stream().filter(n -> arabic == n.codePoints().anyMatch(LaissezPasserDocument::isArabic))
                .findFirst();
    }

    private static boolean isArabic(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC;
    }

    /** A possibly partial date as printed: 12/03/1990, 03/1990 or 1990. */
    static String partialDate(String date) {
        if (date == null || date.isBlank()) {
            return "";
        }
        String[] parts = date.split("-");
        return parts.length == 3 ? DATE.format(LocalDate.parse(date))
                : parts.length == 2 ? parts[1] + "/" + parts[0] : parts[0];
    }
}
