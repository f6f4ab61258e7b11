package herald.assets.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Blobs as objects of one bucket on an S3-compatible server (AWS, MinIO, R2, ...). Media can be served by presigned
 * GET URLs that carry the content type and disposition Herald would have sent.
 */
public final class S3BlobStorage implements BlobStorage {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final boolean presign;

    public S3BlobStorage(S3Client s3, S3Presigner presigner, String bucket, boolean presign) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.presign = presign;
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("Could not store " + key + " in bucket " + bucket, e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("Could not read " + key + " from bucket " + bucket, e);
        } catch (SdkException e) {
            throw new IOException("Could not read " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("Could not look up " + key + " in bucket " + bucket, e);
        } catch (SdkException e) {
            throw new IOException("Could not look up " + key + " in bucket " + bucket, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("Could not delete " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        try {
            var pages = s3.listObjectsV2Paginator(
                    ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build());
            for (var page : pages) {
                List<ObjectIdentifier> keys = page.contents().stream()
                        .map(S3Object::key)
                        .map(k -> ObjectIdentifier.builder().key(k).build())
                        .toList();
                if (!keys.isEmpty()) {
                    var answer = s3.deleteObjects(DeleteObjectsRequest.builder()
                            .bucket(bucket)
                            .delete(Delete.builder().objects(keys).build())
                            .build());
                    // DeleteObjects answers 200 even when some keys were not deleted; those are listed as errors.
                    if (answer.hasErrors() && !answer.errors().isEmpty()) {
                        var first = answer.errors().getFirst();
                        throw new IOException(
                                "Could not delete " + answer.errors().size() + " objects under " + prefix
                                        + " in bucket " + bucket + ", e.g. " + first.key() + ": " + first.code() + " "
                                        + first.message());
                    }
                }
            }
        } catch (SdkException e) {
            throw new IOException("Could not delete " + prefix + "* from bucket " + bucket, e);
        }
    }

    @Override
    public boolean presigns() {
        return presign;
    }

    @Override
    public Optional<URI> presignedUrl(String key, Duration lifetime, String contentType, String disposition) {
        if (!presign) {
            return Optional.empty();
        }
        var request =
                presigner.presignGetObject(p -> p.signatureDuration(lifetime).getObjectRequest(g -> g.bucket(bucket)
                        .key(key)
                        .responseContentType(contentType)
                        .responseContentDisposition(disposition)));
        return Optional.of(URI.create(request.url().toString()));
    }
}
