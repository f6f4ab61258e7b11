package herald.database;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tenant tables as the catalog has them: every table of Herald's schemas with a {@code workspace_id} column, and
 * {@code workspaces} itself (whose own {@code id} is the tenant). Read from the catalog so that a table added by a
 * later migration is covered without being listed anywhere.
 */
record TenantTables() {

    /** Schemas that are Herald's, not PostgreSQL's. */
    static final String OWN_SCHEMAS = "n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_'";

    record Table(String schema, String name, String tenantColumn, boolean enabled, boolean forced) {

        String qualified() {
            return '"' + schema + "\".\"" + name + '"';
        }

        @Override
        public String toString() {
            return schema + "." + name;
        }
    }

    static List<Table> all(JdbcClient jdbc) {
        return jdbc.sql(
                        """
                        select n.nspname as schema, c.relname as name,
                               case when c.relname = 'workspaces' and n.nspname = 'public' then 'id' else 'workspace_id' end
                                   as tenant_column,
                               c.relrowsecurity as enabled, c.relforcerowsecurity as forced
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where c.relkind in ('r', 'p') and %s
                          and (exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'workspace_id'
                                       and not a.attisdropped)
                               or (c.relname = 'workspaces' and n.nspname = 'public'))
                        order by 1, 2"""
                                .formatted(OWN_SCHEMAS))
                .query(Table.class)
                .list();
    }

    /** The columns an INSERT may name: all but generated and identity-always ones. */
    static List<String> insertableColumns(JdbcClient jdbc, Table table) {
        return jdbc.sql(
                        """
                        select a.attname from pg_attribute a
                        where a.attrelid = cast(:table as regclass) and a.attnum > 0 and not a.attisdropped
                          and a.attidentity <> 'a' and a.attgenerated = ''
                        order by a.attnum""")
                .param("table", table.qualified())
                .query(String.class)
                .list();
    }
}
