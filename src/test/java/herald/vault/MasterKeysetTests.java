package herald.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The master keyset: HERALD_KEYSET when set, otherwise one generated once into the data folder, owner-only. */
@ExtendWith(OutputCaptureExtension.class)
class MasterKeysetTests {

    static final byte[] DATA = "a data keyset".getBytes(StandardCharsets.UTF_8);
    static final byte[] AD = "ad".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void usesHeraldKeysetWhenSetAndWritesNoFile() throws Exception {
        AeadConfig.register();
        KeysetHandle given = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(given, InsecureSecretKeyAccess.get());
        byte[] sealed =
                given.getPrimitive(RegistryConfiguration.get(), Aead.class).encrypt(DATA, AD);

        Aead master = MasterKeyset.load(json, dataDir);

        assertThat(master.decrypt(sealed, AD)).isEqualTo(DATA);
        assertThat(dataDir.resolve(MasterKeyset.FILE)).doesNotExist();
    }

    @Test
    void generatesAnOwnerOnlyKeysetOnceSaysSoAndReusesItOnRestart(CapturedOutput output) throws Exception {
        Aead first = MasterKeyset.load("", dataDir);
        Path file = dataDir.resolve(MasterKeyset.FILE);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(output.getAll())
                .contains("Generated the vault's master keyset in")
                .contains(file.toString());
        String keyMaterial = Files.readString(file).replaceAll("(?s).*\"value\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(output.getAll()).doesNotContain(keyMaterial);

        byte[] sealed = first.encrypt(DATA, AD);
        String written = Files.readString(file);
        Aead afterRestart = MasterKeyset.load(null, dataDir);

        assertThat(afterRestart.decrypt(sealed, AD)).isEqualTo(DATA);
        assertThat(Files.readString(file)).isEqualTo(written);
    }

    @Test
    void aMalformedKeysetIsRefusedWithoutEchoingIt() {
        String malformed = "{\"primaryKeyId\": 1, \"key\": \"c2VjcmV0LWtleS1tYXRlcmlhbA==\"}";

        assertThatThrownBy(() -> MasterKeyset.load(malformed, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HERALD_KEYSET")
                .hasMessageNotContaining("c2VjcmV0");
    }
}
