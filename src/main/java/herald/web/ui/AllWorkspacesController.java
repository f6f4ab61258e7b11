package herald.web.ui;

import herald.connections.ConnectionDigests;
import herald.identity.SignedInUser;
import herald.publishing.PostDigests;
import herald.publishing.PostDigests.PostDigest;
import herald.tenancy.WorkspaceMembership;
import herald.tenancy.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "All workspaces": every workspace a person belongs to on one page, those that need someone first (posts that failed
 * this week, posts waiting for approval, accounts to reconnect), with what publishes next and what went out lately.
 * It is where an agency's people start the day; three reads, whatever the number of workspaces.
 */
@Controller
class AllWorkspacesController {

    /** Longer searches match no workspace name anyway. */
    private static final int QUERY_MAX = 100;

    private final Workspaces workspaces;
    private final PostDigests posts;
    private final ConnectionDigests connections;
    private final Clock clock;

    AllWorkspacesController(Workspaces workspaces, PostDigests posts, ConnectionDigests connections, Clock clock) {
        this.workspaces = workspaces;
        this.posts = posts;
        this.connections = connections;
        this.clock = clock;
    }

    @GetMapping("/workspaces")
    String all(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "false") boolean attention,
            Model model) {
        Instant now = clock.instant();
        var digests = posts.of(user.id());
        var reconnect = connections.needingReconnect(user.id());
        List<Row> rows = workspaces.of(user.id()).stream()
                .map(w -> Row.of(
                        w, digests.getOrDefault(w.id(), PostDigest.NONE), reconnect.getOrDefault(w.id(), 0), now))
                .sorted(Comparator.comparingInt(Row::attention).reversed()) // stable: by name within
                .toList();
        String query = q.strip().length() > QUERY_MAX ? q.strip().substring(0, QUERY_MAX) : q.strip();
        String needle = query.toLowerCase(Locale.ROOT);
        List<Row> shown = rows.stream()
                .filter(r -> needle.isEmpty()
                        || r.membership().name().toLowerCase(Locale.ROOT).contains(needle))
                .filter(r -> !attention || r.attention() > 0)
                .toList();
        model.addAttribute("section", "workspaces");
        model.addAttribute("rows", shown);
        model.addAttribute("total", rows.size());
        model.addAttribute(
                "needingAttention", rows.stream().filter(r -> r.attention() > 0).count());
        model.addAttribute("q", query);
        model.addAttribute("attention", attention);
        model.addAttribute("narrowed", !query.isEmpty() || attention);
        return "workspace/all";
    }

    /**
     * One workspace's line: its digest, the accounts to reconnect, and the next and latest post in words ("in 3 hours",
     * "2 days ago"), which read the same whatever each workspace's timezone.
     */
    record Row(
            WorkspaceMembership membership,
            PostDigest posts,
            int reconnect,
            @Nullable String nextDue,
            @Nullable String lastPublished) {

        static Row of(WorkspaceMembership membership, PostDigest posts, int reconnect, Instant now) {
            return new Row(
                    membership,
                    posts,
                    reconnect,
                    posts.nextDueAt() == null ? null : RelativeTime.until(now, posts.nextDueAt()),
                    posts.lastPublishedAt() == null ? null : RelativeTime.since(now, posts.lastPublishedAt()));
        }

        /** What asks for someone: failed posts, posts awaiting approval, accounts to reconnect. */
        public int attention() {
            return posts.failed() + posts.awaitingApproval() + reconnect;
        }
    }
}
