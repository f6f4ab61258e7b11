package herald.reviews;

import herald.audit.AuditContext;
import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import herald.tenancy.ApprovalRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a review link may be: a name, a range of at most {@link ReviewLinks#MAX_RANGE}, accounts of the workspace, a
 * short tag and a life of 1 to {@link ReviewLinks#MAX_DAYS} days. Each refusal names the field to fix.
 */
@Component
class ReviewLinkRules {

    /** A draft that passed: cleaned, its accounts without repeats, its days filled in. */
    record Checked(
            String label,
            Instant from,
            Instant to,
            List<ConnectionId> accounts,
            @Nullable String tag,
            boolean mayApprove,
            int days) {}

    private final Connections connections;
    private final ApprovalRule approvals;

    ReviewLinkRules(Connections connections, ApprovalRule approvals) {
        this.connections = connections;
        this.approvals = approvals;
    }

    /**
     * @throws InvalidInput naming the field ({@code label}, {@code from}, {@code to}, {@code accounts}, {@code tag},
     *     {@code expiresInDays}, {@code mayApprove}) that is wrong
     */
    Checked check(WorkspaceId workspace, ReviewLinkDraft draft) {
        if (draft.mayApprove() && !approvals.mayDecide(workspace, AuditContext.actor())) {
            // A link is a decision handed to a client: with the approval workflow on, only those who decide hand it.
            throw new InvalidInput(
                    "mayApprove",
                    "This workspace has posts approved by its owners and admins: only they share links that let a"
                            + " client approve. Untick “May approve” to share one for comments.");
        }
        String label = label(draft.label());
        Instant from = required(draft.from(), "from", "Choose the first day of the posts to show.");
        Instant to = required(draft.to(), "to", "Choose the last day of the posts to show.");
        if (!to.isAfter(from)) {
            throw new InvalidInput("to", "The range ends before it starts: choose a last day after the first.");
        }
        if (Duration.between(from, to).compareTo(ReviewLinks.MAX_RANGE) > 0) {
            throw new InvalidInput("to", "A review link shows at most a year of posts; choose a shorter range.");
        }
        return new Checked(
                label,
                from,
                to,
                accounts(workspace, draft.accounts()),
                tag(draft.tag()),
                draft.mayApprove(),
                days(draft.expiresInDays()));
    }

    private static String label(@Nullable String label) {
        String clean = label == null ? "" : label.strip();
        if (clean.isEmpty() || clean.length() > ReviewLinks.MAX_LABEL) {
            throw new InvalidInput(
                    "label",
                    "Name the link in 1 to " + ReviewLinks.MAX_LABEL + " characters, e.g. \"Acme marketing team\".");
        }
        return clean;
    }

    private static Instant required(@Nullable Instant value, String field, String message) {
        if (value == null) {
            throw new InvalidInput(field, message);
        }
        return value;
    }

    private List<ConnectionId> accounts(WorkspaceId workspace, List<ConnectionId> wanted) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        Set<ConnectionId> known =
                connections.list(workspace).stream().map(Connection::id).collect(Collectors.toSet());
        List<ConnectionId> accounts = new ArrayList<>();
        for (ConnectionId account : wanted) {
            if (!known.contains(account)) {
                throw new InvalidInput("accounts", "This workspace has no account " + account + ".");
            }
            if (!accounts.contains(account)) {
                accounts.add(account);
            }
        }
        return accounts;
    }

    private static @Nullable String tag(@Nullable String tag) {
        String clean = tag == null ? "" : tag.strip();
        if (clean.isEmpty()) {
            return null;
        }
        if (clean.length() > 50) {
            throw new InvalidInput("tag", "A tag has at most 50 characters.");
        }
        return clean;
    }

    private static int days(@Nullable Integer days) {
        if (days == null) {
            return ReviewLinks.DEFAULT_DAYS;
        }
        if (days < 1 || days > ReviewLinks.MAX_DAYS) {
            throw new InvalidInput(
                    "expiresInDays",
                    "A review link works for 1 to " + ReviewLinks.MAX_DAYS + " days; " + days + " is not.");
        }
        return days;
    }
}
