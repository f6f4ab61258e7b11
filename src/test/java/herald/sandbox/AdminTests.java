package herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin endpoints: only with the admin token, and the fault knobs' own contract. */
class AdminTests extends SandboxTest {

    @Test
    void adminEndpointsAnswer404WithoutTheRightToken() {
        for (var headers :
                java.util.List.of(Map.<String, String>of(), Map.of("X-Sandbox-Admin-Token", "not-the-token"))) {
            var stats = sandbox.get("/sandbox/admin/stats", headers);
            var faults = sandbox.get("/sandbox/admin/faults", headers);
            assertThat(stats.status()).isEqualTo(404);
            assertThat(faults.status()).isEqualTo(404);
        }
        assertThat(sandbox.admin("GET", "/sandbox/admin/stats", null).status()).isEqualTo(200);
    }

    @Test
    void faultsAreSetReadAndClearedAndWhatAPutLeavesOutIsOff() {
        var set = sandbox.admin(
                "PUT", "/sandbox/admin/faults", "{\"latencyMs\":5,\"errorRate\":0.25,\"refuseRefresh\":true}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        var read = sandbox.admin("GET", "/sandbox/admin/faults", null).json();
        assertThat(read.path("latencyMs").asInt()).isEqualTo(5);
        assertThat(read.path("errorRate").asDouble()).isEqualTo(0.25);
        assertThat(read.path("refuseRefresh").asBoolean()).isTrue();

        sandbox.admin("PUT", "/sandbox/admin/faults", "{\"timeoutAfterCreate\":true}");
        var replaced = sandbox.admin("GET", "/sandbox/admin/faults", null).json();
        assertThat(replaced.path("timeoutAfterCreate").asBoolean()).isTrue();
        assertThat(replaced.path("refuseRefresh").asBoolean()).isFalse();
        assertThat(replaced.path("errorRate").asDouble()).isZero();

        var cleared = sandbox.admin("DELETE", "/sandbox/admin/faults", null).json();
        assertThat(cleared.path("timeoutAfterCreate").asBoolean()).isFalse();
    }

    @Test
    void faultValuesOutOfRangeAreRefused() {
        var rate = sandbox.admin("PUT", "/sandbox/admin/faults", "{\"errorRate\":1.5}");
        var latency = sandbox.admin("PUT", "/sandbox/admin/faults", "{\"latencyMs\":-1}");
        var garbage = sandbox.admin("PUT", "/sandbox/admin/faults", "{\"rateLimitedUntil\":\"tomorrow\"}");

        for (var response : java.util.List.of(rate, latency, garbage)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().path("error").asString()).isEqualTo("invalid_request");
        }
    }

    @Test
    void latencyDelaysTheApi() {
        var account = sandbox.account(SandboxClient.uniqueHandle("slow"));
        sandbox.admin("PUT", "/sandbox/admin/faults", "{\"latencyMs\":700}");

        long start = System.nanoTime();
        var me = sandbox.api("GET", "/sandbox/api/me", account.accessToken(), null);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(me.status()).isEqualTo(200);
        assertThat(millis).isGreaterThanOrEqualTo(700);
    }

    @Test
    void unknownAccountsAre404() {
        var response = sandbox.admin("POST", "/sandbox/admin/accounts/nobody_at_all/revoke-tokens", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("error").asString()).isEqualTo("not_found");
    }

    @Test
    void aFaultWrittenByAnotherNodeIsSeenWithinASecond(
            @org.springframework.beans.factory.annotation.Autowired
                    org.springframework.jdbc.core.simple.JdbcClient jdbc)
            throws InterruptedException {
        var account = sandbox.account(SandboxClient.uniqueHandle("nodes"));
        assertThat(sandbox.api("GET", "/sandbox/api/me", account.accessToken(), null)
                        .status())
                .isEqualTo(200);
        // What another node's PUT leaves behind: the row, without this node's cache being told.
        jdbc.sql("insert into sandbox_faults (id, error_rate) values (1, 1)"
                        + " on conflict (id) do update set error_rate = 1")
                .update();

        Thread.sleep(1000);

        assertThat(sandbox.api("GET", "/sandbox/api/me", account.accessToken(), null)
                        .status())
                .isEqualTo(503);
    }
}
