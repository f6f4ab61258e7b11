package herald.content;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.Concurrently;
import herald.MutableClock;
import herald.TenantFixtures;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.content.AiFailure.Kind;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.WorkspaceId;
import herald.tenancy.Plans;
import herald.tenancy.Workspaces;
import herald.vault.Secret;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every model call through {@link AiWriter}: which endpoint answers (the workspace's own, Herald's, none), the log of
 * every call, the month's tokens against the plan, and the key kept out of everything but the request to the model.
 */
@SpringBootTest(
        properties = {
            "herald.content.ai.allowed-hosts=localhost",
            "herald.content.ai.model=herald-model",
            "herald.content.ai.api-key=" + AiWriterTests.HERALD_KEY,
            // aismall: a month's tokens a test can use up in one call
            "herald.plans.aismall.members=10",
            "herald.plans.aismall.connections=1",
            "herald.plans.aismall.posts-per-day=1",
            "herald.plans.aismall.api-requests-per-hour=1000",
            "herald.plans.aismall.ai-tokens-per-month=100",
            "herald.plans.aismall.storage-mb=1"
        })
@ExtendWith(OutputCaptureExtension.class)
class AiWriterTests {

    static final String HERALD_KEY = "sk-herald-operator-0000000000000000";
    static final String WORKSPACE_KEY = "sk-proj-workspace-7c1e9a3b5d2f4e6a8b0cA1B2";
    static final ChatStub herald = new ChatStub().start();
    static final ChatStub own = new ChatStub().start();

    @DynamicPropertySource
    static void heraldsEndpoint(DynamicPropertyRegistry registry) {
        registry.add("herald.content.ai.base-url", herald::baseUrl);
    }

