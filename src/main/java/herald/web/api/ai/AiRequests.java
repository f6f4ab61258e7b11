package herald.web.api.ai;

import herald.content.WorkspaceAiEndpointChange;
import herald.vault.Secret;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

final class AiRequests {

    private AiRequests() {}

    record SaveAiSettings(
            @Schema(
                            description = "The OpenAI-compatible API's base URL, up to and including its version, "
                                    + "without /chat/completions.",
                            example = "https://api.openai.com/v1")
                    @NotBlank
                    @Size(max = 500)
                    String baseUrl,
            @Schema(description = "The model as the endpoint names it.", example = "gpt-4o-mini")
                    @NotBlank
                    @Size(max = 200)
                    String model,
            @Schema(
                            description = "The API key. Leave it out to keep the stored one (or for servers that need "
                                    + "none). Never shown again: answers show only its last four characters.",
                            nullable = true,
                            writeOnly = true)
                    @Nullable
                    @Size(max = 500)
                    String apiKey,
            @Schema(
                            description = "The workspace's price of 1,000 prompt tokens, in millionths of a currency "
                                    + "unit; Herald's estimate when left out.",
                            nullable = true,
                            example = "150")
                    @Nullable
                    @Min(0)
                    @Max(100_000_000)
                    Long promptPricePer1k,
            @Schema(description = "The same for 1,000 completion tokens.", nullable = true, example = "600")
                    @Nullable
                    @Min(0)
                    @Max(100_000_000)
                    Long completionPricePer1k) {

        WorkspaceAiEndpointChange change() {
            return new WorkspaceAiEndpointChange(
                    baseUrl,
                    model,
                    apiKey == null || apiKey.isBlank() ? null : Secret.of(apiKey),
                    promptPricePer1k,
                    completionPricePer1k);
        }

        @Override
        public String toString() {
            return "SaveAiSettings[" + baseUrl + ", " + model + "]";
        }
    }
}
