package herald.vault;

import herald.shared.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a secret is stored: its workspace, the id of its row and its purpose (e.g. {@code connection.access_token}).
 * It is the associated data of the ciphertext, so the ciphertext only decrypts in this slot.
 */
public record SecretSlot(WorkspaceId workspace, UUID row, String purpose) {

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
