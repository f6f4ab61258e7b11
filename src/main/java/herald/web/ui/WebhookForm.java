package herald.web.ui;

import herald.webhooks.WebhookEndpoint;
import herald.webhooks.WebhookEndpointChange;
import herald.webhooks.WebhookEndpointDraft;
import herald.webhooks.WebhookEventType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The webhook endpoint form: a URL, a description and the event names ticked. */
public record WebhookForm(@Nullable String url, @Nullable String description, @Nullable List<String> events) {

    public WebhookForm {
        url = url == null ? "" : url.strip();
        description = description == null ? "" : description.strip();
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A new endpoint receives every event unless someone unticks some. */
    static WebhookForm blank() {
        return new WebhookForm(
                "",
                "",
                WebhookEventType.subscribable().stream()
                        .map(WebhookEventType::value)
                        .toList());
    }

    static WebhookForm of(WebhookEndpoint endpoint) {
        return new WebhookForm(
                endpoint.url().toString(),
                endpoint.description(),
                endpoint.events().stream().map(WebhookEventType::value).toList());
    }

    public boolean has(String event) {
        return events.contains(event);
    }

    /** The form as a change of an existing endpoint: its URL, events and description; on or off stays as it is. */
    WebhookEndpointChange change() {
        return new WebhookEndpointChange(url, events, description, null);
    }

    WebhookEndpointDraft draft(boolean enabled) {
        return new WebhookEndpointDraft(url, events, description, enabled);
    }

    /** The form field a refusal of the webhooks module is shown next to. */
    static String field(String domainField) {
        return switch (domainField) {
            case "url", "description", "events" -> domainField;
            default -> FormErrors.FORM;
        };
    }
}
