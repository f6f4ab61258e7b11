package herald.web.api.vault;

import static org.assertj.core.api.Assertions.assertThat;

import herald.tenancy.Provisioning;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The vault's operator routes: the operator token only, 202 with the new key, then the job's progress. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "herald.vault.refresh-interval=200ms")
class VaultOperatorApiTests {

    static final String OPERATOR = "test-operator-token";

    @LocalServerPort
    int port;

    @Autowired
    Provisioning provisioning;

    OperatorHttp http;

    @BeforeEach
    void client() {
        http = new OperatorHttp(port);
    }

    @Test
    void refusesCallersWithoutTheOperatorToken() {
        var provisioned = provisioning.provision(new Provisioning.Request(
                "Vault API " + UUID.randomUUID().toString().substring(0, 6), "vault@herald.test", "pro", "UTC", ""));
        String apiKey = provisioned.apiKey().token();

        for (String token : new String[] {null, "wrong-token", apiKey}) {
            for (String[] route : new String[][] {{"POST", "/rotate"}, {"GET", "/status"}}) {
                var response = http.send(route[0], "/api/v1/operator/vault" + route[1], token);
                assertThat(response.status())
                        .as("%s %s with %s", route[0], route[1], token)
                        .isEqualTo(401);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().path("type").asString())
                        .isEqualTo("https://herald.dev/problems/unauthenticated");
            }
        }
    }

    @Test
    void rotateAnswers202WithTheNewKeyAndStatusFollowsTheJobToTheEnd() throws Exception {
        var rotated = http.send("POST", "/api/v1/operator/vault/rotate", OPERATOR);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(202);
        assertThat(rotated.location()).isEqualTo("/api/v1/operator/vault/status");
        long keyId = rotated.json().path("keyId").asLong();
        assertThat(rotated.json().path("state").asString()).isEqualTo("running");
        assertThat(rotated.json().has("remaining")).isTrue();

        JsonNode status =
                http.send("GET", "/api/v1/operator/vault/status", OPERATOR).json();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!status.path("rotation").path("state").asString().equals("finished")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            status = http.send("GET", "/api/v1/operator/vault/status", OPERATOR).json();
        }

        assertThat(status.path("rotation").path("keyId").asLong()).isEqualTo(keyId);
        assertThat(status.path("rotation").path("state").asString()).isEqualTo("finished");
        assertThat(status.path("rotation").path("remaining").asLong()).isZero();
        JsonNode primary = null;
        for (JsonNode key : status.path("keys")) {
            assertThat(key.path("state").asString()).isIn("primary", "enabled", "disabled");
            assertThat(key.path("createdAt").asString()).isNotBlank();
            assertThat(key.has("rows")).isTrue();
            if (key.path("state").asString().equals("primary")) {
                primary = key;
            }
        }
        assertThat(primary).isNotNull();
        assertThat(primary.path("id").asLong()).isEqualTo(keyId);
        assertThat(status.toString()).doesNotContainIgnoringCase("keyValue").doesNotContain("\"value\"");
    }

    @Test
    void theOpenApiDocumentDescribesBothRoutes() {
        JsonNode doc = http.send("GET", "/v3/api-docs", null).json();

        JsonNode rotate =
                doc.path("paths").path("/api/v1/operator/vault/rotate").path("post");
        JsonNode status =
                doc.path("paths").path("/api/v1/operator/vault/status").path("get");
        assertThat(rotate.path("operationId").asString()).isEqualTo("rotateVaultKey");
        assertThat(status.path("operationId").asString()).isEqualTo("getVaultStatus");
        assertThat(rotate.path("security").toString()).contains("operatorToken");
        assertThat(rotate.path("responses").has("202")).isTrue();
    }
}
