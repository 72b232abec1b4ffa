package org.passerelle.server.web;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * Printable documents the node draws: a JTE template laid out as PDF, Arabic shaped and ordered right to left with
 * ICU, the fonts embedded (Noto Sans, Noto Naskh Arabic: SIL OFL, static/assets/fonts). Nothing is fetched while
 * drawing but images inlined as PNG data. Used for the laissez-passer and the joint group's meeting pack.
 */
@Component
public class PdfDocuments {

    private final TemplateEngine templates;

    public PdfDocuments(TemplateEngine templates) {
        this.templates = templates;
    }

    /** The PDF of {@code template} filled with {@code model}; {@code rightToLeft} sets the base direction. */
    public byte[] render(String template, Object model, boolean rightToLeft) {
        StringOutput html = new StringOutput();
        templates.render(template, model, html);
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
            builder.useUnicodeLineBreaker(new ICUBreakers.ICULineBreaker(rightToLeft ? Locale.forLanguageTag("ar")
                    : Locale.FRENCH));
            builder.defaultTextDirection(rightToLeft ? BaseRendererBuilder.TextDirection.RTL
                    : BaseRendererBuilder.TextDirection.LTR);
            // Only images inlined by the node itself: a document drawn on the node fetches nothing from anywhere.
            builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:image/png"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.withProducer("Passerelle");
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw " + template, e);
        }
        return pdf.toByteArray();
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
        builder.useFont(() -> {
            InputStream in = PdfDocuments.class.getResourceAsStream("/static/assets/fonts/" + file);
            if (in == null) {
                throw new IllegalStateException("The font " + file + " is missing from the application");
            }
            return in;
        }, family, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
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
}
