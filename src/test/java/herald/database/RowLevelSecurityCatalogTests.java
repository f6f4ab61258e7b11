package herald.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog gate: reads the schema as migrated, so a table or function added by any future migration is checked
 * without anyone listing it here. A tenant table is every table with a {@code workspace_id} column, and
 * {@code workspaces} itself.
 */
@SpringBootTest
class RowLevelSecurityCatalogTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcConnectionDetails runtime;

    @Autowired
    FlywayConnectionDetails owner;

    String app;
    String migrationOwner;

    @BeforeEach
    void roles() {
        app = runtime.getUsername();
        migrationOwner = owner.getUsername();
    }

    List<TenantTables.Table> tenantTables() {
        return TenantTables.all(jdbc);
    }

    @Test
    void findsTheTenantTables() {
        assertThat(tenantTables())
                .extracting(TenantTables.Table::name)
                .contains("workspaces", "memberships", "invitations", "api_keys", "audit_events");
    }

    @Test
    void everyTenantTableHasRowLevelSecurityEnabledAndForced() {
        assertThat(tenantTables()).allSatisfy(table -> assertThat(table.enabled() && table.forced())
                .as("%s.%s must ENABLE and FORCE ROW LEVEL SECURITY", table.schema(), table.name())
                .isTrue());
    }

    record Policy(String name, String command, boolean permissive, String using, String check) {}

    List<Policy> policies(TenantTables.Table table) {
        return jdbc.sql(
                        """
                        select policyname as name, cmd as command, permissive = 'PERMISSIVE' as permissive,
                               coalesce(qual, '') as using, coalesce(with_check, '') as check
                        from pg_policies where schemaname = :schema and tablename = :table""")
                .param("schema", table.schema())
                .param("table", table.name())
                .query(Policy.class)
                .list();
    }

    @Test
    void everyTenantTableHasAPolicyOnTheWorkspaceSettingForReadingAndWriting() {
        assertThat(tenantTables()).allSatisfy(table -> {
            String tenantRows = "(" + table.tenantColumn() + " = herald_current_workspace())";
            List<Policy> policies = policies(table);
            assertThat(policies)
                    .as("%s needs a policy for ALL commands with USING and WITH CHECK %s", table.name(), tenantRows)
                    .anySatisfy(policy -> {
                        assertThat(policy.command()).isEqualTo("ALL");
                        assertThat(policy.using()).isEqualTo(tenantRows);
                        assertThat(policy.check()).isEqualTo(tenantRows);
                    });
            // Permissive policies are OR-ed: one that is wider than the tenant's rows would undo the isolation.
            assertThat(policies.stream().filter(Policy::permissive))
                    .as("every permissive policy on %s must be limited to the bound workspace", table.name())
                    .allSatisfy(policy -> {
                        assertThat(policy.using()).isIn(tenantRows, "");
                        assertThat(policy.check()).isIn(tenantRows, "");
                    });
        });
    }

    @Test
    void theWorkspaceSettingFailsClosedWhenUnsetOrEmpty() {
        assertThat(jdbc.sql("select herald_current_workspace() is null")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void theRuntimeRoleIsNeitherSuperuserNorExemptFromRowLevelSecurity() {
        var role = jdbc.sql(
                        "select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = :role")
                .param("role", app)
                .query()
                .singleRow();
        assertThat(role).containsEntry("rolsuper", false).containsEntry("rolbypassrls", false);
        assertThat(role).containsEntry("rolcreaterole", false).containsEntry("rolcreatedb", false);
        assertThat(jdbc.sql("select current_user").query(String.class).single())
                .as("the application pool logs in as the runtime role")
                .isEqualTo(app);
    }

    @Test
    void theRuntimeRoleCannotBecomeAnotherRole() {
        assertThat(jdbc.sql(
                                """
                        select r.rolname from pg_roles r
                        where r.rolname <> :role and pg_has_role(:role, r.oid, 'MEMBER')""")
                        .param("role", app)
                        .query(String.class)
                        .list())
                .as("roles whose rights the runtime role inherits or can SET ROLE to")
                .isEmpty();
    }

    @Test
    void theRuntimeRoleOwnsNothing() {
        assertThat(jdbc.sql(
                                """
                        select 'table ' || c.oid::regclass from pg_class c where c.relowner = to_regrole(:role)
                        union all select 'function ' || p.oid::regprocedure from pg_proc p
                            where p.proowner = to_regrole(:role)
                        union all select 'schema ' || n.nspname from pg_namespace n where n.nspowner = to_regrole(:role)
                        union all select 'type ' || t.oid::regtype from pg_type t where t.typowner = to_regrole(:role)
                        union all select 'database ' || d.datname from pg_database d where d.datdba = to_regrole(:role)""")
                        .param("role", app)
                        .query(String.class)
                        .list())
                .isEmpty();
    }

    @Test
    void theRuntimeRoleCannotCreateObjects() {
        assertThat(jdbc.sql(
                                """
                        select n.nspname from pg_namespace n
                        where has_schema_privilege(:role, n.oid, 'CREATE')""")
                        .param("role", app)
                        .query(String.class)
                        .list())
                .as("schemas the runtime role may create objects in")
                .isEmpty();
        assertThat(jdbc.sql("select has_database_privilege(:role, current_database(), 'CREATE')")
                        .param("role", app)
                        .query(Boolean.class)
                        .single())
                .as("the runtime role may create schemas")
                .isFalse();
        assertThat(jdbc.sql("select has_database_privilege(:role, current_database(), 'TEMP')")
                        .param("role", app)
                        .query(Boolean.class)
                        .single())
                .as("the runtime role may create temporary tables")
                .isFalse();
    }

    record Definer(String signature, String owner, String config, boolean publicExecute) {}

    @Test
    void securityDefinerFunctionsAreOwnedByTheOwnerAndPinTheirSearchPath() {
        List<Definer> definers = jdbc.sql(
                        """
                        select p.oid::regprocedure::text as signature, pg_get_userbyid(p.proowner) as owner,
                               coalesce((select c from unnest(p.proconfig) c where c like 'search_path=%%'), '')
                                   as config,
                               exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                                       where a.grantee = 0) as public_execute
                        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where p.prosecdef and %s"""
                                .formatted(TenantTables.OWN_SCHEMAS))
                .query(Definer.class)
                .list();
        assertThat(definers).extracting(Definer::signature).contains("herald_api_key_by_hash(bytea)");
        assertThat(definers).allSatisfy(definer -> {
            assertThat(definer.owner()).as("owner of %s", definer.signature()).isEqualTo(migrationOwner);
            assertThat(definer.config())
                    .as(
                            "%s must SET search_path ending in pg_temp, or a caller's temporary tables, searched first,"
                                    + " could stand in for Herald's",
                            definer.signature())
                    .matches("search_path=.*, *pg_temp");
            assertThat(definer.publicExecute())
                    .as("%s must be granted to the runtime role only, not to PUBLIC", definer.signature())
                    .isFalse();
        });
    }

    @Test
    void theOwnerRoleBypassesRowLevelSecuritySoDefinerFunctionsSeeAcrossTenants() {
        assertThat(jdbc.sql("select rolbypassrls from pg_roles where rolname = :role")
                        .param("role", migrationOwner)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}
