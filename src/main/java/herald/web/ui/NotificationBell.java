package herald.web.ui;

import herald.identity.SignedInUser;
import herald.notifications.Notifications;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The bell in the header: the signed-in member's unread notifications in the workspace of the page. Counted only when
 * the layout draws it (in a workspace), once per page, with one statement on a partial index that stops at {@link
 * Notifications#COUNT_CAP}.
 */
@ControllerAdvice(basePackageClasses = NotificationBell.class)
class NotificationBell {

    private final Notifications notifications;

    NotificationBell(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("bell")
    Unread unread(HttpServletRequest request, @AuthenticationPrincipal @Nullable SignedInUser user) {
        return new Unread(notifications, CurrentWorkspace.of(request).orElse(null), user);
    }

    /** Lazily counted, so pages that do not draw the header pay nothing. */
    public static final class Unread {

        private final Notifications notifications;
        private final @Nullable CurrentWorkspace current;
        private final @Nullable SignedInUser user;
        private @Nullable Integer count;

        Unread(Notifications notifications, @Nullable CurrentWorkspace current, @Nullable SignedInUser user) {
            this.notifications = notifications;
            this.current = current;
            this.user = user;
        }

        public int getCount() {
            if (count == null) {
                count = current == null || user == null ? 0 : notifications.unread(current.id(), user.id());
            }
            return count;
        }

        /** The count as the badge shows it: "99+" past the cap. */
        public String getLabel() {
            int n = getCount();
            return n >= Notifications.COUNT_CAP ? (Notifications.COUNT_CAP - 1) + "+" : Integer.toString(n);
        }
    }
}
