/**
 * Encryption of stored secrets (platform tokens now; BYOK keys and webhook secrets later) with Google Tink AEAD.
 *
 * <p>Every ciphertext is bound to where it is stored by its associated data, {@link herald.vault.SecretSlot}: a
 * ciphertext copied to another row, column or workspace does not decrypt. Plaintext leaves the vault only as a
 * {@link herald.vault.Secret}, whose {@code toString()} never shows it. Secrets are sealed by a data keyset stored in
 * Postgres (shared by every node) and encrypted by the master keyset, {@code HERALD_KEYSET}; {@link
 * herald.vault.KeyRotation} adds a primary key and re-encrypts every {@link herald.vault.EncryptedColumn} (ADR 0004).
 */
@ApplicationModule(allowedDependencies = {"shared", "database", "audit"})
@NullMarked
package herald.vault;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
