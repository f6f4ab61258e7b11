package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import herald.tenancy.Provisioning;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without HERALD_OPERATOR_TOKEN the operator API does not exist; the workspace API works as ever. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "herald.operator-token=")
class OperatorApiOffTests {

    @LocalServerPort
    int port;

    @Autowired
    Provisioning provisioning;

    @Test
    void theOperatorRouteAnswersNotFoundWhateverIsPresented() {
        var api = new Api(port);
        String body = "{\"name\":\"Nope\",\"ownerEmail\":\"a@b.example\",\"plan\":\"free\",\"timezone\":\"UTC\"}";

        for (String token : new String[] {"test-operator-token", "anything", null}) {
            var response = api.post("/api/v1/workspaces", token, body);
            ApiTest.assertProblem(response, 404, "not-found");
        }
    }

    @Test
    void workspaceKeysStillWork() {
        var provisioned = provisioning.provision(new Provisioning.Request(
                "Off " + UUID.randomUUID().toString().substring(0, 6), "off@herald.test", "free", "UTC", ""));
        var api = new Api(port);

        var response = api.get(
                "/api/v1/workspaces/" + provisioned.workspace().id(),
                provisioned.apiKey().token());

        assertThat(response.status()).isEqualTo(200);
        var own = api.get("/api/v1/workspaces", provisioned.apiKey().token());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get(0).path("id").asString())
                .isEqualTo(provisioned.workspace().id().toString());
    }
}
