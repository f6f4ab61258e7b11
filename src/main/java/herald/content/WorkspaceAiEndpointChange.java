package herald.content;

import herald.vault.Secret;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's endpoint as saved by an owner or admin.
 *
 * @param apiKey the new key; null keeps the stored one (or none, for servers such as Ollama that need none)
 * @param promptPricePer1k the workspace's price of 1,000 prompt tokens in millionths of a currency unit; null: Herald's
 * @param completionPricePer1k the same for completion tokens
 */
public record WorkspaceAiEndpointChange(
        String baseUrl,
        String model,
        @Nullable Secret apiKey,
        @Nullable Long promptPricePer1k,
        @Nullable Long completionPricePer1k) {

    @Override
    public String toString() {
        return "WorkspaceAiEndpointChange[" + baseUrl + ", " + model + ", key " + (apiKey == null ? "kept" : "new")
                + "]";
    }
}
