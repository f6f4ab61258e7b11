package herald.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * Decides what an upload is from its bytes alone (Apache Tika's magic, never the name or the declared type) and
 * refuses it if it is over its kind's size limit or has markup or script anywhere in it (polyglots). What passes goes
 * to {@link MediaMeasures}, which checks that it is whole and reads its dimensions or duration.
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
            case IMAGE -> MediaMeasures.image(received.file(), type);
            case VIDEO -> MediaMeasures.video(received.file(), type);
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
}
