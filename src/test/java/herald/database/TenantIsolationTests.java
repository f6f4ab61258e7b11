package herald.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import herald.OwnerDatabase;
import herald.TenantFixtures;
import herald.TenantFixtures.Tenant;
import herald.shared.WorkspaceId;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security as the runtime role sees it, for every tenant table in the catalog: acting for workspace A, B's
 * rows cannot be read, changed, deleted or created; with no workspace bound nothing is visible; and the setting ends
 * with its transaction, so a pooled connection never carries it to the next one.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTests {

    static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    FlywayConnectionDetails ownerDetails;

    @Autowired
    JdbcConnectionDetails runtimeDetails;

    JdbcClient owner;
    Tenant a;
    Tenant b;
    List<TenantTables.Table> tables;

    @BeforeAll
    void twoPopulatedWorkspaces() {
        owner = OwnerDatabase.jdbc(ownerDetails);
        var fixtures = TenantFixtures.of(context);
        a = fixtures.tenant("Isolation A");
        b = fixtures.tenant("Isolation B");
        // A tombstone only exists once its workspace is gone; A and B get one so that table is exercised too.
        for (Tenant tenant : List.of(a, b)) {
            owner.sql("insert into workspace_tombstones (workspace_id, name) values (:id, :name)")
                    .param("id", tenant.id().value())
                    .param("name", tenant.workspace().name())
                    .update();
        }
        tables = TenantTables.all(jdbc);
    }

    @AfterAll
    void removeTheTombstones() {
        owner.sql("delete from workspace_tombstones where workspace_id in (:a, :b)")
                .param("a", a.id().value())
                .param("b", b.id().value())
                .update();
    }

    /** Runs {@code work} as the runtime role in a transaction scoped to {@code workspace}, then rolls it back. */
    <T> T inScopeRolledBack(WorkspaceId workspace, Function<JdbcClient, T> work) {
        try (var ignored = TenantContext.bind(workspace)) {
            return new TransactionTemplate(transactions).execute(status -> {
                status.setRollbackOnly();
                return work.apply(jdbc);
            });
        }
    }

    long ownerCount(TenantTables.Table table, WorkspaceId workspace) {
        return owner.sql("select count(*) from " + table.qualified() + " where " + table.tenantColumn() + " = :id")
                .param("id", workspace.value())
                .query(Long.class)
                .single();
    }

    Stream<DynamicTest> perTable(java.util.function.Consumer<TenantTables.Table> check) {
        return tables.stream().map(table -> DynamicTest.dynamicTest(table.toString(), () -> check.accept(table)));
    }

    @TestFactory
    Stream<DynamicTest> theFixtureHasRowsOfBothWorkspacesInEveryTenantTable() {
        return perTable(table -> {
            assertThat(ownerCount(table, a.id()))
                    .as("rows of A in %s: add a row of this new table to TenantFixtures", table)
                    .isPositive();
            assertThat(ownerCount(table, b.id()))
                    .as("rows of B in %s: add a row of this new table to TenantFixtures", table)
                    .isPositive();
        });
    }

    @TestFactory
    Stream<DynamicTest> actingForASelectsNoneOfBsRows() {
        return perTable(table -> {
            long visibleOfB = inScopeRolledBack(a.id(), sql -> sql.sql(
                            "select count(*) from " + table.qualified() + " where " + table.tenantColumn() + " = :b")
                    .param("b", b.id().value())
                    .query(Long.class)
                    .single());
            long visibleNotOfA = inScopeRolledBack(a.id(), sql -> sql.sql("select count(*) from " + table.qualified()
                            + " where " + table.tenantColumn() + " is distinct from :a")
                    .param("a", a.id().value())
                    .query(Long.class)
                    .single());
            long visibleOfA = inScopeRolledBack(a.id(), sql -> sql.sql("select count(*) from " + table.qualified())
                    .query(Long.class)
                    .single());
            assertThat(visibleOfB).isZero();
            assertThat(visibleNotOfA).isZero();
            assertThat(visibleOfA).as("A still sees its own rows").isEqualTo(ownerCount(table, a.id()));
        });
    }

    @TestFactory
    Stream<DynamicTest> actingForAUpdatesNoneOfBsRows() {
        return perTable(table -> {
            String column = table.tenantColumn();
            assertZeroRowsOrRefused(() -> inScopeRolledBack(a.id(), sql -> sql.sql("update " + table.qualified()
                            + " set " + column + " = " + column + " where " + column + " = :b")
                    .param("b", b.id().value())
                    .update()));
            // Moving one of A's rows into B is refused by WITH CHECK.
            assertThatRefused(() -> inScopeRolledBack(a.id(), sql -> sql.sql(
                            "update " + table.qualified() + " set " + column + " = :b where " + column + " = :a")
                    .param("a", a.id().value())
                    .param("b", b.id().value())
                    .update()));
        });
    }

    @TestFactory
    Stream<DynamicTest> actingForADeletesNoneOfBsRows() {
        return perTable(table -> {
            long before = ownerCount(table, b.id());
            assertZeroRowsOrRefused(() -> inScopeRolledBack(a.id(), sql -> sql.sql(
                            "delete from " + table.qualified() + " where " + table.tenantColumn() + " = :b")
                    .param("b", b.id().value())
                    .update()));
            assertThat(ownerCount(table, b.id())).isEqualTo(before);
        });
    }

    @TestFactory
    Stream<DynamicTest> actingForAInsertingARowOfBIsRejected() {
        return perTable(table -> {
            // An exact copy of one of B's rows: only the policy stands between it and the table.
            String row = owner.sql("select row_to_json(t)::text from " + table.qualified() + " t where "
                            + table.tenantColumn() + " = :b limit 1")
                    .param("b", b.id().value())
                    .query(String.class)
                    .single();
            String columns = String.join(", ", TenantTables.insertableColumns(jdbc, table));
            assertThatRefused(() -> inScopeRolledBack(a.id(), sql -> sql.sql("insert into " + table.qualified() + " ("
                            + columns + ") select " + columns + " from json_populate_record(null::" + table.qualified()
                            + ", cast(:row as json))")
                    .param("row", row)
                    .update()));
        });
    }

    @TestFactory
    Stream<DynamicTest> withNoWorkspaceBoundNothingIsVisible() {
        assertThat(TenantContext.current()).isEmpty();
        return perTable(table -> {
            long inTransaction = new TransactionTemplate(transactions)
                    .execute(status -> jdbc.sql("select count(*) from " + table.qualified())
                            .query(Long.class)
                            .single());
            long withoutTransaction = jdbc.sql("select count(*) from " + table.qualified())
                    .query(Long.class)
                    .single();
            assertThat(inTransaction).isZero();
            assertThat(withoutTransaction).isZero();
            assertThat(ownerCount(table, a.id())).isPositive();
        });
    }

    @Test
    void aBoundWorkspaceWithoutATransactionSeesNothingEither() {
        // The setting is made when a transaction starts; a bare statement fails closed instead of guessing.
        try (var ignored = TenantContext.bind(a.id())) {
            assertThat(jdbc.sql("select count(*) from memberships")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void theSettingDoesNotOutliveItsTransactionOnAPooledConnection() {
        try (var pool = new HikariDataSource()) {
            pool.setJdbcUrl(runtimeDetails.getJdbcUrl());
            pool.setUsername(runtimeDetails.getUsername());
            pool.setPassword(runtimeDetails.getPassword());
            pool.setMaximumPoolSize(1);
            var single = JdbcClient.create(pool);
            var template = new TransactionTemplate(new TenantTransactionManager(pool));
            record Seen(int backend, String setting, long members) {}
            Function<WorkspaceId, Seen> look = workspace -> {
                try (var ignored = workspace == null ? null : TenantContext.bind(workspace)) {
                    return template.execute(status -> new Seen(
                            single.sql("select pg_backend_pid()")
                                    .query(Integer.class)
                                    .single(),
                            single.sql("select coalesce(current_setting('herald.workspace_id', true), '')")
                                    .query(String.class)
                                    .single(),
                            single.sql("select count(*) from memberships")
                                    .query(Long.class)
                                    .single()));
                }
            };

            Seen asA = look.apply(a.id());
            Seen unbound = look.apply(null);
            Seen asB = look.apply(b.id());
            Seen unboundAgain = look.apply(null);

            assertThat(List.of(unbound.backend(), asB.backend(), unboundAgain.backend()))
                    .as("one pooled connection throughout")
                    .containsOnly(asA.backend());
            assertThat(asA.setting()).isEqualTo(a.id().toString());
            assertThat(asA.members()).isEqualTo(2);
            assertThat(unbound.setting()).isEmpty();
            assertThat(unbound.members()).isZero();
            assertThat(asB.setting()).isEqualTo(b.id().toString());
            assertThat(asB.members()).isEqualTo(2);
            assertThat(unboundAgain.members()).isZero();
            assertThat(single.sql("select count(*) from memberships")
                            .query(Long.class)
                            .single())
                    .as("a statement outside any transaction on the same connection")
                    .isZero();
        }
    }

    @Test
    void switchingWorkspaceInsideATransactionStartsANewOne() {
        var scope = context.getBean(TenantScope.class);
        record Seen(String outer, String inner, String outerAfter) {}
        String setting = "select current_setting('herald.workspace_id', true)";
        Seen seen = scope.call(a.id(), () -> {
            String outer = jdbc.sql(setting).query(String.class).single();
            String inner = scope.call(
                    b.id(), () -> jdbc.sql(setting).query(String.class).single());
            return new Seen(outer, inner, jdbc.sql(setting).query(String.class).single());
        });
        assertThat(seen).isEqualTo(new Seen(a.id().toString(), b.id().toString(), a.id().toString()));
    }

    static void assertZeroRowsOrRefused(java.util.concurrent.Callable<Integer> change) {
        try {
            assertThat(change.call()).as("rows changed").isZero();
        } catch (Exception e) {
            assertThat(sqlState(e))
                    .as("refused for want of privilege: %s", e.getMessage())
                    .isEqualTo(INSUFFICIENT_PRIVILEGE);
        }
    }

    static void assertThatRefused(Runnable change) {
        assertThatThrownBy(change::run)
                .satisfies(e -> assertThat(sqlState(e)).as(e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    static String sqlState(Throwable e) {
        return NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql ? sql.getSQLState() : "none";
    }
}
