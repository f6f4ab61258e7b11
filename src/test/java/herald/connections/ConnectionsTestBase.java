package herald.connections;

import herald.TenantFixtures;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import herald.tenancy.SignUp;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port, with the Sandbox provider pointed at {@link SandboxStub}, and a plan
 * ({@code single}) that allows one connection. Shared by the connection module tests and the connection API tests so
 * they share one application context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "herald.plans.single.members=10",
            "herald.plans.single.connections=1",
            "herald.plans.single.posts-per-day=10",
            "herald.plans.single.api-requests-per-hour=100000",
            "herald.plans.single.ai-tokens-per-month=1",
            "herald.plans.single.storage-mb=1",
            "herald.connections.refresh-backoff=50ms"
        })
public abstract class ConnectionsTestBase {

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        registry.add("herald.providers.sandbox.base-url", SandboxStub::baseUrl);
    }

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TenantScope tenants;

    protected TenantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = TenantFixtures.of(context);
    }

    protected SignUp.Result owner(String plan) {
        return fixtures.signUp("Conn " + UUID.randomUUID().toString().substring(0, 4), plan);
    }

    /** Runs SQL as the runtime role inside {@code workspace}'s scope. */
    protected int update(WorkspaceId workspace, String sql, Object... params) {
        return tenants.call(workspace, () -> {
            var spec = jdbc.sql(sql);
            for (int i = 0; i < params.length; i++) {
                spec = spec.param(i + 1, params[i]);
            }
            return spec.update();
        });
    }

    protected long count(WorkspaceId workspace, String sql) {
        return tenants.call(workspace, () -> jdbc.sql(sql).query(Long.class).single());
    }
}
