package herald.web.api.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The bodies the webhook endpoints take. */
final class WebhookRequests {

    static final String EVENTS = "post.published, post.failed, post.needs_attention, post.comment_failed,"
            + " post.awaiting_approval, post.approval_decided, review.feedback, connection.needs_reconnect";

    private WebhookRequests() {}

    @Schema(name = "NewWebhookEndpoint")
    record Create(
            @Schema(
                            description = "A public https URL; deliveries are POSTed to it.",
                            example = "https://example.com/hooks/herald")
                    @Nullable
                    String url,
            @Schema(description = "The events to receive, at least one of: " + EVENTS + ".") @Nullable
                    List<String> events,
            @Schema(description = "Up to 200 characters, for people.", nullable = true) @Nullable String description,
            @Schema(description = "Whether it receives deliveries now; default true.", nullable = true) @Nullable
                    Boolean enabled) {}

    @Schema(name = "WebhookEndpointChange", description = "Only the fields given change.")
    record Change(
            @Nullable String url,
            @Schema(description = "Replaces the events, at least one of: " + EVENTS + ".") @Nullable
                    List<String> events,
            @Nullable String description,
            @Nullable Boolean enabled) {}
}
