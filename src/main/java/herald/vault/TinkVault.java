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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The vault over one Tink AES-256-GCM keyset: {@code HERALD_VAULT_KEYSET} when set, otherwise a keyset generated
 * once into the data folder with owner-only permissions.
 */
@Component
class TinkVault implements Vault {

    private static final Logger log = LoggerFactory.getLogger(TinkVault.class);
    private static final String KEYSET_FILE = "vault-keyset.json";

    private final Aead aead;

    TinkVault(
            @Value("${herald.keyset:}") @Nullable String keyset,
            @Value("${herald.database.data-dir:.herald}") Path dataDir) {
        try {
            AeadConfig.register();
            KeysetHandle handle = keyset != null && !keyset.isBlank() ? parse(keyset) : fromDataDir(dataDir);
            this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The vault keyset could not be loaded: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public byte[] seal(SecretSlot slot, Secret secret) {
        try {
            return aead.encrypt(secret.reveal().getBytes(StandardCharsets.UTF_8), slot.associatedData());
        } catch (GeneralSecurityException e) {
            throw new VaultException("Could not seal a secret for " + slot.purpose());
        }
    }

    @Override
    public Secret open(SecretSlot slot, byte[] ciphertext) {
        try {
            return Secret.of(new String(aead.decrypt(ciphertext, slot.associatedData()), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new VaultException("A stored " + slot.purpose() + " does not decrypt in its row " + slot.row());
        }
    }

    private static KeysetHandle parse(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    private static KeysetHandle fromDataDir(Path dataDir) throws GeneralSecurityException {
        Path file = dataDir.resolve(KEYSET_FILE);
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
                    "Generated a vault keyset in {} (owner-only). Back it up: without it stored tokens cannot be"
                            + " decrypted. In production set HERALD_KEYSET instead.",
                    file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the vault keyset " + file, e);
        }
    }
}
