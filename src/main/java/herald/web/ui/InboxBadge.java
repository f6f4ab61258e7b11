package herald.web.ui;

import herald.inbox.Inbox;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The number of open comments in the inbox, for the navigation: counted only when the layout draws it. */
@ControllerAdvice(basePackageClasses = InboxBadge.class)
class InboxBadge {

    private final Inbox inbox;

    InboxBadge(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("inbox")
    Open open(HttpServletRequest request) {
        return new Open(inbox, CurrentWorkspace.of(request).orElse(null));
    }

    /** Lazily counted, so pages that do not draw the navigation pay nothing. */
    public static final class Open {

        private final Inbox inbox;
        private final @Nullable CurrentWorkspace current;
        private @Nullable Long count;

        Open(Inbox inbox, @Nullable CurrentWorkspace current) {
            this.inbox = inbox;
            this.current = current;
        }

        public long getCount() {
            if (count == null) {
                count = current == null ? 0 : inbox.openCount(current.id());
            }
            return count;
        }
    }
}
