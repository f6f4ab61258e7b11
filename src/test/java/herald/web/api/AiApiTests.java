package herald.web.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import herald.content.ChatStub;
import herald.web.api.problems.ProblemType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The AI API: a workspace's own endpoint, its test, the generation log and usage; bad input; other workspaces. */
class AiApiTests extends ApiTest {

    static final String KEY = "sk-proj-apitest-5e4d3c2b1a09f8e7d6c5Zz99";
    static final ChatStub model = new ChatStub().start();

    @DynamicPropertySource
    static void allowTheStub(DynamicPropertyRegistry registry) {
        registry.add("herald.content.ai.allowed-hosts", () -> "localhost");
    }

    @AfterAll
    static void stop() {
        model.stop();
    }

    final List<Api.Response> responses = new ArrayList<>();

    @BeforeEach
    void resetTheModel() {
        model.reset();
    }

    Api.Response seen(Api.Response response) {
        responses.add(response);
        return response;
    }

    String settings(String model, String key) {
        return """
                {"baseUrl":"%s","model":"%s"%s}"""
                .formatted(AiApiTests.model.baseUrl(), model, key == null ? "" : ",\"apiKey\":\"" + key + "\"");
    }

    @Test
    void aWorkspaceSetsTestsReplacesAndDeletesItsOwnEndpoint() {
        var ws = provision();
        model.answers("ready", 12, 1);

        var none = seen(api.get(ws.path("/ai/settings"), ws.token()));
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        assertThat(none.json().path("own").isNull()).isTrue();
        assertThat(none.json().path("effective").path("source").asString()).isEqualTo("none");

        var saved = seen(api.send("PUT", ws.path("/ai/settings"), ws.token(), settings("own-model", KEY)));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("own").path("keyHint").asString()).isEqualTo("sk-…Zz99");
        assertThat(saved.json().path("own").path("model").asString()).isEqualTo("own-model");
        assertThat(saved.json().path("effective").path("source").asString()).isEqualTo("workspace");

        var kept = seen(api.send("PUT", ws.path("/ai/settings"), ws.token(), settings("other-model", null)));
        assertThat(kept.json().path("own").path("keyHint").asString()).isEqualTo("sk-…Zz99");

        var tested = seen(api.post(ws.path("/ai/settings/test"), ws.token(), null));
        assertThat(tested.status()).as(tested.toString()).isEqualTo(200);
        assertThat(tested.json().path("ok").asBoolean()).isTrue();
        assertThat(tested.json().path("message").asString()).contains("answered");
        model.wiremock.verify(
                postRequestedFor(urlEqualTo(ChatStub.PATH)).withHeader("Authorization", equalTo("Bearer " + KEY)));

        var log = seen(api.get(ws.path("/ai/generations?purpose=test"), ws.token()));
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        var entry = log.json().path("items").get(0);
        assertThat(entry.path("purpose").asString()).isEqualTo("test");
        assertThat(entry.path("promptTokens").asLong()).isEqualTo(12);
        var detail = seen(api.get(ws.path("/ai/generations/" + entry.path("id").asString()), ws.token()));
        assertThat(detail.json().path("userPrompt").asString()).isEqualTo("Reply with the word: ready");
        assertThat(detail.json().path("response").asString()).isEqualTo("ready");
        assertThat(detail.json().path("endpointHost").asString()).isEqualTo("localhost");

        var usage = seen(api.get(ws.path("/ai/usage?months=3"), ws.token()));
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        assertThat(usage.json().path("months")).hasSize(3);
        var current = usage.json().path("months").get(2);
        assertThat(current.path("tokens").asLong()).isEqualTo(13);
        assertThat(current.path("generations").asInt()).isEqualTo(1);
        assertThat(current.path("limit").asLong()).isPositive();

        assertThat(seen(api.delete(ws.path("/ai/settings"), ws.token())).status())
                .isEqualTo(204);
        assertThat(seen(api.get(ws.path("/ai/settings"), ws.token()))
                        .json()
                        .path("own")
                        .isNull())
                .isTrue();
        assertProblem(seen(api.delete(ws.path("/ai/settings"), ws.token())), 404, ProblemType.NOT_FOUND.slug());

