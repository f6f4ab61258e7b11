package herald.content;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import herald.content.AiFailure.Kind;
import herald.shared.PublicHosts;
import herald.shared.WorkspaceId;
import herald.vault.Secret;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The chat completions client against a WireMock endpoint: the request it sends and every way the answer can fail. */
class ChatCompletionsTests {

    static final String KEY = "sk-test-9f8e7d6c5b4a39281706a1b2";
    static final WorkspaceId WORKSPACE = new WorkspaceId(UUID.randomUUID());
    static final AiPrompt PROMPT = new AiPrompt(
            "caption",
            "You write for Trattoria Sole, casual.",
            "A caption for truffle pasta on Instagram.",
            300,
            0.8,
            null);
    static ChatStub stub;

    @BeforeAll
    static void start() {
        stub = new ChatStub().start();
    }

    @AfterAll
    static void stop() {
        stub.stop();
    }

    @BeforeEach
    void reset() {
        stub.reset();
    }

    /** The chat completions client of an endpoint at {@code baseUrl}, seen as the workspace's own. */
    static Client writer(String baseUrl, Duration timeout) {
        var endpoint = new AiEndpoint("workspace", URI.create(baseUrl), "gpt-4o-mini", Secret.of(KEY), 150, 600);
        var chat = new ChatCompletions(
                JsonMapper.builder().build(), timeout, PublicHosts.allowing(java.util.List.of("localhost")));
        return (workspace, prompt) -> {
            long started = System.nanoTime();
            var completion = chat.complete(endpoint, prompt);
            return new AiReply(
                    completion.text(),
                    completion.model(),
                    AiCalls.usage(endpoint, prompt, completion),
                    UUID.randomUUID(),
                    Duration.ofNanos(System.nanoTime() - started));
        };
    }

    interface Client {
        AiReply write(WorkspaceId workspace, AiPrompt prompt);
    }

    Client writer() {
        return writer(stub.baseUrl(), Duration.ofSeconds(5));
    }

