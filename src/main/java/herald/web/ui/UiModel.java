package herald.web.ui;

import herald.identity.SignedInUser;
import herald.tenancy.Workspaces;
import herald.web.CurrentWorkspace;
import herald.web.security.SecondStep;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the layout's {@link Shell} into every UI page. */
@ControllerAdvice(basePackageClasses = UiModel.class)
class UiModel {

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
        return new Shell(user, CurrentWorkspace.of(request).orElse(null), workspaces);
    }
}
