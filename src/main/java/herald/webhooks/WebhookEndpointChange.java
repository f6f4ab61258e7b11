package herald.webhooks;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A change to an endpoint: only the fields given (not null) change; the secret changes only by rolling it. */
public record WebhookEndpointChange(
        @Nullable String url, @Nullable List<String> events, @Nullable String description, @Nullable Boolean enabled) {

    public static WebhookEndpointChange enabled(boolean enabled) {
        return new WebhookEndpointChange(null, null, null, enabled);
    }
}
