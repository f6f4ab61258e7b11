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
}
