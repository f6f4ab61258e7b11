package herald.assets;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the asset library. Its bytes are the workspace's blob {@code sha256}, which other assets may share.
 *
 * @param width pixels, for images
 * @param height pixels, for images
 * @param durationSeconds for videos, when the container tells it
 */
public record Asset(
        AssetId id,
        FolderId folder,
        String filename,
        AssetType type,
        long sizeBytes,
        String sha256,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Double durationSeconds,
        List<String> tags,
        String altText,
        String description,
        Instant createdAt) {

    public String contentType() {
        return type.contentType();
    }
}
