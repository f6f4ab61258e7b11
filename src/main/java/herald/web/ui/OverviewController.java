package herald.web.ui;

import herald.analytics.Analytics;
import herald.audit.AuditEvent;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.connections.Connection;
import herald.connections.ConnectionStatus;
import herald.connections.Connections;
import herald.identity.SignedInUser;
import herald.publishing.PostApprovals;
import herald.publishing.PostOverview;
import herald.tenancy.Memberships;
import herald.tenancy.Plans;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A workspace's front page: what needs someone (posts that failed in the last week, accounts to reconnect, posts
 * waiting for approval), what publishes next and what went out lately, its plan and usage, where to go next, and (for
 * admins) what happened lately.
 */
@Controller
class OverviewController {

    /** Posts per list. */
    static final int SHOWN = 5;

    private final Plans plans;
    private final Memberships memberships;
    private final AuditLog audit;
    private final PostOverview posts;
    private final Connections connections;
    private final Analytics analytics;
    private final PostApprovals decisions;

    OverviewController(
            Plans plans,
            Memberships memberships,
            AuditLog audit,
            PostOverview posts,
            Connections connections,
            Analytics analytics,
            PostApprovals decisions) {
        this.decisions = decisions;
        this.plans = plans;
        this.memberships = memberships;
        this.audit = audit;
        this.posts = posts;
        this.connections = connections;
        this.analytics = analytics;
    }

    @GetMapping("/w/{slug}")
    String overview(@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.member(request);
        model.addAttribute("section", "overview");
        model.addAttribute("usage", Usage.of(plans.get(current.workspace().plan()), memberships.count(current.id())));
        var recent = current.roleAtLeast(Role.ADMIN)
                ? audit.find(current.id(), AuditQuery.latest(6), AuditPhrases.ROUTINE)
                : List.<AuditEvent>of();
        model.addAttribute("recent", recent);
        model.addAttribute("phrases", AuditPhrases.of(recent));
        model.addAttribute("failed", posts.needingAttention(current.id(), SHOWN));
        model.addAttribute("upcoming", posts.upcoming(current.id(), SHOWN));
        var published = posts.recentlyPublished(current.id(), SHOWN);
        model.addAttribute("published", published);
        model.addAttribute(
                "figures",
                analytics.summaries(
                        current.id(),
                        published.stream().map(herald.publishing.Post::id).toList()));
        model.addAttribute("reconnect", toReconnect(current));
        // Their own drafts a decider sent back: theirs to change and submit again.
        model.addAttribute("sentBack", decisions.sentBackTo(current.id(), me.id(), SHOWN));
        return "workspace/overview";
    }

    /** Accounts the platform refused to refresh, then those whose token runs out soon with no way to refresh it. */
    private List<Connection> toReconnect(CurrentWorkspace current) {
        var refused =
                connections.list(current.id()).stream().filter(c -> c.status() == ConnectionStatus.NEEDS_RECONNECT);
        return java.util.stream.Stream.concat(refused, connections.reconnectSoon(current.id()).stream())
                .toList();
    }
}
