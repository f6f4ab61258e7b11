package herald.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import herald.OwnerDatabase;
import herald.TenantFixtures;
import herald.TenantFixtures.Tenant;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.shared.WorkspaceId;
import herald.tenancy.Memberships;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many threads acting for many workspaces at once through the domain services, over a pool of three connections, so
 * every connection serves one workspace after another. Each row returned is checked afterwards, as the owner, against
 * the workspace it really belongs to: not one may belong to another workspace than the caller's.
 */
@SpringBootTest(properties = "spring.datasource.hikari.maximum-pool-size=3")
class ConcurrentTenantIsolationTests {

    static final int WORKSPACES = 12;
    static final int THREADS = 16;
    static final int OPERATIONS_PER_THREAD = 60;

    @Autowired
    ApplicationContext context;

    @Autowired
    HikariDataSource pool;

    @Autowired
    AuditLog audit;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Memberships memberships;

    @Autowired
    FlywayConnectionDetails ownerDetails;

    /** What one call returned: the workspace asked for, and what kind of row with which id came back. */
    record Returned(WorkspaceId asked, String kind, UUID id) {}

    @Test
    void noRowOfAnotherWorkspaceIsEverReturned() throws Exception {
        assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
        var fixtures = TenantFixtures.of(context);
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < WORKSPACES; i++) {
            tenants.add(fixtures.tenant("Concurrent " + i));
        }

        var returned = new ConcurrentLinkedQueue<Returned>();
        var start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                workers.add(executor.submit(() -> {
                    start.await();
                    var random = ThreadLocalRandom.current();
                    for (int n = 0; n < OPERATIONS_PER_THREAD; n++) {
                        WorkspaceId workspace =
                                tenants.get(random.nextInt(tenants.size())).id();
                        switch (random.nextInt(5)) {
                            case 0, 1 ->
                                audit.find(workspace, AuditQuery.latest(200))
                                        .forEach(e -> returned.add(new Returned(workspace, "audit", e.id())));
                            case 2 ->
                                apiKeys.list(workspace)
                                        .forEach(k -> returned.add(new Returned(workspace, "key", k.id().value())));
                            case 3 ->
                                memberships
                                        .list(workspace)
                                        .forEach(m -> returned.add(new Returned(
                                                workspace, "member", m.user().value())));
                            default -> {
                                // Writes interleave with the reads, on the same few connections.
                                if (random.nextBoolean()) {
                                    audit.record(workspace, "test.ping", null, null, Map.of());
                                } else {
                                    apiKeys.create(workspace, "concurrent", Set.of(ApiKeyScope.READ), null, null);
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
        }

        JdbcClient owner = OwnerDatabase.jdbc(ownerDetails);
        List<Returned> foreign = returned.stream()
                .distinct()
                .filter(row -> !belongsTo(owner, row))
                .toList();
        assertThat(returned).hasSizeGreaterThan(THREADS * OPERATIONS_PER_THREAD);
        assertThat(foreign)
                .as("rows returned to a workspace they do not belong to")
                .isEmpty();
    }

    static boolean belongsTo(JdbcClient owner, Returned row) {
        String sql =
                switch (row.kind()) {
                    case "audit" -> "select count(*) from audit_events where workspace_id = :workspace and id = :id";
                    case "key" -> "select count(*) from api_keys where workspace_id = :workspace and id = :id";
                    case "member" ->
                        "select count(*) from memberships where workspace_id = :workspace and user_id = :id";
                    default -> throw new IllegalArgumentException(row.kind());
                };
        return owner.sql(sql)
                        .param("workspace", row.asked().value())
                        .param("id", row.id())
                        .query(Long.class)
                        .single()
                == 1;
    }
}
