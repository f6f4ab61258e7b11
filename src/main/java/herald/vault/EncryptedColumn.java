package herald.vault;

/**
 * A column of ciphertexts that the vault re-encrypts after a key rotation. The module owning the table declares one
 * bean per column. The table is a tenant table keyed by {@code (workspace_id, id)}; every value in the column was
 * sealed in the slot {@code (workspace_id, id, purpose)}; a null value means no secret. A {@link #global} column is in
 * a table keyed by {@code id} alone, without row-level security, and its values were sealed in {@link
 * SecretSlot#global} slots.
 */
public record EncryptedColumn(String table, String column, String purpose, boolean global) {

    public EncryptedColumn(String table, String column, String purpose) {
        this(table, column, purpose, false);
    }

    /** A column of a global table, e.g. the people's TOTP keys. */
    public static EncryptedColumn global(String table, String column, String purpose) {
        return new EncryptedColumn(table, column, purpose, true);
    }

    public EncryptedColumn {
        for (String name : new String[] {table, column}) {
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + name);
            }
        }
    }
}
