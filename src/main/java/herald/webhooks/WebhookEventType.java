package herald.webhooks;

import herald.shared.InvalidInput;
import java.util.Arrays;
import java.util.List;

/** What an endpoint can subscribe to, by the name its deliveries carry in {@code type}. */
public enum WebhookEventType {
    POST_PUBLISHED("post.published", "A post was published to an account (or a person marked it published)."),
    POST_FAILED("post.failed", "A post failed for good on an account, with the platform's reason."),
    POST_NEEDS_ATTENTION(
            "post.needs_attention",
            "Herald cannot tell whether a post was published; a person must mark it published or publish it again."),
    POST_COMMENT_FAILED(
            "post.comment_failed",
            "A published post's first comment was not written on an account: it failed, with the platform's reason, or"
                    + " Herald cannot tell whether the platform took it (unknown)."),
    POST_THREAD_FAILED(
            "post.thread_failed",
            "A part of a published post's thread did not go out on an account: it failed, with the platform's reason,"
                    + " or Herald cannot tell whether the platform took it (unknown); the parts after it wait."),
    POST_AWAITING_APPROVAL(
            "post.awaiting_approval",
            "A post waits for a member's approval before it is published (an agent's grant asks for one)."),
    POST_APPROVAL_DECIDED(
            "post.approval_decided",
            "Someone approved a post that waited for approval (it is scheduled now) or rejected it (cancelled)."),
    REVIEW_FEEDBACK(
            "review.feedback", "A client commented on a post, approved it or asked for changes through a review link."),
    INBOX_COMMENT(
            "inbox.comment",
            "Someone commented under a published post on a platform whose comments Herald reads; the inbox has it, to"
                    + " answer."),
    CONNECTION_NEEDS_RECONNECT(
            "connection.needs_reconnect",
            "A platform refused to refresh an account's token: nothing publishes to it until someone reconnects it."),
    /** Sent on request to check an endpoint; not subscribable. */
    WEBHOOK_TEST("webhook.test", "A test event, sent when someone asks for one.");

    private final String value;
    private final String description;

    WebhookEventType(String value, String description) {
        this.value = value;
        this.description = description;
    }

    public String value() {
        return value;
    }

    public String description() {
        return description;
    }

    /** The types an endpoint can subscribe to. */
    public static List<WebhookEventType> subscribable() {
        return Arrays.stream(values()).filter(t -> t != WEBHOOK_TEST).toList();
    }

    /** @throws InvalidInput on {@code events} for an unknown or unsubscribable name */
    public static WebhookEventType of(String value) {
        for (WebhookEventType type : subscribable()) {
            if (type.value.equals(value)) {
                return type;
            }
        }
        throw new InvalidInput(
                "events",
                "Unknown event '" + value + "': use "
                        + String.join(
                                ", ",
                                subscribable().stream()
                                        .map(WebhookEventType::value)
                                        .toList()) + ".");
    }

    /** The type a stored name stands for (the test event included). */
    static WebhookEventType stored(String value) {
        for (WebhookEventType type : values()) {
            if (type.value.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown stored webhook event type " + value);
    }
}
