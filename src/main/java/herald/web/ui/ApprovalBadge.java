package herald.web.ui;

import herald.agents.Approvals;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The number of posts waiting for approval, for the navigation. Counted only when the layout draws it (for editors
 * and above), once per page.
 */
@ControllerAdvice(basePackageClasses = ApprovalBadge.class)
class ApprovalBadge {

    private final Approvals approvals;

    ApprovalBadge(Approvals approvals) {
        this.approvals = approvals;
    }

    @ModelAttribute("approvals")
    Waiting waiting(HttpServletRequest request) {
        return new Waiting(approvals, CurrentWorkspace.of(request).orElse(null));
    }

    /** Lazily counted, so pages that do not draw the navigation pay nothing. */
    public static final class Waiting {

        private final Approvals approvals;
        private final @Nullable CurrentWorkspace current;
        private @Nullable Integer count;

        Waiting(Approvals approvals, @Nullable CurrentWorkspace current) {
            this.approvals = approvals;
            this.current = current;
        }

        public int getCount() {
            if (count == null) {
                count = current == null || !current.roleAtLeast(Role.EDITOR) ? 0 : approvals.count(current.id());
            }
            return count;
        }
    }
}
