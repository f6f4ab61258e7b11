package herald.web.ui;

import herald.identity.SignedInUser;
import herald.tenancy.Workspaces;
import herald.web.CurrentWorkspace;
import herald.web.security.SecondStep;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the layout's {@link Shell} into every UI page, and remembers the workspace a person last worked in. */
@ControllerAdvice(basePackageClasses = UiModel.class)
class UiModel {

    static final String LAST_WORKSPACE = "herald.lastWorkspace";

    private final Workspaces workspaces;

    UiModel(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request, @AuthenticationPrincipal @Nullable SignedInUser user) {
        if (SecondStep.pending(SecurityContextHolder.getContext().getAuthentication())
                .isPresent()) {
            // Halfway through signing in (no code yet): no page shows them as signed in, nor lists their workspaces.
            user = null;
        }
        CurrentWorkspace current = CurrentWorkspace.of(request).orElse(null);
        if (current != null && user != null) {
            remember(request, current.workspace().slug());
        }
        return new Shell(user, current, workspaces);
    }

    /** Writes the session only when the workspace changes, since sessions are rows in Postgres. */
    private static void remember(HttpServletRequest request, String slug) {
        HttpSession session = request.getSession(false);
        if (session != null && !Objects.equals(session.getAttribute(LAST_WORKSPACE), slug)) {
            session.setAttribute(LAST_WORKSPACE, slug);
        }
    }
}