    @Test
    void sendsTheModelBothMessagesTheCapAndTheKey() {
        stub.answers("Truffle season is here.", 42, 9);

        AiReply reply = writer().write(WORKSPACE, PROMPT);

        stub.wiremock.verify(
                postRequestedFor(urlEqualTo(ChatStub.PATH))
                        .withHeader("Authorization", equalTo("Bearer " + KEY))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"model":"gpt-4o-mini","messages":[
                          {"role":"system","content":"You write for Trattoria Sole, casual."},
                          {"role":"user","content":"A caption for truffle pasta on Instagram."}],
                         "max_completion_tokens":300,"temperature":0.8}""")));
        assertThat(reply.text()).isEqualTo("Truffle season is here.");
        assertThat(reply.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(reply.usage()).isEqualTo(new AiUsage(42, 9, 7 + 6));
        assertThat(reply.latency().isNegative()).isFalse();
    }

    @Test
    void estimatesTokensWhenTheServerDoesNotCountThem() {
        stub.answersWith(
                okJson(
                        """
                {"choices":[{"index":0,"message":{"role":"assistant","content":"Twelve chars"}}]}"""));

        AiReply reply = writer().write(WORKSPACE, PROMPT);

        assertThat(reply.usage().promptTokens())
                .isEqualTo(Math.ceilDiv(PROMPT.system().length() + PROMPT.user().length(), 4));
        assertThat(reply.usage().completionTokens()).isEqualTo(3);
        assertThat(reply.model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void aRefusedKeyIsABadKeyWithoutTheKeyInTheMessage() {
        stub.fails(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: " + KEY + ".");

        assertThatThrownBy(() -> writer().write(WORKSPACE, PROMPT)).isInstanceOfSatisfying(AiFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.BAD_KEY);
            assertThat(failure.getMessage())
                    .contains("refused the key (401)")
                    .contains("Incorrect API key provided")
                    .doesNotContain(KEY)
                    .doesNotContain("9f8e7d6c5b4a");
        });
    }

    @Test
    void aForbiddenKeyIsABadKeyToo() {
        stub.fails(403, "invalid_request_error", "unsupported_country_region_territory", "Country not supported.");

        assertThat(failure()).extracting(AiFailure::kind).isEqualTo(Kind.BAD_KEY);
    }

    @Test
    void anEmptyAccountIsQuotaExhaustedNotARateLimit() {
        stub.fails(429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota.");

        AiFailure failure = failure();

        assertThat(failure.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED);
        assertThat(failure.getMessage()).contains("no credit left").contains("template mode still works");
    }

    @Test
    void aRateLimitSaysWhenToTryAgain() {
        stub.answersWith(
                aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "20")
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                """
                        {"error":{"message":"Rate limit reached for requests","type":"requests","param":null,\
                        "code":"rate_limit_exceeded"}}"""));

        AiFailure failure = failure();

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.getMessage()).contains("(429)").contains("in 20 s");
    }

    @Test
    void noAnswerWithinTheTimeoutIsATimeout() {
        stub.answersWith(okJson(ChatStub.completion("late", 1, 1)).withFixedDelay(2_000));

        assertThatThrownBy(() -> writer(stub.baseUrl(), Duration.ofMillis(300)).write(WORKSPACE, PROMPT))
                .isInstanceOfSatisfying(AiFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(failure.getMessage()).contains("within 300 ms");
                });
    }

    @Test
    void anHtmlPageIsMalformed() {
        stub.answersWith(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>Welcome to nginx!</h1></body></html>"));

        AiFailure failure = failure();

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(failure.getMessage()).contains("HTML page").contains("/v1").doesNotContain("nginx");
    }

    @Test
    void anEmptyAnswerIsMalformed() {
        stub.answersWith(aResponse().withStatus(200).withHeader("Content-Type", "application/json"));

        assertThat(failure()).satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
            assertThat(failure.getMessage()).contains("empty answer");
        });
    }

    @Test
    void brokenJsonIsMalformed() {
        stub.answersWith(okJson("{\"choices\":[{\"message\":"));

        assertThat(failure()).satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
            assertThat(failure.getMessage()).contains("not JSON");
        });
    }

    @Test
    void noChoicesIsMalformed() {
        stub.answersWith(okJson("{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}"));

        assertThat(failure()).satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
            assertThat(failure.getMessage()).contains("without choices");
        });
    }

    @Test
    void blankContentIsMalformedAndSaysWhyWhenItCan() {
        stub.answersWith(
                okJson(
                        """
                {"choices":[{"index":0,"message":{"role":"assistant","content":"  "},"finish_reason":"length"}]}"""));

        assertThat(failure()).satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
            assertThat(failure.getMessage()).contains("without any text").contains("ran out of tokens");
        });
    }

    @Test
    void aServerErrorIsUnavailable() {
        stub.fails(503, "server_error", "overloaded", "The engine is currently overloaded.");

        assertThat(failure()).satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(failure.getMessage()).contains("(503)").contains("currently overloaded");
        });
    }

    @Test
    void aDroppedConnectionIsUnavailable() {
        stub.answersWith(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(failure()).extracting(AiFailure::kind).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aClosedPortIsUnavailable() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() -> writer("http://localhost:" + port + "/v1", Duration.ofSeconds(2))
                        .write(WORKSPACE, PROMPT))
                .isInstanceOfSatisfying(AiFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(failure.getMessage()).contains("refused the connection");
                });
    }

    @Test
    void aHostThatNowResolvesToAnInternalAddressIsNotCalled() {
        // The stub listens on 127.0.0.1; only the name "localhost" is allowed, as if a saved public name had been
        // pointed at Herald's own network since.
        String internal = stub.baseUrl().replace("localhost", "127.0.0.1");

        assertThatThrownBy(() -> writer(internal, Duration.ofSeconds(2)).write(WORKSPACE, PROMPT))
                .isInstanceOfSatisfying(AiFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(failure.getMessage()).contains("internal address (127.0.0.1)");
                });
        assertThat(stub.calls()).isZero();
    }

    @Test
    void anUnknownModelIsUnavailableWithTheEndpointsWords() {
        stub.fails(404, "invalid_request_error", "model_not_found", "The model `gpt-9` does not exist.");

        assertThat(failure()).satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(failure.getMessage()).contains("(404)").contains("`gpt-9` does not exist");
        });
    }

    private AiFailure failure() {
        try {
            writer().write(WORKSPACE, PROMPT);
        } catch (AiFailure failure) {
            return failure;
        }
        throw new AssertionError("no AiFailure");
    }
}
