package org.passerelle.server.readmission;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The seal as a Data Matrix code (the symbology of ICAO's visible digital seal): drawn as a PNG for the document, and
 * read back from a rendered page.
 */
final class SealCode {

    /** Pixels per module: enough for a page rendered at 150 dpi or a phone's camera. */
    private static final int MODULE_PIXELS = 4;
    /** The quiet zone around the code, in modules. */
    private static final int QUIET_MODULES = 2;

    private SealCode() {
    }

    /** The code of {@code text} as a black-on-white PNG. */
    static byte[] png(String text) {
        BitMatrix modules = new DataMatrixWriter().encode(text, BarcodeFormat.DATA_MATRIX, 0, 0,
                Map.of(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE));
        int size = (modules.getWidth() + 2 * QUIET_MODULES) * MODULE_PIXELS;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int mx = x / MODULE_PIXELS - QUIET_MODULES;
                int my = y / MODULE_PIXELS - QUIET_MODULES;
                boolean dark = mx >= 0 && my >= 0 && mx < modules.getWidth() && my < modules.getHeight()
                        && modules.get(mx, my);
                image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw the seal", e);
        }
        return out.toByteArray();
    }

    /**
     * The text of the Data Matrix code found in {@code image}, if one can be read. The detector is easily misled by the
     * text around a code on a whole page, so the page is also searched window by window (half its width, a third of
     * its height, each a quarter of a window from the last), which finds a code of up to a third of the page's width
     * anywhere.
     */
    static Optional<String> read(BufferedImage image) {
        Optional<String> whole = decode(image);
        if (whole.isPresent()) {
            return whole;
        }
        int width = image.getWidth() / 2;
        int height = image.getHeight() / 3;
        for (int top = 0; top + height <= image.getHeight(); top += height / 4) {
            for (int left = 0; left + width <= image.getWidth(); left += width / 4) {
                Optional<String> found = decode(image.getSubimage(left, top, width, height));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> decode(BufferedImage image) {
        try {
            return Optional.of(new DataMatrixReader().decode(new BinaryBitmap(new HybridBinarizer(new Luminance(image))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    /** An image's grey levels as zxing reads them (its Java SE module is not a dependency for so little). */
    private static final class Luminance extends LuminanceSource {
        private final byte[] grey;

        Luminance(BufferedImage image) {
            super(image.getWidth(), image.getHeight());
            grey = new byte[image.getWidth() * image.getHeight()];
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int level = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                    grey[y * image.getWidth() + x] = (byte) level;
                }
            }
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] result = row == null || row.length < getWidth() ? new byte[getWidth()] : row;
            System.arraycopy(grey, y * getWidth(), result, 0, getWidth());
            return result;
        }

        @Override
        public byte[] getMatrix() {
            return grey;
        }
    }
}
