package herald.assets;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A search of the library, newest first. Every criterion is optional.
 *
 * @param text part of the file name, alt text or description
 * @param tag one tag the assets carry
 * @param type {@code image}, {@code video}, or one format: {@code jpeg}, {@code png}, {@code gif}, {@code webp},
 *     {@code mp4}, {@code mov}
 * @param folder only assets directly in this folder
 * @param after the last asset of the previous page
 */
public record AssetQuery(
        @Nullable String text,
        @Nullable String tag,
        @Nullable String type,
        @Nullable FolderId folder,
        @Nullable After after,
        int limit) {

    /** A position in the listing: the (creation time, id) of the last asset seen. */
    public record After(Instant createdAt, AssetId id) {}

    public static AssetQuery all(int limit) {
        return new AssetQuery(null, null, null, null, null, limit);
    }
}
