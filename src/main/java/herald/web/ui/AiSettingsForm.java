package herald.web.ui;

import herald.content.WorkspaceAiEndpoint;
import herald.content.WorkspaceAiEndpointChange;
import herald.shared.InvalidInput;
import herald.vault.Secret;
import org.jspecify.annotations.Nullable;

/** The AI settings form; an empty key keeps the stored one. Prices are optional whole numbers. */
record AiSettingsForm(
        @Nullable String baseUrl,
        @Nullable String model,
        @Nullable String apiKey,
        @Nullable String promptPricePer1k,
        @Nullable String completionPricePer1k) {

    static AiSettingsForm of(@Nullable WorkspaceAiEndpoint endpoint) {
        if (endpoint == null) {
            return new AiSettingsForm("https://api.openai.com/v1", "gpt-4o-mini", "", "", "");
        }
        return new AiSettingsForm(
                endpoint.baseUrl(),
                endpoint.model(),
                "",
                endpoint.promptPricePer1k() == null
                        ? ""
                        : endpoint.promptPricePer1k().toString(),
                endpoint.completionPricePer1k() == null
                        ? ""
                        : endpoint.completionPricePer1k().toString());
    }

    /** The form without the key, to draw it again: a key typed in is never sent back to the browser. */
    AiSettingsForm withoutKey() {
        return new AiSettingsForm(baseUrl, model, "", promptPricePer1k, completionPricePer1k);
    }

    WorkspaceAiEndpointChange change() {
        return new WorkspaceAiEndpointChange(
                text(baseUrl),
                text(model),
                text(apiKey).isBlank() ? null : Secret.of(text(apiKey)),
                price("promptPricePer1k", promptPricePer1k),
                price("completionPricePer1k", completionPricePer1k));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static @Nullable Long price(String field, @Nullable String value) {
        if (text(value).isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(text(value));
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "Enter a whole number of millionths, e.g. 150, or leave it empty.");
        }
    }

    @Override
    public String toString() {
        return "AiSettingsForm[" + baseUrl + ", " + model + "]";
    }
}
