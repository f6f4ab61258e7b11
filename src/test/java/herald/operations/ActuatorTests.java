package herald.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health and the probes are open and say only UP or DOWN; the database's health, metrics and everything else under
 * {@code /actuator} need the operator token (test configuration: {@code test-operator-token}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorTests {

    static final String OPERATOR_TOKEN = "test-operator-token";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsOpenAndSaysOnlyUp() throws Exception {
        var response = get("/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asString()).isEqualTo("UP");
        assertThat(body.has("components"))
                .as("no details for anonymous callers")
                .isFalse();
    }

    @Test
    void livenessAndReadinessProbesAreOpen() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = get(probe, null);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(json.readTree(response.body()).path("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void theOperatorSeesTheDatabaseInTheHealth() throws Exception {
        var response = get("/actuator/health", OPERATOR_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode db = json.readTree(response.body()).path("components").path("db");
        assertThat(db.path("status").asString()).isEqualTo("UP");
        assertThat(db.path("details").path("database").asString()).isEqualTo("PostgreSQL");
    }

    @Test
    void prometheusMetricsNeedTheOperatorToken() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", null).headers().firstValue("WWW-Authenticate"))
                .contains("Bearer");
        assertThat(get("/actuator/prometheus", "wrong-token").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", OPERATOR_TOKEN + "x").statusCode())
                .isEqualTo(401);

        var response = get("/actuator/prometheus", OPERATOR_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void everyOtherActuatorEndpointIsClosedToAnonymousCallers() throws Exception {
        for (String path : new String[] {"/actuator", "/actuator/metrics", "/actuator/info", "/actuator/health/db"}) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(get("/actuator/metrics", OPERATOR_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void anActuatorRequestNeverStartsASession() throws Exception {
        assertThat(get("/actuator/health", null).headers().allValues("Set-Cookie"))
                .isEmpty();
        assertThat(get("/actuator/prometheus", OPERATOR_TOKEN).headers().allValues("Set-Cookie"))
                .isEmpty();
    }
}
