package herald.providers.x;

import static org.assertj.core.api.Assertions.assertThat;

import herald.connections.ConnectionsTestBase;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.tenancy.SignUp;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A Herald without X credentials (the default: HERALD_X_CLIENT_ID and HERALD_X_CLIENT_SECRET unset) lists X as not
 * configured, names what to set, and refuses to start a connect with a problem document instead of a broken round trip.
 */
class XNotConfiguredTests extends ConnectionsTestBase {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void xIsListedAsNotConfiguredWithTheVariablesToSetAndConnectingIsRefused() {
        SignUp.Result owner = owner("pro");
        String path = "/api/v1/workspaces/" + owner.workspace().orElseThrow().id() + "/connections";
        String admin = apiKeys.create(
                        owner.workspace().orElseThrow().id(),
                        "x " + UUID.randomUUID(),
                        Set.of(ApiKeyScope.ADMIN),
                        null,
                        owner.user().id())
                .token();
        XHttp http = new XHttp(port);

        var platforms = http.get(path + "/platforms", admin);

        assertThat(platforms.status()).as(platforms.toString()).isEqualTo(200);
        JsonNode x = null;
        for (JsonNode platform : platforms.json()) {
            if ("x".equals(platform.path("id").asString())) {
                x = platform;
            }
        }
        assertThat(x).as(platforms.body()).isNotNull();
        assertThat(x.path("name").asString()).isEqualTo("X");
        assertThat(x.path("configured").asBoolean(true)).isFalse();
        assertThat(x.path("missingSettings").toString())
                .isEqualTo("[\"HERALD_X_CLIENT_ID\",\"HERALD_X_CLIENT_SECRET\"]");
        assertThat(x.path("rules").path("maxTextLength").asInt()).isEqualTo(280);
        assertThat(x.path("accountTypes").toString()).isEqualTo("[\"personal\",\"company\",\"product\"]");

        var refused = http.post(path + "/oauth-sessions", admin, "{\"provider\":\"x\",\"accountType\":\"personal\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString())
                .contains("X is not configured")
                .contains("HERALD_X_CLIENT_ID")
                .contains("HERALD_X_CLIENT_SECRET");
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("provider");
    }
}
