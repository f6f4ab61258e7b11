package herald.assets;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The thumbnail of every video: a drawn placeholder poster (a play sign), since Herald decodes no video frames (that
 * would need ffmpeg or a native decoder, which this deployment does not ship).
 */
final class Posters {

    private static final byte[] VIDEO = draw();

    private Posters() {}

    static byte[] video() {
        return VIDEO.clone();
    }

    private static byte[] draw() {
        int width = MediaInspector.THUMBNAIL_SIZE;
        int height = width * 9 / 16;
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x2b, 0x30, 0x3b));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0xf4, 0xf5, 0xf7));
            int cx = width / 2;
            int cy = height / 2;
            g.fillPolygon(new int[] {cx - 22, cx - 22, cx + 28}, new int[] {cy - 30, cy + 30, cy}, 3);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
