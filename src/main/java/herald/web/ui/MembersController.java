package herald.web.ui;

import herald.identity.SignedInUser;
import herald.shared.Conflict;
import herald.shared.UserId;
import herald.tenancy.Member;
import herald.tenancy.Memberships;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who belongs to a workspace. Admins and owners change roles and remove members, but only an owner may make or unmake
 * an owner; anyone may leave. The last owner is protected by {@link Memberships}, whose message is shown as is.
 */
@Controller
class MembersController {

    private final Memberships memberships;
    private final MembersPage page;

    MembersController(Memberships memberships, MembersPage page) {
        this.memberships = memberships;
        this.page = page;
    }

    @GetMapping("/w/{slug}/members")
    String members(HttpServletRequest request, Model model) {
        return page.render(Access.member(request), model, null, new FormErrors());
    }

    @PostMapping("/w/{slug}/members/{user}/role")
    String changeRole(
            @PathVariable UUID user, @RequestParam String role, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        Member member = member(current, new UserId(user));
        Role next = Role.of(role);
        if (member.role() == Role.OWNER || next == Role.OWNER) {
            Access.atLeast(request, Role.OWNER);
        }
        try {
            memberships.changeRole(current.id(), member.user(), next, current.role());
            flash.addFlashAttribute("notice", member.displayName() + " is now " + article(next) + ".");
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return redirect(current);
    }

    @PostMapping("/w/{slug}/members/{user}/remove")
    String remove(
            @PathVariable UUID user,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            RedirectAttributes flash) {
        if (me.id().value().equals(user)) {
            return leave(me, request, flash);
        }
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        Member member = member(current, new UserId(user));
        if (member.role() == Role.OWNER) {
            Access.atLeast(request, Role.OWNER);
        }
        try {
            memberships.remove(current.id(), member.user(), current.role());
            flash.addFlashAttribute("notice", member.displayName() + " was removed from the workspace.");
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return redirect(current);
    }

    @PostMapping("/w/{slug}/members/leave")
    String leave(@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.member(request);
        try {
            memberships.leave(current.id(), me.id());
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
            return redirect(current);
        }
        flash.addFlashAttribute("notice", "You left " + current.workspace().name() + ".");
        return "redirect:/";
    }

    private Member member(CurrentWorkspace current, UserId user) {
        List<Member> members = memberships.list(current.id());
        return members.stream()
                .filter(m -> m.user().equals(user))
                .findFirst()
                .orElseThrow(() -> new herald.shared.NotFound("This person is not a member of the workspace."));
    }

    private static String article(Role role) {
        return (role == Role.OWNER || role == Role.ADMIN || role == Role.EDITOR ? "an " : "a ") + role.value();
    }

    private static String redirect(CurrentWorkspace current) {
        return "redirect:/w/" + current.workspace().slug() + "/members";
    }
}
