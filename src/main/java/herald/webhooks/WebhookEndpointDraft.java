package herald.webhooks;

import herald.shared.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a person or program gives for an endpoint: its URL, the event names it wants (at least one), an optional
 * description, and whether it receives deliveries now.
 */
public record WebhookEndpointDraft(
        @Nullable String url, @Nullable List<String> events, @Nullable String description, boolean enabled) {

    static final int MAX_DESCRIPTION = 200;

    /** The subscribed types, each once, in the order of {@link WebhookEventType}. */
    List<WebhookEventType> eventTypes() {
        if (events == null || events.isEmpty()) {
            throw new InvalidInput("events", "Choose at least one event to receive.");
        }
        var chosen = new LinkedHashSet<WebhookEventType>();
        for (String event : events) {
            if (event == null || event.isBlank()) {
                throw new InvalidInput("events", "An event name is empty.");
            }
            chosen.add(WebhookEventType.of(event.strip()));
        }
        var ordered = new ArrayList<WebhookEventType>();
        for (WebhookEventType type : WebhookEventType.subscribable()) {
            if (chosen.contains(type)) {
                ordered.add(type);
            }
        }
        return List.copyOf(ordered);
    }

    String cleanDescription() {
        String text = description == null ? "" : description.strip();
        if (text.length() > MAX_DESCRIPTION) {
            throw new InvalidInput("description", "The description has " + text.length() + " characters; at most 200.");
        }
        return text;
    }
}
