/**
 * Encryption of stored secrets (platform tokens now; BYOK keys and webhook secrets later) with Google Tink AEAD.
 *
 * <p>Every ciphertext is bound to where it is stored by its associated data, {@link herald.vault.SecretSlot}: a
 * ciphertext copied to another row, column or workspace does not decrypt. Plaintext leaves the vault only as a
 * {@link herald.vault.Secret}, whose {@code toString()} never shows it.
 */
@ApplicationModule(allowedDependencies = {"shared", "database", "audit"})
@NullMarked
package herald.vault;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
