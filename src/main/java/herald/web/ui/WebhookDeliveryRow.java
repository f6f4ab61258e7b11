package herald.web.ui;

import herald.webhooks.WebhookDelivery;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One delivery in an endpoint's log, with its body indented for reading: the body is sent compact, on one line, and a
 * delivery's message lies deep in {@code data}.
 */
public record WebhookDeliveryRow(WebhookDelivery delivery, String payload) {

    static WebhookDeliveryRow of(WebhookDelivery delivery, JsonMapper json) {
        return new WebhookDeliveryRow(delivery, indented(delivery.payload(), json));
    }

    /** The {@code webhook-id} header of every attempt of this delivery, as a receiver sees it. */
    public String webhookId() {
        return delivery.webhookId();
    }

    private static String indented(String payload, JsonMapper json) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(payload));
        } catch (JacksonException e) {
            return payload;
        }
    }
}
