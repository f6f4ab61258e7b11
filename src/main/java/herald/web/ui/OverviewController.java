package herald.web.ui;

import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.tenancy.Memberships;
import herald.tenancy.Plans;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A workspace's front page: its plan and usage, where to go next, and (for admins) what happened lately. */
@Controller
class OverviewController {

    private final Plans plans;
    private final Memberships memberships;
    private final AuditLog audit;

    OverviewController(Plans plans, Memberships memberships, AuditLog audit) {
        this.plans = plans;
        this.memberships = memberships;
        this.audit = audit;
    }

    @GetMapping("/w/{slug}")
    String overview(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.member(request);
        model.addAttribute("section", "overview");
        model.addAttribute("usage", Usage.of(plans.get(current.workspace().plan()), memberships.count(current.id())));
        model.addAttribute(
                "recent", current.roleAtLeast(Role.ADMIN) ? audit.find(current.id(), AuditQuery.latest(6)) : List.of());
        return "workspace/overview";
    }
}
