package herald.assets.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the library's bytes are kept, by key. Keys are opaque paths like {@code <workspace>/<uuid>}; writing a key
 * replaces its bytes, deleting a missing key is no error. Every backend passes the same contract suite.
 */
public interface BlobStorage {

    /** Stores the file's bytes under {@code key}. */
    void put(String key, Path file, String contentType) throws IOException;

    /** The bytes under {@code key}, or empty when there are none. */
    Optional<InputStream> open(String key) throws IOException;

    boolean exists(String key) throws IOException;

    void delete(String key) throws IOException;

    /** Deletes every key that starts with {@code prefix}. */
    void deleteAll(String prefix) throws IOException;

    /** Whether {@link #presignedUrl} hands out URLs, so callers can skip looking up keys when it never does. */
    default boolean presigns() {
        return false;
    }

    /**
     * A URL that serves {@code key} directly from the backend for {@code lifetime}, when the backend can sign one (S3
     * presigning); empty means Herald serves the bytes itself.
     */
    default Optional<URI> presignedUrl(String key, Duration lifetime, String contentType, String disposition) {
        return Optional.empty();
    }
}
