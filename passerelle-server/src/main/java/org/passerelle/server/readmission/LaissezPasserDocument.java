package org.passerelle.server.readmission;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.passerelle.server.web.PdfDocuments;
import org.springframework.stereotype.Component;

/**
 * The laissez-passer as a printable PDF, in French and Arabic side by side: laid out from an HTML template
 * ({@code documents/laissez-passer.jte}) by {@link PdfDocuments}, the seal drawn as a Data Matrix code. Nothing is
 * fetched while drawing. Both nodes draw it from the thread: the same data and seal. Also reads a PDF back: the seal from
 * its rendered first page, and its text.
 */
@Component
public class LaissezPasserDocument {

    /** Resolution a page is rendered at to read its seal: some 7 pixels per module of the code. */
    private static final int READ_DPI = 300;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    private final PdfDocuments pdf;

    public LaissezPasserDocument(PdfDocuments pdf) {
        this.pdf = pdf;
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
        return pdf.render("documents/laissez-passer.jte", sheet, false);
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
