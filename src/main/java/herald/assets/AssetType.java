package herald.assets;

import java.util.Arrays;
import java.util.Optional;

/** The media types the library accepts, as read from an upload's bytes (never from its name or declared type). */
public enum AssetType {
    JPEG("image/jpeg", Kind.IMAGE, "jpg"),
    PNG("image/png", Kind.IMAGE, "png"),
    GIF("image/gif", Kind.IMAGE, "gif"),
    WEBP("image/webp", Kind.IMAGE, "webp"),
    MP4("video/mp4", Kind.VIDEO, "mp4"),
    MOV("video/quicktime", Kind.VIDEO, "mov");

    /** What an asset is to a person and to the size limits. */
    public enum Kind {
        IMAGE,
        VIDEO;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Kind> of(String value) {
            return Arrays.stream(values()).filter(k -> k.value().equals(value)).findFirst();
        }
    }

    private final String contentType;
    private final Kind kind;
    private final String extension;

    AssetType(String contentType, Kind kind, String extension) {
        this.contentType = contentType;
        this.kind = kind;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public Kind kind() {
        return kind;
    }

    public String extension() {
        return extension;
    }

    public static Optional<AssetType> ofContentType(String contentType) {
        return Arrays.stream(values())
                .filter(t -> t.contentType.equals(contentType))
                .findFirst();
    }
}
