package herald.vault;

import herald.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * The vault over the stored data keyset ({@link DataKeys}): seals under its primary key, opens with whichever enabled
 * key sealed the value, and records every opening in the workspace's audit log.
 */
@Component
class TinkVault implements Vault {

    static final String DECRYPTED = "secret.decrypted";

    private final DataKeys keys;
    private final AuditLog audit;

    TinkVault(DataKeys keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    @Override
    public byte[] seal(SecretSlot slot, Secret secret) {
        return seal(keys.current(), slot, secret);
    }

    @Override
    public Secret open(SecretSlot slot, byte[] ciphertext) {
        Secret secret = decrypt(slot, ciphertext);
        if (slot.isGlobal()) {
            // No workspace's log holds a person's own secret; the module that opened it records what it was for.
            return secret;
        }
        // Joins the caller's transaction when it acts for the same workspace: the read and its record commit together.
        audit.record(
                slot.workspace(),
                DECRYPTED,
                "secret",
                slot.row().toString(),
                Map.of("purpose", slot.purpose(), "row", slot.row().toString()));
        return secret;
    }

    @Override
    public Opening openForBatch(SecretSlot slot, byte[] ciphertext) {
        if (slot.isGlobal()) {
            throw new IllegalArgumentException("A global secret has no workspace's log to record its opening in");
        }
        Secret secret = decrypt(slot, ciphertext);
        return new Opening(
                secret,
                audit.prepare(
                        slot.workspace(),
                        DECRYPTED,
                        "secret",
                        slot.row().toString(),
                        Map.of("purpose", slot.purpose(), "row", slot.row().toString())));
    }

    /** Opens and seals again under the current primary key, without an audit entry per row (the job records batches). */
    byte[] reseal(SecretSlot slot, byte[] ciphertext) {
        return seal(keys.current(), slot, decrypt(slot, ciphertext));
    }

    /** The id of the key that sealed {@code ciphertext}, from Tink's prefix (0x01 and the 4-byte key id). */
    static OptionalLong keyIdOf(byte[] ciphertext) {
        if (ciphertext.length < 5 || ciphertext[0] != 0x01) {
            return OptionalLong.empty();
        }
        long id = ((ciphertext[1] & 0xFFL) << 24)
                | ((ciphertext[2] & 0xFFL) << 16)
                | ((ciphertext[3] & 0xFFL) << 8)
                | (ciphertext[4] & 0xFFL);
        return OptionalLong.of(id);
    }

    private Secret decrypt(SecretSlot slot, byte[] ciphertext) {
        OptionalLong keyId = keyIdOf(ciphertext);
        DataKeys.Loaded loaded = keyId.isPresent() ? keys.forKey(keyId.getAsLong()) : keys.current();
        try {
            return Secret.of(
                    new String(loaded.aead().decrypt(ciphertext, slot.associatedData()), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new VaultException("A stored " + slot.purpose() + " does not decrypt in its row " + slot.row());
        }
    }

    private static byte[] seal(DataKeys.Loaded loaded, SecretSlot slot, Secret secret) {
        try {
            return loaded.aead().encrypt(secret.reveal().getBytes(StandardCharsets.UTF_8), slot.associatedData());
        } catch (GeneralSecurityException e) {
            throw new VaultException("Could not seal a secret for " + slot.purpose());
        }
    }
}