        assertThat(responses).allSatisfy(response -> assertThat(response.body()).doesNotContain(KEY));
        var audit = api.get(ws.path("/audit-events"), ws.token());
        assertThat(audit.body())
                .contains("ai.endpoint.created")
                .contains("ai.endpoint.deleted")
                .doesNotContain(KEY);
    }

    @Test
    void aFailingEndpointIsReportedByTheTestWithItsKind() {
        var ws = provision();
        model.fails(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: " + KEY);
        api.send("PUT", ws.path("/ai/settings"), ws.token(), settings("own-model", KEY));

        var tested = api.post(ws.path("/ai/settings/test"), ws.token(), null);

        assertThat(tested.json().path("ok").asBoolean()).isFalse();
        assertThat(tested.json().path("kind").asString()).isEqualTo("BAD_KEY");
        assertThat(tested.json().path("message").asString()).contains("Replace the key in Settings → AI");
        assertThat(tested.body()).doesNotContain(KEY);
        var log = api.get(ws.path("/ai/generations"), ws.token());
        assertThat(log.json().path("items").get(0).path("errorKind").asString()).isEqualTo("BAD_KEY");
        assertThat(log.body()).doesNotContain(KEY);
    }

    @Test
    void aUsedUpMonthIsReportedAndNothingMoreIsCalled() {
        var ws = provision("tiny"); // 1 AI token a month, 5 requests an hour
        model.answers("ready", 5, 1);
        api.send("PUT", ws.path("/ai/settings"), ws.token(), settings("own-model", KEY));
        assertThat(api.post(ws.path("/ai/settings/test"), ws.token(), null)
                        .json()
                        .path("ok")
                        .asBoolean())
                .isTrue();

        var refused = api.post(ws.path("/ai/settings/test"), ws.token(), null);

        assertThat(refused.json().path("kind").asString()).isEqualTo("LIMIT_REACHED");
        assertThat(refused.json().path("message").asString())
                .contains("6 of 1 used on the tiny plan; template mode still works");
        assertThat(model.calls()).isEqualTo(1);
        var usage = api.get(ws.path("/ai/usage?months=1"), ws.token())
                .json()
                .path("months")
                .get(0);
        assertThat(usage.path("percent").asInt()).isEqualTo(600);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        var ws = provision();
        String put = ws.path("/ai/settings");

        var metadata = api.send(
                "PUT",
                put,
                ws.token(),
                """
                {"baseUrl":"http://169.254.169.254/latest","model":"m","apiKey":"%s"}"""
                        .formatted(KEY));
        assertProblem(metadata, 400, ProblemType.INVALID_INPUT.slug());
        assertThat(metadata.body())
                .contains("baseUrl")
                .contains("internal address")
                .doesNotContain(KEY);
        var scheme = api.send("PUT", put, ws.token(), "{\"baseUrl\":\"file:///etc/passwd\",\"model\":\"m\"}");
        assertProblem(scheme, 400, ProblemType.INVALID_INPUT.slug());
        assertThat(scheme.body()).contains("https://");
        assertProblem(
                api.send("PUT", put, ws.token(), "{\"baseUrl\":\"https://api.openai.com/v1\"}"),
                400,
                ProblemType.INVALID_INPUT.slug());
        assertProblem(
                api.send("PUT", put, ws.token(), "{\"baseUrl\":\"https://api.openai.com/v1\",\"model\":\"two words\"}"),
                400,
                ProblemType.INVALID_INPUT.slug());
        assertProblem(
                api.send("PUT", put, ws.token(), settings("m", null).replace("}", ",\"promptPricePer1k\":-1}")),
                400,
                ProblemType.INVALID_INPUT.slug());
        assertProblem(api.get(ws.path("/ai/usage?months=0"), ws.token()), 400, ProblemType.INVALID_INPUT.slug());
        assertProblem(api.get(ws.path("/ai/usage?months=x"), ws.token()), 400, ProblemType.INVALID_INPUT.slug());
        assertProblem(
                api.get(ws.path("/ai/generations?purpose=DROP%20TABLE"), ws.token()),
                400,
                ProblemType.INVALID_INPUT.slug());
        assertProblem(
                api.get(ws.path("/ai/generations?cursor=garbage"), ws.token()), 400, ProblemType.INVALID_INPUT.slug());
        assertProblem(
                api.get(ws.path("/ai/generations/" + java.util.UUID.randomUUID()), ws.token()),
                404,
                ProblemType.NOT_FOUND.slug());
        assertThat(api.get(ws.path("/ai/settings"), ws.token())
                        .json()
                        .path("own")
                        .isNull())
                .isTrue();
    }

    @Test
    void aReadOnlyKeySeesUsageAndTheLogButCannotManageTheEndpoint() {
        var ws = provision();
        String reader = key(ws, "read");

        assertThat(api.get(ws.path("/ai/usage"), reader).status()).isEqualTo(200);
        assertThat(api.get(ws.path("/ai/generations"), reader).status()).isEqualTo(200);
        assertProblem(
                api.send("PUT", ws.path("/ai/settings"), reader, settings("m", KEY)),
                403,
                ProblemType.INSUFFICIENT_SCOPE.slug());
        assertProblem(api.post(ws.path("/ai/settings/test"), reader, null), 403, ProblemType.INSUFFICIENT_SCOPE.slug());
    }

    @Test
    void anotherWorkspacesSettingsLogAndUsageAreNotFound() {
        var mine = provision();
        var theirs = provision();
        model.answers("ready", 3, 1);
        api.send("PUT", theirs.path("/ai/settings"), theirs.token(), settings("their-model", KEY));
        api.post(theirs.path("/ai/settings/test"), theirs.token(), null);
        String generation = api.get(theirs.path("/ai/generations"), theirs.token())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();

        for (var response : List.of(
                api.get(theirs.path("/ai/settings"), mine.token()),
                api.send("PUT", theirs.path("/ai/settings"), mine.token(), settings("taken", "sk-mine-000000000000")),
                api.delete(theirs.path("/ai/settings"), mine.token()),
                api.post(theirs.path("/ai/settings/test"), mine.token(), null),
                api.get(theirs.path("/ai/generations"), mine.token()),
                api.get(theirs.path("/ai/generations/" + generation), mine.token()),
                api.get(theirs.path("/ai/usage"), mine.token()))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("their-model").doesNotContain(KEY);
        }
        // Nor through its own path: the generation id of another workspace is unknown here.
        assertThat(api.get(mine.path("/ai/generations/" + generation), mine.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(theirs.path("/ai/settings"), theirs.token())
                        .json()
                        .path("own")
                        .path("model")
                        .asString())
                .isEqualTo("their-model");
        assertThat(model.calls()).isEqualTo(1);
    }
}
