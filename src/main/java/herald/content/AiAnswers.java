package herald.content;

import herald.content.AiFailure.Kind;
import herald.content.ChatCompletions.Answer;
import herald.content.ChatCompletions.Completion;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a chat completions answer: the completion, or the {@link AiFailure} its status and body amount to. */
final class AiAnswers {

    private static final int EXCERPT = 160;
    private static final Pattern KEY_LIKE = Pattern.compile("\\bsk-[A-Za-z0-9_\\-*.]{4,}|[A-Za-z0-9_\\-]{32,}");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\s]+");

    private AiAnswers() {}

    static Completion read(JsonMapper json, AiEndpoint endpoint, Answer answer) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return completion(json, endpoint, answer);
        }
        @Nullable JsonNode error = error(json, answer.body());
        String said = said(endpoint, error, answer);
        if (status == 401 || status == 403) {
            throw new AiFailure(
                    Kind.BAD_KEY,
                    "The AI endpoint refused the key (" + status + ")." + said + " " + replaceKey(endpoint));
        }
        if (status == 429) {
            if (insufficientQuota(error)) {
                throw new AiFailure(
                        Kind.QUOTA_EXHAUSTED,
                        "The AI account behind the key has no credit left (429 insufficient_quota). Add credit with "
                                + "the provider or " + useAnotherKey(endpoint) + "; template mode still works.");
            }
            String retryAfter = answer.headers().getFirst("Retry-After");
            throw new AiFailure(
                    Kind.RATE_LIMITED,
                    "The AI endpoint is rate limiting requests (429); try again "
                            + (retryAfter != null && retryAfter.strip().matches("\\d{1,6}")
                                    ? "in " + retryAfter.strip() + " s (Retry-After)."
                                    : "in a minute.")
                            + said);
        }
        if (status >= 500) {
            throw new AiFailure(
                    Kind.UNAVAILABLE, "The AI endpoint failed (" + status + ")." + said + " Try again later.");
        }
        if (status >= 300 && status < 400) {
            throw new AiFailure(
                    Kind.UNAVAILABLE,
                    "The AI endpoint redirected the request (" + status + "); check its base URL" + where(endpoint)
                            + ". It usually ends in /v1.");
        }
        throw new AiFailure(
                Kind.UNAVAILABLE,
                "The AI endpoint refused the request (" + status + ")." + said + " Check the base URL and the model"
                        + where(endpoint) + ".");
    }

    private static Completion completion(JsonMapper json, AiEndpoint endpoint, Answer answer) {
        String body = answer.body();
        if (body.isBlank()) {
            throw malformed(endpoint, "an empty answer");
        }
        MediaType type = answer.contentType();
        if ((type != null && type.isCompatibleWith(MediaType.TEXT_HTML))
                || body.stripLeading().startsWith("<")) {
            throw malformed(endpoint, "an HTML page");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw malformed(endpoint, "something that is not JSON");
        }
        JsonNode choices = node.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw malformed(endpoint, "JSON without choices");
        }
        JsonNode choice = choices.get(0);
        JsonNode content = choice.path("message").path("content");
        String text = content.isString() ? content.stringValue().strip() : "";
        if (text.isEmpty()) {
            String finish = string(choice.path("finish_reason"));
            throw new AiFailure(
                    Kind.MALFORMED,
                    "The AI endpoint answered without any text"
                            + (finish == null ? "" : " (finish_reason " + clean(finish, 40) + ")")
                            + (finish != null && finish.equals("length")
                                    ? "; the answer ran out of tokens, ask for more."
                                    : finish != null && finish.equals("content_filter")
                                            ? "; its content filter held the answer back."
                                            : "; try again or use another model."));
        }
        String model = string(node.path("model"));
        JsonNode usage = node.path("usage");
        boolean counted = usage.path("prompt_tokens").isNumber()
                && usage.path("completion_tokens").isNumber();
        return new Completion(
                text,
                model == null || model.isBlank() ? endpoint.model() : clean(model, 200),
                counted ? Math.max(0, usage.path("prompt_tokens").asLong()) : -1,
                counted ? Math.max(0, usage.path("completion_tokens").asLong()) : -1,
                !counted);
    }

    private static AiFailure malformed(AiEndpoint endpoint, String what) {
        return new AiFailure(
                Kind.MALFORMED,
                "The AI endpoint answered " + what + " instead of a chat completion; check its base URL"
                        + where(endpoint) + " (it usually ends in /v1) and that it speaks the OpenAI chat completions "
                        + "protocol.");
    }

    private static @Nullable JsonNode error(JsonMapper json, String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.path("error").isObject() ? node.path("error") : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean insufficientQuota(@Nullable JsonNode error) {
        return error != null
                && ("insufficient_quota".equals(string(error.path("code")))
                        || "insufficient_quota".equals(string(error.path("type"))));
    }

    /** " It said: …" with the error's message (or the body's start), cleaned of markup and anything like a key. */
    private static String said(AiEndpoint endpoint, @Nullable JsonNode error, Answer answer) {
        String message = error == null ? null : string(error.path("message"));
        if (message == null) {
            if (answer.body().isBlank() || answer.body().stripLeading().startsWith("<")) {
                return "";
            }
            message = answer.body();
        }
        String excerpt = excerpt(endpoint, message);
        return excerpt.isEmpty() ? "" : " It said: \"" + excerpt + "\"";
    }

    /** A short, single-line excerpt of what an endpoint said, without markup, the key or anything like one. */
    static String excerpt(AiEndpoint endpoint, String said) {
        String text = said;
        if (endpoint.key() != null && !endpoint.key().reveal().isBlank()) {
            text = text.replace(endpoint.key().reveal(), "***");
        }
        text = TAGS.matcher(text).replaceAll(" ");
        text = KEY_LIKE.matcher(text).replaceAll("***");
        return clean(text, EXCERPT);
    }

    private static String clean(String text, int max) {
        String line = CONTROL.matcher(text).replaceAll(" ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    private static @Nullable String string(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }

    private static String replaceKey(AiEndpoint endpoint) {
        return "workspace".equals(endpoint.source())
                ? "Replace the key in Settings → AI."
                : "Herald's own key (herald.content.ai.api-key) needs replacing by the operator.";
    }

    private static String useAnotherKey(AiEndpoint endpoint) {
        return "workspace".equals(endpoint.source())
                ? "use another key in Settings → AI"
                : "ask the operator to replace Herald's key, or add your own in Settings → AI";
    }

    private static String where(AiEndpoint endpoint) {
        return "workspace".equals(endpoint.source()) ? " in Settings → AI" : " (herald.content.ai.base-url)";
    }
}
