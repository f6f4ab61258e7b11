package herald.vault;

import herald.shared.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a secret is stored: its workspace, the id of its row and its purpose (e.g. {@code connection.access_token}).
 * It is the associated data of the ciphertext, so the ciphertext only decrypts in this slot. A secret of a global
 * table (one that belongs to a person, not a workspace) is in a {@link #global} slot.
 */
public record SecretSlot(WorkspaceId workspace, UUID row, String purpose) {

    /** The workspace of global slots: no workspace has this id, so a global ciphertext opens in no tenant slot. */
    public static final WorkspaceId GLOBAL = new WorkspaceId(new UUID(0, 0));

    /** The slot of a secret in a global table's row, e.g. a person's TOTP key. */
    public static SecretSlot global(UUID row, String purpose) {
        return new SecretSlot(GLOBAL, row, purpose);
    }

    public boolean isGlobal() {
        return GLOBAL.equals(workspace);
    }

    public SecretSlot {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(row, "row");
        if (purpose == null || purpose.isBlank() || purpose.contains("|")) {
            throw new IllegalArgumentException("purpose must be a non-blank name without '|'");
        }
    }

    byte[] associatedData() {
        return ("herald-secret-v1|" + workspace.value() + "|" + row + "|" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
