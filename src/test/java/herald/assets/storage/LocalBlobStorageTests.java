package herald.assets.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local disk backend against the storage contract, and the keys it refuses. */
class LocalBlobStorageTests extends BlobStorageContract {

    @TempDir
    static Path root;

    private static LocalBlobStorage storage;

    @Override
    BlobStorage storage() {
        if (storage == null) {
            storage = new LocalBlobStorage(root);
        }
        return storage;
    }

    @Test
    void refusesKeysThatWouldLeaveItsFolder() {
        assertThatThrownBy(() -> storage().exists("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().exists("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().exists("a/../../b")).isInstanceOf(IllegalArgumentException.class);
    }
}
