package herald.assets;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.XMPDM;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.mp4.MP4Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.jspecify.annotations.Nullable;

/**
 * Checks that an image or a video of a known type is whole and measures it. An image's own structure must end where
 * the file ends (no truncation, nothing appended); its dimensions are read and a thumbnail is made. A video's top-level
 * boxes must add up to the file; its duration is read when Tika can.
 */
final class MediaMeasures {

    private MediaMeasures() {}

    static Inspection image(Path file, AssetType type) throws IOException {
        if (!wholeImage(file, type)) {
            throw damaged(type);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw damaged(type);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                // Decode only every n-th pixel: a thumbnail never needs the full-size raster in memory.
                int step = Math.max(1, Math.max(width, height) / (MediaInspector.THUMBNAIL_SIZE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                return new Inspection(type, width, height, null, thumbnail(decoded));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof AssetRejected rejected) {
                throw rejected;
            }
            throw damaged(type);
        }
    }

    private static AssetRejected damaged(AssetType type) {
        return new AssetRejected(
                AssetRejected.Reason.DAMAGED,
                "The " + type.name() + " image is truncated or damaged and cannot be read. Export it again and"
                        + " upload the new file.");
    }

    /** Whether the image's own structure ends where the file ends: no truncation, nothing appended. */
    private static boolean wholeImage(Path file, AssetType type) throws IOException {
        try (var raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            return switch (type) {
                case JPEG -> length >= 4 && endsWith(raf, new byte[] {(byte) 0xFF, (byte) 0xD9});
                case PNG -> endsWith(raf, new byte[] {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82});
                case GIF -> endsWith(raf, new byte[] {0x3B});
                case WEBP -> {
                    raf.seek(4);
                    long declared = Integer.toUnsignedLong(Integer.reverseBytes(raf.readInt()));
                    yield declared + 8 == length;
                }
                default -> false;
            };
        }
    }

    private static boolean endsWith(RandomAccessFile raf, byte[] tail) throws IOException {
        if (raf.length() < tail.length) {
            return false;
        }
        byte[] end = new byte[tail.length];
        raf.seek(raf.length() - tail.length);
        raf.readFully(end);
        return java.util.Arrays.equals(end, tail);
    }

    private static Path thumbnail(BufferedImage image) throws IOException {
        double scale =
                Math.min(1.0, (double) MediaInspector.THUMBNAIL_SIZE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        var thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = thumbnail.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        Path file = Files.createTempFile("herald-thumb-", ".png");
        ImageIO.write(thumbnail, "png", file.toFile());
        return file;
    }

    static Inspection video(Path file, AssetType type) throws IOException {
        if (!wholeVideo(file)) {
            throw new AssetRejected(
                    AssetRejected.Reason.DAMAGED,
                    "The " + type.name() + " video is truncated or damaged (its parts do not add up to the file)."
                            + " Export it again and upload the new file.");
        }
        return new Inspection(type, null, null, duration(file), null);
    }

    /** Top-level ISO-BMFF boxes must cover the file exactly, and a playable file has a {@code moov} box. */
    private static boolean wholeVideo(Path file) throws IOException {
        try (var raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long at = 0;
            boolean movie = false;
            while (at < length) {
                if (length - at < 8) {
                    return false;
                }
                raf.seek(at);
                long size = Integer.toUnsignedLong(raf.readInt());
                byte[] name = new byte[4];
                raf.readFully(name);
                if (size == 1) {
                    if (length - at < 16) {
                        return false;
                    }
                    size = raf.readLong();
                } else if (size == 0) {
                    size = length - at;
                }
                if (size < 8 || at + size > length) {
                    return false;
                }
                movie |= new String(name, StandardCharsets.US_ASCII).equals("moov");
                at += size;
            }
            return movie;
        }
    }

    private static @Nullable Double duration(Path file) {
        try (InputStream in = TikaInputStream.get(file)) {
            Metadata metadata = new Metadata();
            new MP4Parser().parse(in, new BodyContentHandler(-1), metadata, new ParseContext());
            String duration = metadata.get(XMPDM.DURATION);
            return duration == null ? null : Double.parseDouble(duration.trim().toLowerCase(Locale.ROOT));
        } catch (Exception | LinkageError e) {
            // The duration is a nicety; a video whose container Tika cannot read fully is still whole (checked above).
            return null;
        }
    }
}
