package herald.web.ui;

import herald.identity.SignedInUser;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.tenancy.Invitations;
import herald.tenancy.IssuedInvitation;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import herald.web.api.InvitationLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins invite people by link and withdraw open invitations. The link carries the only copy of the token, so it is
 * rendered once, in the response to the invite itself, and never stored in the session.
 */
@Controller
class InvitationsController {

    private final Invitations invitations;
    private final MembersPage page;
    private final InvitationLinks links;

    InvitationsController(Invitations invitations, MembersPage page, InvitationLinks links) {
        this.invitations = invitations;
        this.page = page;
        this.links = links;
    }

    @PostMapping("/w/{slug}/invitations")
    String invite(
            @ModelAttribute("invite") InviteForm form,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        var errors = new FormErrors();
        try {
            Role role = Role.of(form.role());
            IssuedInvitation issued =
                    invitations.invite(current.id(), form.email().isEmpty() ? null : form.email(), role, me.id());
            UiErrors.noStore(response);
            model.addAttribute("invite", new InviteForm("", form.role()));
            model.addAttribute("invitedEmail", issued.invitation().email());
            return page.render(current, model, links.of(issued), errors);
        } catch (InvalidInput e) {
            errors.add(e.field(), e.getMessage());
        } catch (LimitReached e) {
            errors.conflict(FormErrors.FORM, e.getMessage());
        }
        response.setStatus(errors.status());
        return page.render(current, model, null, errors);
    }

    @PostMapping("/w/{slug}/invitations/{id}/revoke")
    String revoke(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        invitations.revoke(current.id(), id);
        flash.addFlashAttribute("notice", "The invitation was withdrawn; its link no longer works.");
        return "redirect:/w/" + current.workspace().slug() + "/members";
    }
}
