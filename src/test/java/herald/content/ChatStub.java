package herald.content;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** A WireMock stand-in for an OpenAI-compatible chat completions endpoint at {@code /v1}. */
public final class ChatStub {

    public static final String PATH = "/v1/chat/completions";

    public final WireMockServer wiremock = new WireMockServer(wireMockConfig().dynamicPort());

    public ChatStub start() {
        wiremock.start();
        return this;
    }

    public void stop() {
        wiremock.stop();
    }

    public void reset() {
        wiremock.resetAll();
    }

    public String baseUrl() {
        return "http://localhost:" + wiremock.port() + "/v1";
    }

    /** Answers every call with {@code text}, counting the given tokens. */
    public void answers(String text, long promptTokens, long completionTokens) {
        answersWith(okJson(completion(text, promptTokens, completionTokens)));
    }

    public void answersWith(ResponseDefinitionBuilder response) {
        wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    /** An OpenAI error document with {@code status}. */
    public void fails(int status, String type, String code, String message) {
        answersWith(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"message":"%s","type":"%s","param":null,"code":"%s"}}"""
                        .formatted(message, type, code)));
    }

    public int calls() {
        return wiremock.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(PATH)))
                .size();
    }

    public static String completion(String text, long promptTokens, long completionTokens) {
        return """
                {"id":"chatcmpl-abc","object":"chat.completion","created":1741570283,"model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null},"logprobs":null,
                 "finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                .formatted(text, promptTokens, completionTokens, promptTokens + completionTokens);
    }
}
