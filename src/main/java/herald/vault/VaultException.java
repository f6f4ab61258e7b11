package herald.vault;

/** A ciphertext that could not be opened or a secret that could not be sealed. Never carries key or plaintext. */
public class VaultException extends RuntimeException {

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
