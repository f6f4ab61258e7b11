package herald.content;

import herald.content.AiFailure.Kind;
import herald.shared.PublicHosts;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one protocol Herald speaks to models: an OpenAI-compatible {@code POST {base}/chat/completions} with a system and
 * a user message, read whole. Every way it can go wrong becomes an {@link AiFailure} whose message a person can act on;
 * the key never appears in one, and of the endpoint's own words only a short, cleaned excerpt does.
 */
final class ChatCompletions {

    private final JsonMapper json;
    private final RestClient http;
    private final Duration timeout;

    /** Calls endpoints on {@code hosts} only (refused at connection otherwise), following no redirects. */
    ChatCompletions(JsonMapper json, Duration timeout, PublicHosts hosts) {
        this.json = json;
        this.timeout = timeout;
        this.http = RestClient.builder()
                .requestFactory(new HttpComponentsClientHttpRequestFactory(
                        hosts.client(timeout, timeout, 0).build()))
                .build();
    }

    /** The first choice's answer, or an {@link AiFailure} saying why there is none. */
    Completion complete(AiEndpoint endpoint, AiPrompt prompt) {
        String body = json.writeValueAsString(request(endpoint, prompt));
        Answer answer;
        try {
            answer = http.post()
                    .uri(endpoint.completions())
                    .headers(headers -> {
                        if (endpoint.key() != null && !endpoint.key().reveal().isBlank()) {
                            headers.setBearerAuth(endpoint.key().reveal());
                        }
                    })
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange(
                            (sent, response) -> new Answer(
                                    response.getStatusCode().value(),
                                    response.getHeaders(),
                                    StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8)),
                            true);
        } catch (ResourceAccessException e) {
            throw unreachable(endpoint, e);
        }
        return AiAnswers.read(json, endpoint, answer);
    }

    private static Map<String, Object> request(AiEndpoint endpoint, AiPrompt prompt) {
        var request = new LinkedHashMap<String, Object>();
        request.put("model", endpoint.model());
        request.put(
                "messages",
                List.of(
                        Map.of("role", "system", "content", prompt.system()),
                        Map.of("role", "user", "content", prompt.user())));
        request.put("max_completion_tokens", prompt.maxTokens());
        request.put("temperature", prompt.temperature());
        return request;
    }

    private AiFailure unreachable(AiEndpoint endpoint, ResourceAccessException e) {
        Throwable cause = e.getCause();
        if (cause instanceof PublicHosts.Refused refused) {
            return new AiFailure(
                    Kind.UNAVAILABLE,
                    "The AI endpoint's host " + refused.host() + " now resolves to an internal address ("
                            + refused.address().getHostAddress()
                            + "); Herald only calls public AI endpoints. An operator can allow an in-house host in "
                            + "herald.content.ai.allowed-hosts.");
        }
        if (cause instanceof java.net.SocketTimeoutException) {
            return new AiFailure(
                    Kind.TIMEOUT,
                    "The AI endpoint at " + endpoint.host() + " gave no full answer within " + seconds(timeout)
                            + "; try again, ask for a shorter answer, or use a faster model.");
        }
        String why = cause instanceof ConnectException ? "refused the connection" : "could not be reached";
        return new AiFailure(
                Kind.UNAVAILABLE,
                "The AI endpoint at " + endpoint.host() + " " + why + "; check its base URL"
                        + ("workspace".equals(endpoint.source()) ? " in Settings → AI" : "")
                        + " and that it is running.");
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() > 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** One HTTP answer, read whole. */
    record Answer(int status, HttpHeaders headers, String body) {

        @Nullable
        MediaType contentType() {
            try {
                return headers.getContentType();
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * A usable answer.
     *
     * @param promptTokens as the endpoint counted them, or estimated (4 characters a token) when it did not say
     */
    record Completion(String text, String model, long promptTokens, long completionTokens, boolean usageEstimated) {}
}
