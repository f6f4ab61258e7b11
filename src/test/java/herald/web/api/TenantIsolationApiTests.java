package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import herald.identity.Users;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Many requests at once, alternating across a dozen workspaces, over a pool of only three database connections, so
 * every connection serves every workspace in turn: no response may ever hold another workspace's rows.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.maximum-pool-size=3")
class TenantIsolationApiTests {

    private static final int WORKSPACES = 12;
    private static final int REQUESTS = 360;

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    /** A workspace whose every row carries its marker: name, owner email, key names, invitation email. */
    record Tenant(String marker, String id, String token) {

        String path(String rest) {
            return "/api/v1/workspaces/" + id + rest;
        }
    }

    @Test
    void noResponseEverHoldsAnotherWorkspacesRows() throws Exception {
        var api = new Api(port);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < WORKSPACES; i++) {
            tenants.add(tenant(api, "iso%sw%02dz".formatted(run, i)));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            order.add(i % WORKSPACES);
        }
        Collections.shuffle(order, new Random(7));

        List<Future<String>> outcomes = new ArrayList<>();
        int[] created = new int[WORKSPACES];
        try (var pool = Executors.newFixedThreadPool(24)) {
            for (int n = 0; n < order.size(); n++) {
                Tenant tenant = tenants.get(order.get(n));
                int kind = n % 6;
                if (kind == 5) {
                    created[order.get(n)]++;
                }
                outcomes.add(pool.submit(() -> call(api, tenant, kind, tenants)));
            }
        }

        List<String> failures = new ArrayList<>();
        for (var outcome : outcomes) {
            String failure = outcome.get();
            if (failure != null) {
                failures.add(failure);
            }
        }
        assertThat(failures).isEmpty();
        for (int i = 0; i < WORKSPACES; i++) {
            var keys = api.get(
                    tenants.get(i).path("/api-keys?limit=200"), tenants.get(i).token());
            assertThat(keys.json().path("items").size()).isEqualTo(3 + created[i]);
        }
    }

    /** One request as the tenant; a description of what went wrong, or null. */
    private String call(Api api, Tenant tenant, int kind, List<Tenant> all) {
        Api.Response response =
                switch (kind) {
                    case 0 -> api.get(tenant.path("/audit-events?limit=200"), tenant.token());
                    case 1 -> api.get(tenant.path("/api-keys?limit=200"), tenant.token());
                    case 2 -> api.get(tenant.path("/members"), tenant.token());
                    case 3 -> api.get(tenant.path("/invitations"), tenant.token());
                    case 4 -> api.get(tenant.path(""), tenant.token());
                    default ->
                        api.post(
                                tenant.path("/api-keys"),
                                tenant.token(),
                                "{\"name\":\"%s key %s\",\"scopes\":[\"read\"]}"
                                        .formatted(tenant.marker(), UUID.randomUUID()),
                                "Idempotency-Key",
                                UUID.randomUUID().toString());
                };
        if (response.status() != 200 && response.status() != 201) {
            return tenant.marker() + " kind " + kind + ": " + response;
        }
        if (!response.body().contains(tenant.marker())) {
            return tenant.marker() + " kind " + kind + " misses its own rows: " + response;
        }
        for (Tenant other : all) {
            if (other != tenant
                    && (response.body().contains(other.marker())
                            || response.body().contains(other.id()))) {
                return tenant.marker() + " kind " + kind + " holds rows of " + other.marker() + ": " + response;
            }
        }
        return null;
    }

    private Tenant tenant(Api api, String marker) {
        String owner = marker + "@herald.test";
        users.register(owner, "Owner " + marker, "a long enough passphrase");
        var created = api.post(
                "/api/v1/workspaces",
                ApiTest.OPERATOR,
                "{\"name\":\"%s\",\"ownerEmail\":\"%s\",\"plan\":\"enterprise\",\"timezone\":\"UTC\"}"
                        .formatted(marker, owner));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var tenant = new Tenant(
                marker,
                created.json().path("id").asString(),
                created.json().path("apiKey").path("token").asString());
        for (String name : List.of("a", "b")) {
            var key = api.post(
                    tenant.path("/api-keys"),
                    tenant.token(),
                    "{\"name\":\"%s key %s\",\"scopes\":[\"read\"]}".formatted(marker, name));
            assertThat(key.status()).isEqualTo(201);
        }
        var invitation = api.post(
                tenant.path("/invitations"),
                tenant.token(),
                "{\"email\":\"guest-%s@herald.test\",\"role\":\"viewer\"}".formatted(marker));
        assertThat(invitation.status()).isEqualTo(201);
        return tenant;
    }
}
