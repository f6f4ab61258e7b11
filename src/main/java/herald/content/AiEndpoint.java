package herald.content;

import herald.vault.Secret;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Where one call goes: an OpenAI-compatible base URL ({@code …/v1}), the model, the key (none for servers that need
 * none) and the prices the cost is estimated with.
 *
 * @param source {@code workspace} or {@code herald}
 */
record AiEndpoint(
        String source,
        URI baseUrl,
        String model,
        @Nullable Secret key,
        long promptPricePer1k,
        long completionPricePer1k) {

    URI completions() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }

    String host() {
        return baseUrl.getHost() == null ? "" : baseUrl.getHost();
    }

    /** Cost in millionths of a currency unit, rounded up so that a small call never costs nothing. */
    long cost(long promptTokens, long completionTokens) {
        return ceilDiv(promptTokens * promptPricePer1k, 1000) + ceilDiv(completionTokens * completionPricePer1k, 1000);
    }

    private static long ceilDiv(long value, long divisor) {
        return Math.ceilDiv(value, divisor);
    }

    @Override
    public String toString() {
        return "AiEndpoint[" + source + ", " + baseUrl + ", " + model + "]";
    }
}
