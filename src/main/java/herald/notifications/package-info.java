/**
 * The in-app notification centre: what needs a person (a failed post, one whose outcome is unknown, a published
 * post's first comment that failed or may not have been written, one awaiting approval, an account to reconnect)
 * becomes one notification for each member who can act on it, unless they muted that kind, read behind the bell in the
 * header and removed after {@code herald.notifications.retention}. Built from other modules' events after they commit,
 * off the publishing thread. See docs/notifications.md.
 *
 * <p>The module's API: {@link herald.notifications.Notifications} (a member's notifications, read and unread) and
 * {@link herald.notifications.NotificationMutes} (the kinds a member does not want) and
 * {@link herald.notifications.NotificationEmails} (whether, and when, a member is e-mailed them).
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "database",
            "audit",
            "tenancy",
            "providers",
            "publishing",
            "connections",
            "reviews",
            "inbox"
        })
@NullMarked
package herald.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
