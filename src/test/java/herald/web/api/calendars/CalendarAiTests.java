package herald.web.api.calendars;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Calendar runs against a WireMock stub of the chat completions API (Herald's configured endpoint,
 * platform-contracts.md §5): an AI month of eight posts end to end with its generation log grouped by the run, and
 * every kind of model failure (401, 429 quota, timeout, an HTML answer) failing the run with its message after some
 * captions were already written, leaving no draft.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"herald.content.calendars.run=true"})
// Closed after the class: another cached context running calendar jobs, configured differently, must not take this
// class's runs.
@org.springframework.test.annotation.DirtiesContext
class CalendarAiTests extends CalendarApiTest {

    static final String PATH = "/v1/chat/completions";
    static final WireMockServer MODEL =
            new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));

    static {
        MODEL.start();
    }

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("herald.content.ai.base-url", () -> "http://localhost:" + MODEL.port() + "/v1");
        registry.add("herald.content.ai.api-key", () -> "sk-test-calendars-0123456789");
        registry.add("herald.content.ai.model", () -> "gpt-4o-mini");
        registry.add("herald.content.ai.timeout", () -> "5s");
    }

    @AfterAll
    static void stop() {
        MODEL.stop();
    }

    @BeforeEach
    void reset() {
        MODEL.resetAll();
    }

    /** A chat completion whose one caption differs every time (WireMock fills in the random words). */
    static ResponseDefinitionBuilder caption() {
        String content = "[\\\"{{randomValue length=10 type='ALPHABETIC'}} {{randomValue length=7 type='ALPHABETIC'}}"
                + " at Luigi's: {{randomValue length=9 type='ALPHABETIC'}} tonight, see you soon!\\\"]";
        return aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(
                        """
                        {"id":"chatcmpl-{{randomValue length=8 type='ALPHANUMERIC'}}","object":"chat.completion",
                         "created":1741570283,"model":"gpt-4o-mini-2024-07-18",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null},
                         "finish_reason":"stop"}],
                         "usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150}}"""
                                .formatted(content));
    }

    long generations(herald.shared.WorkspaceId workspace, String batch) {
        return tenants.call(workspace, () -> jdbc.sql("select count(*) from ai_generations where batch = :batch")
                .param("batch", UUID.fromString(batch))
                .query(Long.class)
                .single());
    }

    @Test
    void anAiMonthOfEightPostsLandsAsDraftsWithItsGenerationsGroupedByTheRun() {
        MODEL.stubFor(post(urlEqualTo(PATH)).willReturn(caption()));
        Workspace ws = workspace();
        String month = nextMonth();

        Response started = send("POST", ws.path(""), ws.token(), body(month, 8, true, ws.account()));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String run = started.json().path("id").asString();

        List<Event> events = events(ws, run);
        assertThat(events.getLast().name()).as(events.toString()).isEqualTo("succeeded");
        List<Integer> done = events.stream()
                .filter(e -> e.name().equals("progress"))
                .map(e -> e.data().path("done").asInt())
                .toList();
        assertThat(done).isSorted().contains(1, 2, 3, 4, 5, 6, 7, 8);

        JsonNode json = send("GET", ws.path("/" + run), ws.token(), null).json();
        assertThat(json.path("status").asString()).isEqualTo("succeeded");
        assertThat(json.path("postIds").size()).isEqualTo(8);
        assertThat(json.path("usage").path("promptTokens").asLong()).isGreaterThanOrEqualTo(8 * 120);
        assertThat(json.path("usage").path("completionTokens").asLong()).isGreaterThanOrEqualTo(8 * 30);
        // Every model call of the run is in the generation log under the run's id, and no other.
        int calls = MODEL.findAll(postRequestedFor(urlEqualTo(PATH))).size();
        assertThat(calls).isGreaterThanOrEqualTo(8);
        assertThat(generations(ws.id(), run)).isEqualTo(calls);

        Set<YearMonth> months = new HashSet<>();
        Set<LocalDate> days = new HashSet<>();
        for (JsonNode id : json.path("postIds")) {
            JsonNode post = send("GET", "/api/v1/workspaces/" + ws.id() + "/posts/" + id.asString(), ws.token(), null)
                    .json();
            assertThat(post.path("status").asString()).isEqualTo("draft");
            assertThat(post.path("body").asString()).contains("at Luigi's");
            var local = Instant.parse(post.path("scheduledAt").asString()).atZone(BERLIN);
            assertThat(local.getHour()).isIn(9, 12, 18);
            months.add(YearMonth.from(local));
            days.add(local.toLocalDate());
        }
        assertThat(months).containsExactly(YearMonth.parse(month));
        assertThat(days).hasSize(8);
    }

    @Test
    void aBadKeyFailsTheRunWithItsMessageAndNoDrafts() {
        failsAfterThreeCaptions(
                aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                """
                                {"error":{"message":"Incorrect API key provided.","type":"invalid_request_error",\
                                "param":null,"code":"invalid_api_key"}}"""),
                "refused the key (401)");
    }

    @Test
    void anExhaustedQuotaFailsTheRunWithItsMessageAndNoDrafts() {
        failsAfterThreeCaptions(
                aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                """
                                {"error":{"message":"You exceeded your current quota.","type":"insufficient_quota",\
                                "param":null,"code":"insufficient_quota"}}"""),
                "insufficient_quota");
    }

    @Test
    void aTimeoutFailsTheRunWithItsMessageAndNoDrafts() {
        failsAfterThreeCaptions(caption().withFixedDelay(7_000), "no full answer within");
    }

    @Test
    void aMalformedAnswerFailsTheRunWithItsMessageAndNoDrafts() {
        failsAfterThreeCaptions(
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Gateway login</body></html>"),
                "HTML");
    }

    @Test
    void theMonthsAiTokensRunningOutFailsTheRunWithThePlansMessageAndNoDrafts() {
        MODEL.stubFor(post(urlEqualTo(PATH)).willReturn(caption()));
        Workspace ws = workspace();
        long limit =
                context.getBean(herald.tenancy.Plans.class).get("pro").limits().aiTokensPerMonth();
        // The month has room for two calls of 150 tokens: the third is refused before it reaches the model.
        tenants.run(ws.id(), () -> jdbc.sql(
                        """
                        insert into ai_usage (workspace_id, month, prompt_tokens)
                        values (:workspace, date_trunc('month', now() at time zone 'Europe/Berlin')::date, :used)""")
                .param("workspace", ws.id().value())
                .param("used", limit - 300)
                .update());

        Response started = send("POST", ws.path(""), ws.token(), body(nextMonth(), 8, true, ws.account()));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String run = started.json().path("id").asString();

        Event last = events(ws, run).getLast();
        assertThat(last.name()).isEqualTo("failed");
        assertThat(last.data().path("error").asString())
                .contains("AI tokens for")
                .contains("used on the pro plan; template mode still works");
        JsonNode json = send("GET", ws.path("/" + run), ws.token(), null).json();
        assertThat(json.path("status").asString()).isEqualTo("failed");
        assertThat(json.path("progress").path("done").asInt()).isLessThan(8);
        assertThat(json.path("postIds").size()).isZero();
        assertThat(drafts(ws.id())).isZero();
        assertThat(MODEL.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSizeLessThanOrEqualTo(2);
    }

    /** Three captions are written, then every call fails with {@code failure}: the run fails, no draft exists. */
    void failsAfterThreeCaptions(ResponseDefinitionBuilder failure, String expected) {
        String scenario = "calls-" + UUID.randomUUID();
        MODEL.stubFor(post(urlEqualTo(PATH))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(caption())
                .willSetStateTo("second"));
        MODEL.stubFor(post(urlEqualTo(PATH))
                .inScenario(scenario)
                .whenScenarioStateIs("second")
                .willReturn(caption())
                .willSetStateTo("third"));
        MODEL.stubFor(post(urlEqualTo(PATH))
                .inScenario(scenario)
                .whenScenarioStateIs("third")
                .willReturn(caption())
                .willSetStateTo("failing"));
        MODEL.stubFor(post(urlEqualTo(PATH))
                .inScenario(scenario)
                .whenScenarioStateIs("failing")
                .willReturn(failure));
        Workspace ws = workspace();

        Response started = send("POST", ws.path(""), ws.token(), body(nextMonth(), 8, true, ws.account()));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String run = started.json().path("id").asString();

        List<Event> events = events(ws, run);
        Event last = events.getLast();
        assertThat(last.name()).as(events.toString()).isEqualTo("failed");
        assertThat(last.data().path("error").asString()).contains(expected).doesNotContain("sk-test");
        JsonNode json = send("GET", ws.path("/" + run), ws.token(), null).json();
        assertThat(json.path("status").asString()).isEqualTo("failed");
        assertThat(json.path("error").asString())
                .isEqualTo(last.data().path("error").asString());
        assertThat(json.path("progress").path("done").asInt()).isEqualTo(3);
        assertThat(json.path("postIds").size()).isZero();
        assertThat(json.path("log").findValuesAsString("level")).contains("error");
        assertThat(drafts(ws.id())).isZero();
        // The workspace can start again at once: the failed run holds nothing.
        MODEL.resetAll();
        MODEL.stubFor(post(urlEqualTo(PATH)).willReturn(caption()));
        Response again = send("POST", ws.path(""), ws.token(), body(nextMonth(), 5, true, ws.account()));
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(events(ws, again.json().path("id").asString()).getLast().name())
                .isEqualTo("succeeded");
        assertThat(drafts(ws.id())).isEqualTo(5);
    }
}
