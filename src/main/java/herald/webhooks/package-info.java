/**
 * Outbound webhooks: a workspace's endpoints, the events they subscribe to ({@code post.published}, {@code
 * post.failed}, {@code post.needs_attention}, {@code post.comment_failed}, {@code post.awaiting_approval}, {@code
 * post.approval_decided}, {@code review.feedback}, {@code inbox.comment}, {@code connection.needs_reconnect}), and the durable, signed, retried
 * deliveries of those events. Each delivery is a db-scheduler job; its body is signed the Standard Webhooks way
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}) with the endpoint's own secret, which the
 * vault seals. Calls go out only to public addresses (SSRF) and follow no redirect. See docs/webhooks.md.
 *
 * <p>The module's API: {@link herald.webhooks.WebhookEndpoints} (endpoints, secrets, test events) and {@link
 * herald.webhooks.WebhookDeliveries} (the delivery log, redelivery).
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "database",
            "audit",
            "vault",
            "publishing",
            "connections",
            "reviews",
            "providers",
            "inbox"
        })
@NullMarked
package herald.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
