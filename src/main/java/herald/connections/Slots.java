package herald.connections;

import herald.shared.WorkspaceId;
import herald.vault.EncryptedColumn;
import herald.vault.SecretSlot;
import java.util.UUID;

/** Where the module's secrets are sealed: one purpose per encrypted column, so the vault can re-encrypt each. */
final class Slots {

    static final EncryptedColumn ACCESS_TOKEN =
            new EncryptedColumn("connections", "access_token", "connection.access_token");
    static final EncryptedColumn REFRESH_TOKEN =
            new EncryptedColumn("connections", "refresh_token", "connection.refresh_token");
    static final EncryptedColumn PKCE_VERIFIER =
            new EncryptedColumn("oauth_states", "pkce_verifier", "oauth_state.pkce_verifier");

    private Slots() {}

    static SecretSlot of(EncryptedColumn column, WorkspaceId workspace, UUID row) {
        return new SecretSlot(workspace, row, column.purpose());
    }

    static SecretSlot access(WorkspaceId workspace, ConnectionId id) {
        return of(ACCESS_TOKEN, workspace, id.value());
    }

    static SecretSlot refresh(WorkspaceId workspace, ConnectionId id) {
        return of(REFRESH_TOKEN, workspace, id.value());
    }
}
