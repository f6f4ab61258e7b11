package herald.vault;

import herald.shared.WorkspaceId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of every {@link EncryptedColumn}: found across workspaces only through the vault's SECURITY DEFINER
 * functions (ids and counts), read and rewritten only inside their own workspace's scope. Table and column names are
 * plain identifiers (checked by {@link EncryptedColumn}) and the functions refuse anything but a tenant table's bytea
 * column.
 */
@Component
class EncryptedRows {

    static final UUID NONE = new UUID(0, 0);

    /**
     * Tink's ciphertext prefix of each key (version byte 0x01, then the 4-byte key id), for global tables: the runtime
     * role reads those directly, as their owning module does, so they need no SECURITY DEFINER function.
     */
    private static final String KEY_PREFIXES =
            "select k.key_id, k.state, '\\x01'::bytea || substring(int8send(k.key_id) from 5 for 4) as prefix from vault_keys k";

    /** A row of a tenant table. */
    record Row(WorkspaceId workspace, UUID id) {}

    private final JdbcClient jdbc;
    private final ObjectProvider<EncryptedColumn> columns;

    EncryptedRows(JdbcClient jdbc, ObjectProvider<EncryptedColumn> columns) {
        this.jdbc = jdbc;
        this.columns = columns;
    }

    /** The columns this node declares and those any other node registered, when they still exist. */
    List<EncryptedColumn> columns() {
        Set<EncryptedColumn> all = new LinkedHashSet<>(columns.orderedStream().toList());
        all.addAll(jdbc.sql(
                        """
                        select v.table_name, v.column_name, v.purpose, v.global from vault_columns v
                        where exists (select 1 from information_schema.columns c where c.table_schema = 'public'
                                      and c.table_name = v.table_name and c.column_name = v.column_name)
                        order by v.registered_at, v.table_name, v.column_name""")
                .query((rs, n) -> new EncryptedColumn(
                        rs.getString("table_name"),
                        rs.getString("column_name"),
                        rs.getString("purpose"),
                        rs.getBoolean("global")))
                .list());
        Map<String, EncryptedColumn> byName = new LinkedHashMap<>();
        for (EncryptedColumn column : all) {
            byName.putIfAbsent(column.table() + "." + column.column(), column);
        }
        return List.copyOf(byName.values());
    }

    /** Records this node's columns, so that every node's job sees them. */
    void register() {
        columns.orderedStream().forEach(column -> jdbc.sql(
                        """
                        insert into vault_columns (table_name, column_name, purpose, global)
                        values (:table, :column, :purpose, :global)
                        on conflict do nothing""")
                .param("table", column.table())
                .param("column", column.column())
                .param("purpose", column.purpose())
                .param("global", column.global())
                .update());
    }

    /** Up to {@code limit} rows of {@code column} after {@code after} whose value is sealed under a non-primary key. */
    List<Row> underOldKeys(EncryptedColumn column, Row after, int limit) {
        if (column.global()) {
            return jdbc.sql(
                            """
                            select id from %1$s where substring(%2$s from 1 for 5) in
                                (select p.prefix from (%3$s) p where p.state <> 'primary')
                            and id > :id order by id limit :limit"""
                                    .formatted(column.table(), column.column(), KEY_PREFIXES))
                    .param("id", after.id())
                    .param("limit", Math.clamp(limit, 1, 5000))
                    .query((rs, n) -> new Row(SecretSlot.GLOBAL, rs.getObject("id", UUID.class)))
                    .list();
        }
        return jdbc.sql(
                        "select workspace_id, id from herald_vault_stale_rows(:table, :column, :workspace, :id, :limit)")
                .param("table", column.table())
                .param("column", column.column())
                .param("workspace", after.workspace().value())
                .param("id", after.id())
                .param("limit", limit)
                .query((rs, n) -> new Row(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getObject("id", UUID.class)))
                .list();
    }

    /** How many values each of the vault's keys sealed, over every encrypted column. */
    Map<Long, Long> usage() {
        Map<Long, Long> usage = new HashMap<>();
        for (EncryptedColumn column : columns()) {
            (column.global()
                            ? jdbc.sql(
                                    """
                                    select prefixes.key_id, count(*) as rows from %1$s t
                                    join (%3$s) prefixes on substring(t.%2$s from 1 for 5) = prefixes.prefix
                                    group by prefixes.key_id"""
                                            .formatted(column.table(), column.column(), KEY_PREFIXES))
                            : jdbc.sql("select key_id, rows from herald_vault_key_usage(:table, :column)")
                                    .param("table", column.table())
                                    .param("column", column.column()))
                    .query(rs -> {
                        usage.merge(rs.getLong("key_id"), rs.getLong("rows"), Long::sum);
                    });
        }
        return usage;
    }

    /** The values of {@code ids} in the current workspace scope (row-level security applies). */
    Map<UUID, byte[]> values(EncryptedColumn column, WorkspaceId workspace, List<UUID> ids) {
        Map<UUID, byte[]> values = new LinkedHashMap<>();
        jdbc.sql("select id, %s as value from %s where %s and id = any(:ids)"
                        .formatted(column.column(), column.table(), inWorkspace(column)))
                .param("workspace", workspace.value())
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    byte[] value = rs.getBytes("value");
                    if (value != null) {
                        values.put(rs.getObject("id", UUID.class), value);
                    }
                });
        return values;
    }

    /** The rows of one workspace; a global table has none (its unused parameter is ignored). */
    private static String inWorkspace(EncryptedColumn column) {
        return column.global() ? "true" : "workspace_id = :workspace";
    }

    /** Replaces a value only if it is still {@code expected}: a concurrent writer's newer value is never overwritten. */
    boolean replace(EncryptedColumn column, WorkspaceId workspace, UUID id, byte[] expected, byte[] replacement) {
        return jdbc.sql("update %1$s set %2$s = :replacement where %3$s and id = :id and %2$s = :expected"
                                .formatted(column.table(), column.column(), inWorkspace(column)))
                        .param("replacement", replacement)
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .param("expected", expected)
                        .update()
                == 1;
    }
}
