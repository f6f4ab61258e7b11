package herald.web.api.assets;

import herald.assets.Asset;
import herald.assets.MediaLinks;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An asset with expiring URLs of its bytes and its thumbnail. */
record AssetView(
        UUID id,
        UUID folderId,
        String filename,
        @Schema(
                        description = "Read from the bytes: image/jpeg, image/png, image/gif, image/webp, video/mp4 or"
                                + " video/quicktime.")
                String contentType,
        @Schema(description = "image or video.") String kind,
        long sizeBytes,
        String sha256,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Double durationSeconds,
        List<String> tags,
        String altText,
        String description,
        @Schema(description = "Expiring signed URL of the bytes (presigned when stored on S3).") String url,
        @Schema(description = "Expiring signed URL of a PNG thumbnail; a placeholder poster for videos.")
                String thumbnailUrl,
        Instant createdAt) {

    static AssetView of(Asset asset, MediaLinks.Links links) {
        return new AssetView(
                asset.id().value(),
                asset.folder().value(),
                asset.filename(),
                asset.contentType(),
                asset.type().kind().value(),
                asset.sizeBytes(),
                asset.sha256(),
                asset.width(),
                asset.height(),
                asset.durationSeconds(),
                asset.tags(),
                asset.altText(),
                asset.description(),
                links.url().toString(),
                links.thumbnailUrl().toString(),
                asset.createdAt());
    }
}
