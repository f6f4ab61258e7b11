package herald.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master (key-encryption) keyset: {@code HERALD_KEYSET} when set, otherwise a keyset generated once into the data
 * folder with owner-only permissions. It only encrypts the data keyset stored in the database, never a secret.
 */
final class MasterKeyset {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyset.class);
    static final String FILE = "vault-keyset.json";

    private MasterKeyset() {}

    static Aead load(@Nullable String keyset, Path dataDir) {
        try {
            AeadConfig.register();
            KeysetHandle handle = keyset != null && !keyset.isBlank() ? parse(keyset) : fromDataDir(dataDir);
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            // The exception's message may quote the input; only its kind is safe to show.
            throw new IllegalStateException("The vault's master keyset (HERALD_KEYSET or " + FILE
                    + ") could not be loaded: " + e.getClass().getSimpleName());
        }
    }

    private static KeysetHandle parse(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    private static KeysetHandle fromDataDir(Path dataDir) throws GeneralSecurityException {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return parse(Files.readString(file));
            }
            KeysetHandle generated = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            Files.createDirectories(dataDir);
            Files.writeString(
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    TinkJsonProtoKeysetFormat.serializeKeyset(generated, InsecureSecretKeyAccess.get()));
            log.warn(
                    "Generated the vault's master keyset in {} (owner-only). Back it up: without it stored secrets"
                            + " cannot be decrypted. In production set HERALD_KEYSET instead.",
                    file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the vault's master keyset " + file, e);
        }
    }
}
