package herald.vault;

/**
 * Seals secrets into ciphertexts bound to their {@link SecretSlot} and opens them again.
 *
 * <p>Callers store the ciphertext ({@code bytea}) in the slot's row and register the column as an
 * {@link EncryptedColumn} bean so key rotation can re-encrypt it.
 */
public interface Vault {

    /** Encrypts {@code secret} under the current primary key for {@code slot}. */
    byte[] seal(SecretSlot slot, Secret secret);

    /**
     * Decrypts a ciphertext stored in {@code slot}.
     *
     * @throws VaultException when the ciphertext does not belong to the slot or no key opens it; the message never
     *     contains key material or plaintext
     */
    Secret open(SecretSlot slot, byte[] ciphertext);

    /**
     * A secret opened by {@link #openForBatch}, and the {@code secret.decrypted} entry its opener appends ({@code
     * AuditLog.appendAll}) in the transaction that read the ciphertext, before it commits.
     */
    record Opening(Secret secret, herald.audit.AuditLog.Entry record) {}

    /**
     * Decrypts a ciphertext that one statement read for several workspaces at once (the dispatcher's batch of claims),
     * and prepares its {@code secret.decrypted} entry instead of appending it: the caller appends the entries of the
     * whole batch in one call, in the transaction that read them. A workspace's slot only.
     *
     * @throws VaultException as {@link #open}
     */
    Opening openForBatch(SecretSlot slot, byte[] ciphertext);
}
