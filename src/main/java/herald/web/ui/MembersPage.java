package herald.web.ui;

import herald.identity.TwoFactor;
import herald.tenancy.Invitations;
import herald.tenancy.Member;
import herald.tenancy.Memberships;
import herald.tenancy.Plans;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The members page's model, shared by the page itself and the invite form that renders it with a new link. */
@Component
class MembersPage {

    /** The roles an invitation can grant; owners are made from members. */
    static final List<Role> INVITABLE = List.of(Role.ADMIN, Role.EDITOR, Role.VIEWER);

    private final Memberships memberships;
    private final Invitations invitations;
    private final Plans plans;
    private final TwoFactor twoFactor;

    MembersPage(Memberships memberships, Invitations invitations, Plans plans, TwoFactor twoFactor) {
        this.memberships = memberships;
        this.invitations = invitations;
        this.plans = plans;
        this.twoFactor = twoFactor;
    }

    String render(CurrentWorkspace current, Model model, @Nullable String invitationLink, FormErrors inviteErrors) {
        var members = memberships.list(current.id());
        boolean admin = current.roleAtLeast(Role.ADMIN);
        model.addAttribute("section", "members");
        model.addAttribute("members", members);
        model.addAttribute("usage", Usage.of(plans.get(current.workspace().plan()), members.size()));
        model.addAttribute("invitations", admin ? invitations.pending(current.id()) : List.of());
        // Who signs in with two factors is for the people who manage the members.
        model.addAttribute(
                "twoFactorOn",
                admin ? twoFactor.on(members.stream().map(Member::user).toList()) : Set.of());
        model.addAttribute("invitableRoles", INVITABLE);
        model.addAttribute("assignableRoles", current.roleAtLeast(Role.OWNER) ? List.of(Role.values()) : INVITABLE);
        model.addAttribute("invitationLink", invitationLink);
        model.addAttribute("inviteErrors", inviteErrors.asMap());
        if (!model.containsAttribute("invite")) {
            model.addAttribute("invite", new InviteForm("", Role.EDITOR.value()));
        }
        return "workspace/members";
    }
}
