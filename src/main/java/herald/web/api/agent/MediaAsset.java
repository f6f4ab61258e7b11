package herald.web.api.agent;

import herald.assets.Asset;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A medium of the workspace's library as the agent API answers it (and the MCP tools, as structured content). */
public record MediaAsset(
        UUID id,
        String filename,
        String type,
        String contentType,
        long sizeBytes,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Double durationSeconds,
        List<String> tags,
        String altText,
        String description,
        Instant createdAt) {

    public static MediaAsset of(Asset a) {
        return new MediaAsset(
                a.id().value(),
                a.filename(),
                a.type().name().toLowerCase(java.util.Locale.ROOT),
                a.contentType(),
                a.sizeBytes(),
                a.width(),
                a.height(),
                a.durationSeconds(),
                a.tags(),
                a.altText(),
                a.description(),
                a.createdAt());
    }
}
