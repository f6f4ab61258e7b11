package herald.vault;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows of the test table, written and read as a module owning an encrypted column would. */
record VaultTestRows(JdbcClient jdbc, TenantScope tenants, Vault vault) {

    SecretSlot slot(WorkspaceId workspace, UUID row) {
        return new SecretSlot(workspace, row, VaultTestColumns.SECRETS.purpose());
    }

    UUID insert(WorkspaceId workspace, String plaintext) {
        UUID id = UUID.randomUUID();
        tenants.run(workspace, () -> jdbc.sql(
                        "insert into vault_test_secrets (workspace_id, id, secret) values (:w, :id, :secret)")
                .param("w", workspace.value())
                .param("id", id)
                .param("secret", vault.seal(slot(workspace, id), Secret.of(plaintext)))
                .update());
        return id;
    }

    void store(WorkspaceId workspace, UUID id, String plaintext) {
        tenants.run(workspace, () -> jdbc.sql("update vault_test_secrets set secret = :secret where id = :id")
                .param("id", id)
                .param("secret", vault.seal(slot(workspace, id), Secret.of(plaintext)))
                .update());
    }

    byte @Nullable [] ciphertext(WorkspaceId workspace, UUID id) {
        return tenants.call(workspace, () -> jdbc.sql("select secret from vault_test_secrets where id = :id")
                .param("id", id)
                .query(byte[].class)
                .optional()
                .orElse(null));
    }

    void overwrite(WorkspaceId workspace, UUID id, byte[] ciphertext) {
        tenants.run(workspace, () -> jdbc.sql("update vault_test_secrets set secret = :secret where id = :id")
                .param("id", id)
                .param("secret", ciphertext)
                .update());
    }

    void delete(WorkspaceId workspace, UUID id) {
        tenants.run(workspace, () -> jdbc.sql("delete from vault_test_secrets where id = :id")
                .param("id", id)
                .update());
    }

    /** Reads and opens in one transaction of the workspace, as a provider call would. */
    Secret open(WorkspaceId workspace, UUID id) {
        return tenants.call(workspace, () -> {
            byte[] ciphertext = jdbc.sql("select secret from vault_test_secrets where id = :id")
                    .param("id", id)
                    .query(byte[].class)
                    .single();
            return vault.open(slot(workspace, id), ciphertext);
        });
    }
}
