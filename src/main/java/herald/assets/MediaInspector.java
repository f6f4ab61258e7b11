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
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.XMPDM;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.mp4.MP4Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides what an upload is from its bytes alone (Apache Tika's magic, never the name or the declared type), then
 * checks that it is whole and only that: no markup or script anywhere in it (polyglots), nothing after the image's
 * end, boxes of a video that add up to the file. Reads dimensions and makes a thumbnail for images, reads the duration
 * of videos.
 */
@Component
class MediaInspector {

    static final int THUMBNAIL_SIZE = 320;

    /** Markup a browser or interpreter would act on; none has any business inside an image or a video. */
    private static final List<byte[]> ACTIVE_CONTENT = List.of(
                    "<script",
                    "<html",
                    "<!doctype",
                    "<body",
                    "<iframe",
                    "<svg",
                    "<?php",
                    "javascript:",
                    "<object",
                    "<embed",
                    "<meta")
            .stream()
            .map(s -> s.getBytes(StandardCharsets.US_ASCII))
            .toList();

    private final MimeTypes detector = MimeTypes.getDefaultMimeTypes();

    Inspection inspect(Received received, AssetSettings settings) throws IOException {
        AssetType type = detect(received.file());
        long max = settings.maxBytes(type.kind());
        if (received.size() > max) {
            throw new AssetRejected(
                    AssetRejected.Reason.TOO_LARGE,
                    "The " + type.kind().value() + " is " + Sizes.human(received.size()) + "; the largest "
                            + type.kind().value() + " accepted is " + Sizes.human(max) + ".");
        }
        refuseActiveContent(received.file());
        return switch (type.kind()) {
            case IMAGE -> image(received.file(), type);
            case VIDEO -> video(received.file(), type);
        };
    }

    private AssetType detect(Path file) throws IOException {
        MediaType detected;
        try (InputStream in = TikaInputStream.get(file)) {
            detected = detector.detect(in, new Metadata());
        }
        String name = detected.getBaseType().toString();
        return switch (name) {
            case "image/jpeg" -> AssetType.JPEG;
            case "image/png" -> AssetType.PNG;
            case "image/gif" -> AssetType.GIF;
            case "image/webp" -> AssetType.WEBP;
            case "video/mp4", "application/mp4", "video/x-m4v", "video/quicktime" -> movie(file);
            default -> {
                boolean text = detector.getMediaTypeRegistry().isSpecializationOf(detected, MediaType.TEXT_PLAIN);
                if (text
                        || name.startsWith("text/")
                        || name.contains("script")
                        || name.contains("x-sh")
                        || name.contains("html")
                        || name.contains("xml")
                        || name.contains("javascript")) {
                    throw new AssetRejected(
                            AssetRejected.Reason.DISGUISED,
                            "The file is really " + name + ", not an image or a video, whatever its name says."
                                    + " Upload JPEG, PNG, GIF or WebP images, or MP4 or MOV videos.");
                }
                throw new AssetRejected(
                        AssetRejected.Reason.UNSUPPORTED_TYPE,
                        "The file's content is " + name + ", which the library does not take."
                                + " Upload JPEG, PNG, GIF or WebP images, or MP4 or MOV videos.");
            }
        };
    }

    /**
     * MP4 and QuickTime share their container; the {@code ftyp} box's major brand tells them apart ({@code qt  } is
     * QuickTime), and a file without one is an old QuickTime movie.
     */
    private static AssetType movie(Path file) throws IOException {
        try (var raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() < 12) {
                return AssetType.MOV;
            }
            byte[] head = new byte[12];
            raf.readFully(head);
            String box = new String(head, 4, 4, StandardCharsets.US_ASCII);
            String brand = new String(head, 8, 4, StandardCharsets.US_ASCII);
            return box.equals("ftyp") && !brand.equals("qt  ") ? AssetType.MP4 : AssetType.MOV;
        }
    }

    private static void refuseActiveContent(Path file) throws IOException {
        int longest = ACTIVE_CONTENT.stream().mapToInt(p -> p.length).max().orElseThrow();
        byte[] buffer = new byte[64 * 1024 + longest];
        int carried = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int requested = buffer.length - carried;
                int read = in.readNBytes(buffer, carried, requested);
                int end = carried + read;
                for (int i = 0; i < end; i++) {
                    byte b = buffer[i];
                    if (b != '<' && b != 'j' && b != 'J') {
                        continue;
                    }
                    for (byte[] pattern : ACTIVE_CONTENT) {
                        if (matchesAt(buffer, end, i, pattern)) {
                            throw new AssetRejected(
                                    AssetRejected.Reason.DISGUISED,
                                    "The file hides markup or script (" + new String(pattern, StandardCharsets.US_ASCII)
                                            + ") inside the media, so it is not accepted. Export the image or video"
                                            + " again from an editor and upload that.");
                        }
                    }
                }
                if (read < requested) {
                    return;
                }
                carried = Math.min(longest - 1, end);
                System.arraycopy(buffer, end - carried, buffer, 0, carried);
            }
        }
    }

    private static boolean matchesAt(byte[] buffer, int end, int at, byte[] pattern) {
        if (at + pattern.length > end) {
            return false;
        }
        for (int j = 0; j < pattern.length; j++) {
            byte b = buffer[at + j];
            if (b >= 'A' && b <= 'Z') {
                b = (byte) (b + 32);
            }
            if (b != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    private Inspection image(Path file, AssetType type) throws IOException {
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
                int step = Math.max(1, Math.max(width, height) / (THUMBNAIL_SIZE * 2));
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
        double scale = Math.min(1.0, (double) THUMBNAIL_SIZE / Math.max(image.getWidth(), image.getHeight()));
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

    private Inspection video(Path file, AssetType type) throws IOException {
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
