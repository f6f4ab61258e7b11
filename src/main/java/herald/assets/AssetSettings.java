package herald.assets;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The asset library's configuration, {@code herald.assets.*}.
 *
 * @param storage {@code local} (default) or {@code s3}
 * @param localDir where the local backend keeps blobs ({@code HERALD_ASSETS_LOCAL_DIR}; default: the data folder's
 *     {@code assets})
 * @param maxImageSize largest image accepted
 * @param maxVideoSize largest video accepted
 * @param signingKey key of the media URLs' HMAC ({@code HERALD_ASSETS_SIGNING_KEY}); empty: generated once into the
 *     data folder, which suits one node (several nodes must share one key)
 * @param urlLifetime how long a media URL works
 * @param s3 the S3-compatible backend
 */
@ConfigurationProperties("herald.assets")
public record AssetSettings(
        @DefaultValue("local") String storage,
        @Nullable Path localDir,
        @DefaultValue("10MB") DataSize maxImageSize,
        @DefaultValue("10MB") DataSize maxVideoSize,
        @DefaultValue("") String signingKey,
        @DefaultValue("1h") Duration urlLifetime,
        @DefaultValue S3 s3) {

    /**
     * @param bucket the bucket blobs go in
     * @param region its region
     * @param endpoint an S3-compatible server (MinIO, R2, ...); empty for AWS itself
     * @param pathStyle {@code https://host/bucket/key} instead of {@code https://bucket.host/key}
     * @param accessKey empty: the AWS SDK's default credential chain
     * @param secretKey the access key's secret
     * @param presign serve media by presigned S3 URLs (true) or through Herald's own signed URLs (false)
     */
    public record S3(
            @DefaultValue("") String bucket,
            @DefaultValue("us-east-1") String region,
            @Nullable URI endpoint,
            @DefaultValue("false") boolean pathStyle,
            @DefaultValue("") String accessKey,
            @DefaultValue("") String secretKey,
            @DefaultValue("true") boolean presign) {}

    public long maxBytes(AssetType.Kind kind) {
        return (kind == AssetType.Kind.IMAGE ? maxImageSize : maxVideoSize).toBytes();
    }

    public long maxAnyBytes() {
        return Math.max(maxImageSize.toBytes(), maxVideoSize.toBytes());
    }
}
