package herald.assets.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every {@link BlobStorage} backend does; each backend's test extends this suite. */
abstract class BlobStorageContract {

    abstract BlobStorage storage();

    private final String workspace = "ws-" + UUID.randomUUID();
    private Path file;

    private Path file(String content) throws IOException {
        file = Files.createTempFile("contract-", ".bin");
        Files.writeString(file, content);
        return file;
    }

    @AfterEach
    void removeFile() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    private String read(String key) throws IOException {
        try (InputStream in = storage().open(key).orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void keepsWhatIsPutUnderItsKey() throws IOException {
        String key = workspace + "/" + UUID.randomUUID();
        storage().put(key, file("the bytes of a picture"), "image/png");
        assertThat(storage().exists(key)).isTrue();
        assertThat(read(key)).isEqualTo("the bytes of a picture");
    }

    @Test
    void aMissingKeyIsEmptyNotAnError() throws IOException {
        String key = workspace + "/" + UUID.randomUUID();
        assertThat(storage().exists(key)).isFalse();
        assertThat(storage().open(key)).isEmpty();
        storage().delete(key);
    }

    @Test
    void putReplacesAndDeleteRemoves() throws IOException {
        String key = workspace + "/" + UUID.randomUUID();
        storage().put(key, file("first"), "image/png");
        storage().put(key, file("second"), "image/png");
        assertThat(read(key)).isEqualTo("second");
        storage().delete(key);
        assertThat(storage().exists(key)).isFalse();
        assertThat(storage().open(key)).isEmpty();
    }

    @Test
    void deleteAllRemovesOnlyKeysUnderThePrefix() throws IOException {
        String other = "ws-" + UUID.randomUUID();
        String a = workspace + "/" + UUID.randomUUID();
        String b = workspace + "/" + UUID.randomUUID();
        String kept = other + "/" + UUID.randomUUID();
        storage().put(a, file("a"), "image/png");
        storage().put(b, file("b"), "image/png");
        storage().put(kept, file("kept"), "image/png");
        storage().deleteAll(workspace + "/");
        assertThat(storage().exists(a)).isFalse();
        assertThat(storage().exists(b)).isFalse();
        assertThat(storage().exists(kept)).isTrue();
    }
}
