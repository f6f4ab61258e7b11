package herald.assets.storage;

import herald.assets.AssetSettings;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Picks the blob backend named by {@code herald.assets.storage}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    BlobStorage blobStorage(AssetSettings settings, @Value("${herald.database.data-dir:.herald}") Path dataDir) {
        return switch (settings.storage()) {
            case "local" -> {
                Path configured = settings.localDir();
                Path root =
                        configured != null && !configured.toString().isBlank() ? configured : dataDir.resolve("assets");
                log.info("Assets are stored on local disk in {}", root.toAbsolutePath());
                yield new LocalBlobStorage(root);
            }
            case "s3" -> {
                log.info("Assets are stored in S3 bucket {}", settings.s3().bucket());
                yield s3(settings.s3());
            }
            default ->
                throw new IllegalStateException(
                        "herald.assets.storage must be 'local' or 's3', not '" + settings.storage() + "'");
        };
    }

    /** The S3 backend for these settings; public for the contract tests. */
    public static S3BlobStorage s3(AssetSettings.S3 settings) {
        if (settings.bucket().isBlank()) {
            throw new IllegalStateException("herald.assets.s3.bucket is required when herald.assets.storage is s3");
        }
        AwsCredentialsProvider credentials = settings.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        var serviceConfiguration = S3Configuration.builder()
                .pathStyleAccessEnabled(settings.pathStyle())
                .build();
        var client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                // Checksums only where S3 requires them, as the SDK did before 2.30: several S3-compatible servers
                // (older MinIO, R2) refuse the newer default trailing checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(serviceConfiguration);
        var presigner = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(serviceConfiguration);
        if (settings.endpoint() != null && !settings.endpoint().toString().isBlank()) {
            client.endpointOverride(settings.endpoint());
            presigner.endpointOverride(settings.endpoint());
        }
        return new S3BlobStorage(client.build(), presigner.build(), settings.bucket(), settings.presign());
    }
}
