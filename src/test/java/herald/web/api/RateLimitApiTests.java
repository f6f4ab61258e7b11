package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import herald.identity.ApiKeys;
import herald.shared.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RateLimitApiTests extends ApiTest {

    @Autowired
    ApiKeys apiKeys;

    @Test
    void countsEveryRequestAgainstThePlanAndRefusesTheOneTooMany() {
        var workspace = provision("tiny");

        for (int used = 1; used <= 5; used++) {
            var response = api.get(workspace.path(), workspace.token());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("RateLimit-Limit")).isEqualTo("5");
            assertThat(response.header("RateLimit-Remaining")).isEqualTo(Integer.toString(5 - used));
            assertThat(Long.parseLong(response.header("RateLimit-Reset"))).isBetween(1L, 3600L);
        }

        var refused =
                api.post(workspace.path("/api-keys"), workspace.token(), "{\"name\":\"over\",\"scopes\":[\"read\"]}");

        assertProblem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 720L);
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("5");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.json().path("detail").asString()).contains("tiny");
        assertThat(apiKeys.list(WorkspaceId.of(workspace.id())))
                .extracting(key -> key.name())
                .doesNotContain("over");
    }

    @Test
    void oneWorkspaceUsingItsAllowanceLeavesOthersAlone() {
        var busy = provision("tiny");
        var calm = provision("tiny");
        for (int i = 0; i < 6; i++) {
            api.get(busy.path(), busy.token());
        }

        var response = api.get(calm.path(), calm.token());

        assertThat(api.get(busy.path(), busy.token()).status()).isEqualTo(429);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("RateLimit-Remaining")).isEqualTo("4");
    }

    @Test
    void allKeysOfAWorkspaceShareItsAllowance() {
        var workspace = provision("tiny");
        String second = key(workspace, "read");

        api.get(workspace.path(), workspace.token());
        var response = api.get(workspace.path(), second);

        assertThat(response.header("RateLimit-Remaining")).isEqualTo("2");
    }
}
