package herald.web.api.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without HERALD_OPERATOR_TOKEN the vault's operator routes do not exist, whatever is presented. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "herald.operator-token=")
class VaultOperatorApiOffTests {

    @LocalServerPort
    int port;

    @Test
    void theRoutesAnswerNotFound() {
        var http = new OperatorHttp(port);
        for (String token : new String[] {"test-operator-token", "anything", null}) {
            for (String[] route : new String[][] {{"POST", "/rotate"}, {"GET", "/status"}}) {
                var response = http.send(route[0], "/api/v1/operator/vault" + route[1], token);
                assertThat(response.status()).as("%s %s", route[0], route[1]).isEqualTo(404);
                assertThat(response.json().path("type").asString()).isEqualTo("https://herald.dev/problems/not-found");
            }
        }
    }
}
