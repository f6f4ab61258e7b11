package herald.content;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import herald.TenantFixtures;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.Posts;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Captions against a WireMock stub of the chat completions API (platform-contracts.md §5) and the real embedding
 * model: what the prompt carries, usage, failures in {@code ai} and {@code auto} mode, anti-repetition against stored
 * posts and between variants.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptionsTests {

    static final WireMockServer MODEL = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        MODEL.start();
    }

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("herald.content.ai.base-url", () -> "http://localhost:" + MODEL.port() + "/v1");
        registry.add("herald.content.ai.api-key", () -> "sk-test-captions");
        registry.add("herald.content.ai.model", () -> "gpt-4o-mini");
        registry.add("herald.content.ai.timeout", () -> "5s");
    }

    static final String PIZZA = SimilarityTests.PIZZA;
    static final String PIZZA_AGAIN = SimilarityTests.PIZZA_AGAIN;
    static final String TAXES =
            "Sunday brunch at the harbour: pancakes stacked high, cold brew on tap, and live jazz from eleven.";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;

    @Autowired
    Captions captions;

    @Autowired
    Personas personas;

    @Autowired
    Similarity similarity;

    @Autowired
    Posts posts;

    @Autowired
    PostTextListener listener;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    WorkspaceId a;
    Persona nonna;

    @BeforeAll
    void workspace() {
        a = TenantFixtures.of(context)
                .signUp("Captions A", "pro")
                .workspace()
                .orElseThrow()
                .id();
        nonna = personas.create(
                a,
                new PersonaDraft(
                        "Nonna Rosa",
                        "The grandmother who runs the kitchen",
                        "humorous",
                        "Speak like family; mention the wood-fired oven.",
                        List.of("homemade", "fresh"),
                        List.of("cheap", "fast food")),
                false);
    }

    @BeforeEach
    void resetModel() {
        MODEL.resetAll();
    }

    @AfterAll
    void stopModel() {
        MODEL.stop();
    }

    static CaptionRequest request(String platform, String mode, int variants) {
        return new CaptionRequest(
                platform,
                null,
                null,
                "Margherita",
                "Wood-fired, San Marzano tomatoes, basil.",
                "This weekend",
                "weekend_driver",
                variants,
                mode,
                null);
    }

    CaptionRequest withPersona(String platform, String mode, int variants) {
        var r = request(platform, mode, variants);
        return new CaptionRequest(
                r.platform(),
                r.tone(),
                nonna.id().value(),
                r.itemName(),
                r.itemDescription(),
                r.context(),
                r.postType(),
                r.variants(),
                r.mode(),
                r.batch());
    }

    static String completion(List<String> captions, int promptTokens, int completionTokens) {
        String content = JSON.writeValueAsString(captions);
        return JSON.writeValueAsString(Map.of(
                "id",
                "chatcmpl-" + UUID.randomUUID(),
                "object",
                "chat.completion",
                "created",
                1741570283,
                "model",
                "gpt-4o-mini-2024-07-18",
                "choices",
                List.of(Map.of(
                        "index",
                        0,
                        "message",
                        Map.of("role", "assistant", "content", "```json\n" + content + "\n```"),
                        "finish_reason",
                        "stop")),
                "usage",
                Map.of(
                        "prompt_tokens", promptTokens,
                        "completion_tokens", completionTokens,
                        "total_tokens", promptTokens + completionTokens)));
    }

    static void answer(List<String> captions, int promptTokens, int completionTokens) {
        MODEL.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion(captions, promptTokens, completionTokens))));
    }

    /** A first answer, then a second for the regeneration. */
    static void answers(List<String> first, List<String> second) {
        MODEL.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .inScenario("retry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion(first, 300, 60)))
                .willSetStateTo("second"));
        MODEL.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .inScenario("retry")
                .whenScenarioStateIs("second")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion(second, 400, 50))));
    }

    static List<JsonNode> messages(LoggedRequest request) {
        JsonNode body = JSON.readTree(request.getBodyAsString());
        return List.of(body.path("messages").get(0), body.path("messages").get(1));
    }

    Post scheduled(WorkspaceId workspace, String body) throws InterruptedException {
        UUID id = UUID.randomUUID();
        tenants.run(workspace, () -> jdbc.sql(
                        """
                        insert into connections (workspace_id, id, provider, external_id, account_type, label,
                            username, display_name, status, expires_at)
                        values (:workspace, :id, 'sandbox', :external, 'company', 'captions', 'captions', 'Captions',
                            'active', now() + interval '2 hours')""")
                .param("workspace", workspace.value())
                .param("id", id)
                .param("external", UUID.randomUUID().toString())
                .update());
        Post post = posts.create(
                workspace,
                new NewPost(
                        body,
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(new ConnectionId(id), null)),
                        "2031-11-03T10:00",
                        "Europe/Berlin",
                        false));
        assertThat(listener.idle(30_000)).isTrue();
        return post;
    }

    @Test
    void thePromptCarriesPersonaWorkspaceAndPlatformAndUsageIsCounted() {
        answer(
                List.of(
                        "Nonna's margherita is back, homemade with love. #Margherita",
                        "Weekend plan: one oven, one pizza, zero regrets."),
                120,
                45);

        CaptionResult result = captions.generate(a, withPersona("x", "ai", 2));

        assertThat(result.mode()).isEqualTo("ai");
        assertThat(result.fallbackReason()).isNull();
        assertThat(result.captions()).hasSize(2);
        assertThat(result.captions().getFirst().text()).startsWith("Nonna's margherita is back");
        assertThat(result.usage().promptTokens()).isEqualTo(120);
        assertThat(result.usage().completionTokens()).isEqualTo(45);
        assertThat(result.usage().costMicros()).isPositive();

        List<LoggedRequest> sent = MODEL.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getHeader("Authorization")).isEqualTo("Bearer sk-test-captions");
        var messages = messages(sent.getFirst());
        String system = messages.get(0).path("content").asString();
        String user = messages.get(1).path("content").asString();
        assertThat(messages.get(0).path("role").asString()).isEqualTo("system");
        assertThat(system)
                .contains("Nonna Rosa", "The grandmother who runs the kitchen", "Tone: humorous")
                .contains("Speak like family; mention the wood-fired oven.")
                .contains("homemade, fresh", "Never use these words: cheap, fast food")
                .contains("Captions A", "Platform: X", "at most 280 characters", "at most 2 hashtags")
                .contains("Post type: weekend driver");
        assertThat(user).contains("Write 2 different captions", "Margherita", "San Marzano", "This weekend");
    }

    @Test
    void failuresAreClearInAiModeAndFallBackToTemplatesInAutoMode() {
        var failures = Map.of(
                AiFailure.Kind.BAD_KEY,
                aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
                                        + "\"param\":null,\"code\":\"invalid_api_key\"}}"),
                AiFailure.Kind.QUOTA_EXHAUSTED,
                aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                                        + "\"param\":null,\"code\":\"insufficient_quota\"}}"),
                AiFailure.Kind.TIMEOUT,
                aResponse()
                        .withFixedDelay(9_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion(List.of("late"), 1, 1)),
                AiFailure.Kind.MALFORMED,
                aResponse().withHeader("Content-Type", "text/html").withBody("<html><body>Gateway</body></html>"));
        for (var failure : failures.entrySet()) {
            MODEL.resetAll();
            MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(failure.getValue()));

            assertThatThrownBy(() -> captions.generate(a, request("instagram", "ai", 2)))
                    .as(failure.getKey().name())
                    .isInstanceOfSatisfying(AiFailure.class, e -> {
                        assertThat(e.kind()).isEqualTo(failure.getKey());
                        assertThat(e.getMessage()).isNotBlank().doesNotContain("sk-test-captions");
                    });

            CaptionResult auto = captions.generate(a, request("instagram", "auto", 2));
            assertThat(auto.mode()).as(failure.getKey().name()).isEqualTo("template");
            assertThat(auto.fallbackReason()).as(failure.getKey().name()).startsWith("AI failed");
            assertThat(auto.captions()).hasSize(2).allMatch(c -> !c.text().isBlank());
            assertThat(auto.usage()).isEqualTo(AiUsage.NONE);
        }
    }

    @Test
    void anAnswerWithoutCaptionsIsMalformed() {
        answer(List.of(), 10, 2);
        assertThatThrownBy(() -> captions.generate(a, request("facebook", "ai", 1)))
                .isInstanceOfSatisfying(
                        AiFailure.class, e -> assertThat(e.kind()).isEqualTo(AiFailure.Kind.MALFORMED));
    }

    @Test
    void templateModeNeverCallsTheModel() {
        CaptionResult result = captions.generate(a, request("linkedin", "template", 3));

        assertThat(result.mode()).isEqualTo("template");
        assertThat(result.captions()).hasSize(3);
        assertThat(MODEL.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))))
                .isEmpty();
    }

    @Test
    void aStuffedPromptIsRefusedBeforeTheCall() {
        Persona wordy = personas.create(
                a,
                new PersonaDraft(
                        "Wordy " + UUID.randomUUID(),
                        "d".repeat(1000),
                        "casual",
                        "g".repeat(2000),
                        List.of(),
                        List.of()),
                false);
        var stuffed = new CaptionRequest(
                "x",
                null,
                wordy.id().value(),
                "i".repeat(200),
                "d".repeat(2000),
                "c".repeat(1000),
                null,
                5,
                "ai",
                null);
        tenants.run(a, () -> jdbc.sql("update workspaces set description = :d where id = :id")
                .param("d", "w".repeat(3000))
                .param("id", a.value())
                .update());
        try {
            assertThatThrownBy(() -> captions.generate(a, stuffed))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("more than the 8000");
            assertThat(MODEL.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))))
                    .isEmpty();
        } finally {
            tenants.run(a, () -> jdbc.sql("update workspaces set description = '' where id = :id")
                    .param("id", a.value())
                    .update());
        }
    }

    @Test
    void aNearDuplicateOfAStoredPostIsWrittenAgainNamingWhatToAvoid() throws InterruptedException {
        WorkspaceId ws = TenantFixtures.of(context)
                .signUp("Captions dup", "pro")
                .workspace()
                .orElseThrow()
                .id();
        scheduled(ws, PIZZA);
        answers(List.of(PIZZA_AGAIN), List.of(TAXES));

        CaptionResult result = captions.generate(ws, request("facebook", "ai", 1));

        assertThat(result.captions()).hasSize(1);
        var caption = result.captions().getFirst();
        assertThat(caption.text()).startsWith("Sunday brunch at the harbour");
        assertThat(caption.similarTo()).isNull();
        assertThat(caption.similarity()).isLessThan(similarity.threshold());
        assertThat(result.usage().promptTokens()).isEqualTo(700);
        assertThat(result.usage().completionTokens()).isEqualTo(110);
        List<LoggedRequest> sent = MODEL.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(sent).hasSize(2);
        assertThat(messages(sent.get(1)).get(1).path("content").asString())
                .contains("do not repeat them")
                .contains(PIZZA);
    }

    @Test
    void aCaptionThatStillRepeatsIsFlaggedWithTheSimilarPost() throws InterruptedException {
        WorkspaceId ws = TenantFixtures.of(context)
                .signUp("Captions flag", "pro")
                .workspace()
                .orElseThrow()
                .id();
        Post pizza = scheduled(ws, PIZZA);
        answers(List.of(PIZZA_AGAIN), List.of(PIZZA_AGAIN));

        var caption =
                captions.generate(ws, request("facebook", "ai", 1)).captions().getFirst();

        assertThat(caption.similarTo()).isNotNull();
        assertThat(caption.similarTo().post()).isEqualTo(pizza.id());
        assertThat(caption.similarity()).isGreaterThanOrEqualTo(similarity.threshold());
        assertThat(caption.warnings().getFirst()).startsWith("Too similar to the post of 3 Nov: “Our wood-fired");
    }

    @Test
    void aDifferentCaptionIsAcceptedAtOnce() throws InterruptedException {
        WorkspaceId ws = TenantFixtures.of(context)
                .signUp("Captions ok", "pro")
                .workspace()
                .orElseThrow()
                .id();
        scheduled(ws, PIZZA);
        answer(List.of(TAXES), 50, 20);

        var result = captions.generate(ws, request("facebook", "ai", 1));

        assertThat(result.captions().getFirst().similarTo()).isNull();
        assertThat(result.captions().getFirst().warnings()).isEmpty();
        assertThat(result.usage().promptTokens()).isEqualTo(50);
        MODEL.verify(
                0, postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("do not repeat")));
    }

    @Test
    void variantsThatRepeatEachOtherAreWrittenAgain() {
        answers(List.of(PIZZA, PIZZA_AGAIN), List.of(TAXES));

        var result = captions.generate(a, request("facebook", "ai", 2));

        assertThat(result.captions()).extracting(CaptionResult.Caption::text).containsExactly(PIZZA, TAXES);
        assertThat(similarity.compare(
                        result.captions().get(0).text(),
                        result.captions().get(1).text()))
                .isLessThan(similarity.threshold());
        MODEL.verify(
                postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("Write 1 caption")));
    }

    @Test
    void anUnknownPersonaIsNotFoundAndBadFieldsAreInvalid() {
        var r = request("x", "template", 1);
        assertThatThrownBy(() -> captions.generate(
                        a,
                        new CaptionRequest(
                                "x", null, UUID.randomUUID(), "Pizza", null, null, null, 1, "template", null)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> captions.generate(
                        a, new CaptionRequest("myspace", null, null, "Pizza", null, null, null, 1, "template", null)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("Unknown platform 'myspace'");
        assertThatThrownBy(() -> captions.generate(
                        a, new CaptionRequest("x", "angry", null, "Pizza", null, null, null, 1, "template", null)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> captions.generate(
                        a, new CaptionRequest("x", null, null, "Pizza", null, null, null, 6, "template", null)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("1 to 5");
        assertThat(r.platform()).isEqualTo("x");
        MODEL.verify(
                0,
                postRequestedFor(urlEqualTo("/v1/chat/completions"))
                        .withHeader("Authorization", equalTo("Bearer sk-test-captions")));
    }

    @Test
    void templateModeIsVariedAcrossRequestsAndItsVariantsDiffer() {
        WorkspaceId ws = TenantFixtures.of(context)
                .signUp("Templates vary", "pro")
                .workspace()
                .orElseThrow()
                .id();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int flagged = 0;
        for (int i = 0; i < 20; i++) {
            var result = captions.generate(ws, request("instagram", "template", 3));
            assertThat(result.mode()).isEqualTo("template");
            assertThat(result.captions()).hasSize(3);
            for (var caption : result.captions()) {
                assertThat(seen.add(caption.text()))
                        .as("repeated: " + caption.text())
                        .isTrue();
            }
            for (int x = 0; x < 3; x++) {
                for (int y = x + 1; y < 3; y++) {
                    double close = similarity.compare(
                            result.captions().get(x).text(),
                            result.captions().get(y).text());
                    if (close >= similarity.threshold()) {
                        flagged++;
                        assertThat(result.captions().get(y).warnings()).anyMatch(w -> w.startsWith("Close to variant"));
                    }
                }
            }
        }
        assertThat(seen).hasSize(60);
        assertThat(flagged).as("variant pairs too close to each other").isLessThanOrEqualTo(3);
    }

    @Autowired
    herald.providers.Providers providers;

    @Test
    void templateCaptionsKeepEachPlatformsRules() {
        WorkspaceId ws = TenantFixtures.of(context)
                .signUp("Templates fit", "pro")
                .workspace()
                .orElseThrow()
                .id();
        Persona strict = personas.create(
                ws,
                new PersonaDraft("Strict", "", "promotional", "", List.of("homemade"), List.of("offer", "deal")),
                false);
        var ranges = Map.of(
                "x",
                new int[] {0, 2},
                "instagram",
                new int[] {3, 10},
                "linkedin",
                new int[] {3, 5},
                "facebook",
                new int[] {0, 3});
        for (var platform : ranges.entrySet()) {
            var rules = providers.find(platform.getKey()).orElseThrow().contentRules();
            for (int i = 0; i < 4; i++) {
                var long_ = new CaptionRequest(
                        platform.getKey(),
                        null,
                        strict.id().value(),
                        "Truffle tagliatelle",
                        "Hand-cut egg pasta tossed in butter with shaved black truffle from Umbria. "
                                + "Every plate is finished at the table with aged parmesan and cracked pepper. "
                                + "It is the dish our regulars ask for the moment the first autumn rain falls.",
                        "Every evening this week",
                        "promotional",
                        3,
                        "template",
                        null);
                for (var caption : captions.generate(ws, long_).captions()) {
                    String text = caption.text();
                    assertThat(rules.length(text))
                            .as(platform.getKey() + ": " + text)
                            .isLessThanOrEqualTo(rules.maxTextLength());
                    assertThat(Hashtags.count(text))
                            .as(platform.getKey() + ": " + text)
                            .isBetween(platform.getValue()[0], platform.getValue()[1]);
                    assertThat(Emoji.count(text))
                            .isLessThanOrEqualTo(
                                    PlatformNorms.of(platform.getKey()).maxEmoji(Tone.PROMOTIONAL));
                    assertThat(text.toLowerCase()).doesNotContain("offer").doesNotContain("deal");
                    assertThat(caption.warnings()).as(text).noneMatch(w -> w.startsWith("Too long"));
                }
            }
        }
    }

    @Test
    void aTemplateCaptionLikeAStoredPostIsWrittenAgainOrFlagged() throws InterruptedException {
        WorkspaceId ws = TenantFixtures.of(context)
                .signUp("Templates repeat", "pro")
                .workspace()
                .orElseThrow()
                .id();
        String first = captions.generate(ws, request("facebook", "template", 1))
                .captions()
                .getFirst()
                .text();
        Post stored = scheduled(ws, first);

        for (int i = 0; i < 5; i++) {
            for (var caption :
                    captions.generate(ws, request("facebook", "template", 3)).captions()) {
                assertThat(caption.text()).isNotEqualTo(first);
                if (caption.similarity() >= similarity.threshold()) {
                    assertThat(caption.similarTo()).isNotNull();
                    assertThat(caption.similarTo().post()).isEqualTo(stored.id());
                    assertThat(caption.warnings()).anyMatch(w -> w.startsWith("Too similar to the post of 3 Nov"));
                } else {
                    assertThat(caption.similarTo()).isNull();
                }
            }
        }
    }
}
