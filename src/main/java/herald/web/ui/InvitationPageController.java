package herald.web.ui;

import herald.identity.SignedInUser;
import herald.shared.Conflict;
import herald.shared.LimitReached;
import herald.shared.WorkspaceId;
import herald.tenancy.InvitationPreview;
import herald.tenancy.InvitationUnusable;
import herald.tenancy.Invitations;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Where an invitation link leads: what it offers, or why it cannot be used. A signed-in person accepts it with one
 * click; anyone else signs in or creates an account and comes back here.
 */
@Controller
class InvitationPageController {

    private final Invitations invitations;
    private final Workspaces workspaces;
    private final Clock clock;

    InvitationPageController(Invitations invitations, Workspaces workspaces, Clock clock) {
        this.invitations = invitations;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    @GetMapping("/invitations/{token}")
    String show(
            @PathVariable String token,
            @AuthenticationPrincipal @Nullable SignedInUser user,
            HttpServletResponse response,
            Model model) {
        UiErrors.noStore(response);
        model.addAttribute("here", "/invitations/" + token);
        try {
            InvitationPreview preview = invitations.preview(token);
            model.addAttribute("invitation", preview);
            model.addAttribute("time", WorkspaceTime.utc());
            model.addAttribute("expiresIn", RelativeTime.until(clock.instant(), preview.expiresAt()));
            model.addAttribute(
                    "otherEmail",
                    user != null
                            && preview.invitedEmail() != null
                            && !preview.invitedEmail().equals(user.email()));
        } catch (InvitationUnusable e) {
            response.setStatus(status(e.reason()).value());
            model.addAttribute("problem", e.getMessage());
        }
        return "account/invitation";
    }

    @PostMapping("/invitations/{token}/accept")
    String accept(
            @PathVariable String token,
            @AuthenticationPrincipal @Nullable SignedInUser user,
            HttpServletResponse response,
            Model model) {
        if (user == null) {
            return "redirect:/sign-in?continue=" + URLEncoder.encode("/invitations/" + token, StandardCharsets.UTF_8);
        }
        try {
            WorkspaceId joined = invitations.accept(token, user.id());
            return "redirect:/w/" + workspaces.find(joined).map(Workspace::slug).orElse("");
        } catch (InvitationUnusable e) {
            response.setStatus(status(e.reason()).value());
            model.addAttribute("problem", e.getMessage());
        } catch (Conflict | LimitReached e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", e.getMessage());
        }
        UiErrors.noStore(response);
        model.addAttribute("here", "/invitations/" + token);
        return "account/invitation";
    }

    private static HttpStatus status(InvitationUnusable.Reason reason) {
        return switch (reason) {
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            case EXPIRED, USED, REVOKED -> HttpStatus.GONE;
            case OTHER_EMAIL -> HttpStatus.CONFLICT;
        };
    }
}
