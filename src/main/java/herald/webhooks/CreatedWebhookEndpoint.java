package herald.webhooks;

/**
 * An endpoint with its signing secret ({@code whsec_…}), the only time the secret is shown: at creation and when it is
 * rolled.
 */
public record CreatedWebhookEndpoint(WebhookEndpoint endpoint, String secret) {

    @Override
    public String toString() {
        return "CreatedWebhookEndpoint[endpoint=" + endpoint + ", secret=…]";
    }
}
