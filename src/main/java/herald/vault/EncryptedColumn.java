package herald.vault;

/**
 * A column of ciphertexts that the vault re-encrypts after a key rotation. The module owning the table declares one
 * bean per column. The table is a tenant table keyed by {@code (workspace_id, id)}; every value in the column was
 * sealed in the slot {@code (workspace_id, id, purpose)}; a null value means no secret.
 */
public record EncryptedColumn(String table, String column, String purpose) {

    public EncryptedColumn {
        for (String name : new String[] {table, column}) {
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + name);
            }
        }
    }
}