    @AfterAll
    static void stop() {
        herald.stop();
        own.stop();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantScope tenants;

    @Autowired
    AiSettings settings;

    @Autowired
    AiEndpoints endpoints;

    @Autowired
    AiGenerations generations;

    @Autowired
    WorkspaceAiEndpoints workspaceEndpoints;

    @Autowired
    AuditLog audit;

    @Autowired
    AiWriter ai;

    MutableClock clock;
    AiUsageMeter meter;
    AiCalls writer;
    WorkspaceId workspace;

    @BeforeEach
    void aSmallWorkspaceInBerlinLateOnNewYearsEve() {
        herald.reset();
        own.reset();
        // 23:00 in Berlin on 31 December: December there, and for another hour.
        clock = new MutableClock(Instant.parse("2026-12-31T22:00:00Z"));
        meter = new AiUsageMeter(jdbc, tenants, context.getBean(Workspaces.class), context.getBean(Plans.class), clock);
        writer = new AiCalls(settings, endpoints, meter, generations, context.getBean(JsonMapper.class), clock);
        workspace = TenantFixtures.of(context)
                .signUp("Trattoria", "aismall")
                .workspace()
                .orElseThrow()
                .id();
    }

    static AiPrompt prompt(String user) {
        return new AiPrompt("caption", "You write for Trattoria Sole.", user, 200, 0.7, null);
    }

    void ownEndpoint(String key) {
        workspaceEndpoints.save(
                workspace,
                new WorkspaceAiEndpointChange(
                        own.baseUrl(), "own-model", key == null ? null : Secret.of(key), null, null));
    }

    @Test
    void theLogKeepsCallsForItsRetentionInEveryWorkspaceAndTheUsageStays() {
        WorkspaceId other = TenantFixtures.of(context)
                .signUp("Osteria", "aismall")
                .workspace()
                .orElseThrow()
                .id();
        Instant cut = clock.instant().minus(settings.logRetention());
        UUID oldHere = logged(workspace, cut.minusSeconds(1));
        UUID olderHere = logged(workspace, cut.minus(Duration.ofDays(400)));
        UUID oldThere = logged(other, cut.minusSeconds(3600));
        UUID keptHere = logged(workspace, cut.plusSeconds(1));
        UUID keptThere = logged(other, clock.instant());
        AiMonthUsage usageBefore = meter.current(workspace);

        // Batches of 2: the purge goes on until a batch comes back short.
        int purged = generations.purge(cut, 2);

        assertThat(purged).isEqualTo(3);
        assertThat(generations.find(workspace, oldHere)).isEmpty();
        assertThat(generations.find(workspace, olderHere)).isEmpty();
        assertThat(generations.find(other, oldThere)).isEmpty();
        assertThat(generations.find(workspace, keptHere)).isPresent();
        assertThat(generations.find(other, keptThere)).isPresent();
        assertThat(usageBefore.generations()).isEqualTo(3);
        assertThat(meter.current(workspace)).isEqualTo(usageBefore);
        assertThat(generations.purge(cut, 2)).isZero();
    }

    UUID logged(WorkspaceId in, Instant at) {
        UUID id = UUID.randomUUID();
        generations.record(
                in,
                new AiGeneration(
                        id,
                        "caption",
                        null,
                        "herald",
                        "m",
                        "ai.test",
                        "system",
                        "user",
                        "answer",
                        "succeeded",
                        null,
                        null,
                        10,
                        5,
                        0,
                        12,
                        "test",
                        at),
                java.time.LocalDate.of(2026, 12, 1));
        return id;
    }

    @Test
    void aWorkspaceWithoutItsOwnEndpointIsAnsweredByHeralds() {
        herald.answers("Fresh from the oven.", 30, 5);

        assertThat(ai.availability(workspace)).isEqualTo(new AiAvailability(true, "herald", "herald-model", null));
        AiReply reply = ai.write(workspace, prompt("Bread."));

        assertThat(reply.text()).isEqualTo("Fresh from the oven.");
        herald.wiremock.verify(postRequestedFor(urlEqualTo(ChatStub.PATH))
                .withHeader("Authorization", equalTo("Bearer " + HERALD_KEY)));
        assertThat(generations.find(workspace, reply.generation()).orElseThrow().source())
                .isEqualTo("herald");
    }

    @Test
    void theWorkspacesOwnEndpointComesFirstWithItsOwnKey() {
        herald.answers("from Herald", 1, 1);
        own.answers("from the workspace", 1, 1);
        ownEndpoint(WORKSPACE_KEY);

        assertThat(ai.availability(workspace)).isEqualTo(new AiAvailability(true, "workspace", "own-model", null));
        assertThat(ai.write(workspace, prompt("Bread.")).text()).isEqualTo("from the workspace");
        own.wiremock.verify(postRequestedFor(urlEqualTo(ChatStub.PATH))
                .withHeader("Authorization", equalTo("Bearer " + WORKSPACE_KEY)));
        assertThat(herald.calls()).isZero();
    }

    @Test
    void theKeyIsSealedShownMaskedKeptWhenLeftOutAndAuditedWithoutIt() {
        own.answers("ok", 1, 1);
        ownEndpoint(WORKSPACE_KEY);

        WorkspaceAiEndpoint shown = workspaceEndpoints.find(workspace).orElseThrow();
        assertThat(shown.keyHint()).isEqualTo("sk-…A1B2");
        byte[] stored = tenants.call(
                workspace, () -> jdbc.sql("select api_key from ai_endpoints where workspace_id = :workspace")
                        .param("workspace", workspace.value())
                        .query(byte[].class)
                        .single());
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("workspace-7c1e");

        // A change without a key keeps the key: the model changes, the call still carries the old key.
        workspaceEndpoints.save(
                workspace, new WorkspaceAiEndpointChange(own.baseUrl(), "other-model", null, 100L, 400L));
        ai.write(workspace, prompt("Bread."));
        own.wiremock.verify(postRequestedFor(urlEqualTo(ChatStub.PATH))
                .withHeader("Authorization", equalTo("Bearer " + WORKSPACE_KEY)));
        assertThat(workspaceEndpoints.find(workspace).orElseThrow())
                .extracting(WorkspaceAiEndpoint::model, WorkspaceAiEndpoint::keyHint)
                .containsExactly("other-model", "sk-…A1B2");

        workspaceEndpoints.delete(workspace);
        assertThat(workspaceEndpoints.find(workspace)).isEmpty();
        assertThat(ai.availability(workspace).source()).isEqualTo("herald");

        var events = audit.find(workspace, AuditQuery.latest(20)).stream()
                .filter(event -> event.action().startsWith("ai.endpoint."))
                .toList();
        assertThat(events)
                .extracting(event -> event.action())
                .containsExactly("ai.endpoint.deleted", "ai.endpoint.updated", "ai.endpoint.created");
        assertThat(events.get(1).details()).containsEntry("key", "kept").containsEntry("model", "other-model");
        assertThat(events.toString()).doesNotContain(WORKSPACE_KEY).doesNotContain("A1B2");
    }

    @Test
    void aSuccessIsLoggedWithPromptsAnswerTokensCostAndLatencyAndCounted() {
        own.answers("Truffle season.", 1_000, 500);
        workspaceEndpoints.save(
                workspace,
                new WorkspaceAiEndpointChange(own.baseUrl(), "own-model", Secret.of(WORKSPACE_KEY), 2_000L, 8_000L));
        UUID batch = UUID.randomUUID();

        AiReply reply = writer.write(
                workspace,
                new AiPrompt("calendar", "You write for Trattoria Sole.", "Truffle pasta.", 200, 0.7, batch));

        assertThat(reply.usage()).isEqualTo(new AiUsage(1_000, 500, 2_000 + 4_000));
        AiGeneration logged = generations.find(workspace, reply.generation()).orElseThrow();
        assertThat(logged.purpose()).isEqualTo("calendar");
        assertThat(logged.batch()).isEqualTo(batch);
        assertThat(logged.source()).isEqualTo("workspace");
        assertThat(logged.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(logged.endpointHost()).isEqualTo("localhost");
        assertThat(logged.systemPrompt()).isEqualTo("You write for Trattoria Sole.");
        assertThat(logged.userPrompt()).isEqualTo("Truffle pasta.");
        assertThat(logged.response()).isEqualTo("Truffle season.");
        assertThat(logged.status()).isEqualTo("succeeded");
        assertThat(logged.costMicros()).isEqualTo(6_000);
        assertThat(logged.createdAt()).isEqualTo(clock.instant());
        assertThat(generations.page(workspace, "calendar", batch, null, 10))
                .extracting(AiGeneration::id)
                .containsExactly(reply.generation());
        assertThat(generations.page(workspace, "caption", null, null, 10)).isEmpty();

        AiMonthUsage december = meter.current(workspace);
        assertThat(december.month()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(december.tokens()).isEqualTo(1_500);
        assertThat(december.costMicros()).isEqualTo(6_000);
        assertThat(december.generations()).isEqualTo(1);
    }

    @Test
    void aFailureIsLoggedWithItsKindAndCostsNothing() {
        own.fails(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: " + WORKSPACE_KEY);
        ownEndpoint(WORKSPACE_KEY);

        assertThatThrownBy(() -> writer.write(workspace, prompt("Bread.")))
                .isInstanceOfSatisfying(
                        AiFailure.class, failure -> assertThat(failure.kind()).isEqualTo(Kind.BAD_KEY));

        AiGeneration logged = generations.page(workspace, null, null, null, 1).getFirst();
        assertThat(logged.status()).isEqualTo("failed");
        assertThat(logged.errorKind()).isEqualTo("BAD_KEY");
        assertThat(logged.errorMessage()).contains("Replace the key in Settings → AI");
        assertThat(logged.totalTokens()).isZero();
        assertThat(logged.response()).isNull();
        assertThat(meter.current(workspace))
                .extracting(AiMonthUsage::generations, AiMonthUsage::failures, AiMonthUsage::tokens)
                .containsExactly(1, 1, 0L);
    }

    @Test
    void aCallersRollbackKeepsTheCallInTheLogAndItsTokensCounted() {
        herald.answers("kept", 10, 5);

        assertThatThrownBy(() -> tenants.run(workspace, () -> {
                    writer.write(workspace, prompt("Bread."));
                    throw new IllegalStateException("the calendar run failed after the call");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(generations.page(workspace, null, null, null, 10)).hasSize(1);
        assertThat(meter.current(workspace).tokens()).isEqualTo(15);
    }

    @Test
    void aUsedUpMonthIsRefusedWithNothingCalledUntilTheWorkspacesMonthEnds() {
        herald.answers("A long answer.", 90, 30);
        writer.write(workspace, prompt("Bread."));
        assertThat(herald.calls()).isEqualTo(1);

        assertThatThrownBy(() -> writer.write(workspace, prompt("More bread.")))
                .isInstanceOfSatisfying(LimitReached.class, limit -> {
                    assertThat(limit.limit()).isEqualTo("aiTokensPerMonth");
                    assertThat(limit.getMessage())
                            .isEqualTo("AI tokens for December: 120 of 100 used on the aismall plan; "
                                    + "template mode still works.");
                });
        assertThat(herald.calls()).isEqualTo(1);
        assertThat(writer.availability(workspace).available()).isFalse();
        assertThat(writer.availability(workspace).reason()).contains("120 of 100");

        // 00:30 on 1 January in Berlin, still December in UTC: the workspace's month has turned.
        clock.advance(Duration.ofMinutes(90));
        assertThat(writer.write(workspace, prompt("New year's bread.")).text()).isEqualTo("A long answer.");
        assertThat(meter.months(workspace, 2))
                .extracting(AiMonthUsage::month, AiMonthUsage::tokens)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 12), 120L),
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2027, 1), 120L));
    }

    @Test
    void parallelCallsAreAllCountedAndOvershootOnlyByThoseInFlight() throws Exception {
        herald.answersWith(okJson(ChatStub.completion("ok", 20, 10)).withFixedDelay(300));
        List<Callable<AiReply>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> writer.write(workspace, prompt("Bread.")));
        }

        var outcomes = Concurrently.run(calls);

        long passed = outcomes.stream().filter(Concurrently.Outcome::succeeded).count();
        assertThat(passed).as("all were past the check before any finished").isEqualTo(6);
        assertThat(meter.current(workspace).tokens()).isEqualTo(6 * 30);
        assertThatThrownBy(() -> writer.write(workspace, prompt("Bread."))).isInstanceOf(LimitReached.class);
        assertThat(herald.calls()).isEqualTo(6);
    }

    @Test
    void anOverlongPromptIsRefusedBeforeAnythingIsSentOrLogged() {
        herald.answers("never", 1, 1);
        var stuffed = new AiPrompt("caption", "system", "x".repeat(settings.maxPromptChars()), 100, 0.7, null);

        assertThatThrownBy(() -> writer.write(workspace, stuffed))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("prompt");
                    assertThat(invalid.getMessage())
                            .contains("8,006 characters")
                            .contains("at most 8,000");
                });
        assertThat(herald.calls()).isZero();
        assertThat(generations.page(workspace, null, null, null, 10)).isEmpty();
    }

    @Test
    void withoutAnyEndpointItIsNotConfiguredAndSaysSo() {
        var none = new AiSettings(
                "", "", "m", Duration.ofSeconds(5), 8000, 150, 600, List.of("localhost"), Duration.ofDays(90));
        var noEndpoints = new AiEndpoints(none, workspaceEndpoints);
        var unconfigured = new AiCalls(none, noEndpoints, meter, generations, context.getBean(JsonMapper.class), clock);

        assertThat(unconfigured.availability(workspace).source()).isEqualTo("none");
        assertThat(unconfigured.availability(workspace).reason()).contains("Settings → AI");
        assertThatThrownBy(() -> unconfigured.write(workspace, prompt("Bread.")))
                .isInstanceOfSatisfying(AiFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.NOT_CONFIGURED);
                    assertThat(failure.getMessage()).contains("Template mode still works");
                });
    }

    @Test
    void internalAddressesAreRefusedUnlessTheOperatorAllowedTheHost() {
        for (String url : List.of(
                "http://169.254.169.254/v1",
                "http://127.0.0.1:11434/v1",
                "http://10.1.2.3/v1",
                "http://192.168.0.10/v1",
                "http://[::1]:8080/v1",
                "http://[fd00::1]/v1",
                "http://[::ffff:127.0.0.1]/v1",
                "http://0.0.0.0/v1")) {
            assertThatThrownBy(() -> workspaceEndpoints.save(
                            workspace, new WorkspaceAiEndpointChange(url, "m", Secret.of(WORKSPACE_KEY), null, null)))
                    .as(url)
                    .isInstanceOfSatisfying(InvalidInput.class, invalid -> {
                        assertThat(invalid.field()).isEqualTo("baseUrl");
                        assertThat(invalid.getMessage()).contains("internal address");
                    });
        }
        for (String url : List.of(
                "ftp://api.example.com/v1",
                "https://user:secret@api.openai.com/v1",
                "https://api.openai.com/v1/chat/completions",
                "not a url")) {
            assertThatThrownBy(() -> workspaceEndpoints.save(
                            workspace, new WorkspaceAiEndpointChange(url, "m", null, null, null)))
                    .as(url)
                    .isInstanceOf(InvalidInput.class);
        }
        assertThat(workspaceEndpoints.find(workspace)).isEmpty();
        // localhost is on this test's allow-list, as an operator would list an in-house Ollama.
        ownEndpoint(null);
        assertThat(workspaceEndpoints.find(workspace).orElseThrow().keyHint()).isNull();
    }

    @Test
    void aSavedEndpointWhoseHostNowResolvesInternallyIsNotCalled() {
        ownEndpoint(WORKSPACE_KEY);
        // As if the saved name had been pointed at Herald's own network: same stub, an address nobody allowed.
        tenants.run(workspace, () -> jdbc.sql("update ai_endpoints set base_url = :url where workspace_id = :workspace")
                .param("url", own.baseUrl().replace("localhost", "127.0.0.1"))
                .param("workspace", workspace.value())
                .update());
        int before = own.calls();

        assertThatThrownBy(() -> writer.write(workspace, prompt("Bread.")))
                .isInstanceOfSatisfying(AiFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(failure.getMessage()).contains("internal address (127.0.0.1)");
                });
        assertThat(own.calls()).isEqualTo(before);
    }

    @Test
    void theKeyAppearsNowhereButInTheRequestToTheModel(CapturedOutput output) {
        own.fails(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: " + WORKSPACE_KEY);
        ownEndpoint(WORKSPACE_KEY);
        var failed = new ArrayList<String>();
        try {
            writer.write(workspace, prompt("Bread."));
        } catch (AiFailure failure) {
            failed.add(failure.getMessage());
        }
        own.answers("Echo " + "nothing", 1, 1);
        writer.write(workspace, prompt("Bread."));

        assertThat(failed).singleElement().asString().doesNotContain(WORKSPACE_KEY);
        assertThat(output.getAll()).doesNotContain(WORKSPACE_KEY).doesNotContain("7c1e9a3b5d2f");
        assertThat(generations.page(workspace, null, null, null, 10).toString()).doesNotContain(WORKSPACE_KEY);
        assertThat(workspaceEndpoints.find(workspace).toString()).doesNotContain(WORKSPACE_KEY);
        assertThat(audit.find(workspace, AuditQuery.latest(50)).toString()).doesNotContain(WORKSPACE_KEY);
    }
}
