package herald.publishing;

import herald.audit.AuditLog;
import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.ConnectionPauses;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Pauses publishing to an account, or to every account of a workspace, and resumes it (docs/pausing.md). A pause holds
 * the account's scheduled targets ({@link TargetStatus#HELD}) in one statement, under the account's row lock; posts
 * written for the account meanwhile are stored held ({@link TargetRows#insert}); targets being published finish
 * as they are. The dispatcher is untouched: a job that finds its target held ends. A resume schedules the held
 * targets again, at their time; those whose time passed meanwhile are published now or skipped (cancelled, with the
 * reason), as the person chose.
 */
@Component
public class Pausing {

    /** What a resume does with held targets whose time passed while their account was paused. */
    public enum Overdue {
        /** They are published now, as the dispatcher spreads due targets. */
        PUBLISH,
        /** They are cancelled, each saying why. */
        SKIP;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws InvalidInput unless it is {@code publish} or {@code skip} */
        public static Overdue of(@Nullable String value) {
            for (Overdue overdue : values()) {
                if (overdue.value().equals(value)) {
                    return overdue;
                }
            }
            throw new InvalidInput(
                    "overdue",
                    "Say what happens to the posts whose time passed while publishing was paused: overdue must be"
                            + " 'publish' (they go out now) or 'skip' (they are cancelled).");
        }
    }

    /** A pause: the accounts it paused, and how many of their targets it held. */
    public record Paused(List<Connection> connections, int held) {}

    /**
     * A resume: the accounts it resumed, how many held targets wait for their time again, and how many whose time had
     * passed were published now or skipped.
     */
    public record Resumed(List<Connection> connections, int scheduled, int publishedNow, int skipped) {}

    private final ConnectionPauses pauses;
    private final PauseRows rows;
    private final PostRows posts;
    private final PostReads reads;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final Dispatch dispatch;
    private final Clock clock;

    Pausing(
            ConnectionPauses pauses,
            PauseRows rows,
            PostRows posts,
            PostReads reads,
            TenantScope tenants,
            AuditLog audit,
            Dispatch dispatch,
            Clock clock) {
        this.pauses = pauses;
        this.rows = rows;
        this.posts = posts;
        this.reads = reads;
        this.tenants = tenants;
        this.audit = audit;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /**
     * Pauses publishing to the account.
     *
     * @throws herald.shared.NotFound when the workspace has no such connection
     * @throws Conflict when it is paused already
     */
    public Paused pause(WorkspaceId workspace, ConnectionId id) {
        Instant now = now();
        return tenants.call(workspace, () -> hold(workspace, List.of(pauses.pause(workspace, id, now)), now, false));
    }

    /** Pauses publishing to every account of the workspace. @throws Conflict when every one is paused already */
    public Paused pauseAll(WorkspaceId workspace) {
        Instant now = now();
        return tenants.call(workspace, () -> {
            List<Connection> paused = pauses.pauseAll(workspace, now);
            if (paused.isEmpty()) {
                throw new Conflict("paused", "Publishing is paused for every account of this workspace already.");
            }
            return hold(workspace, paused, now, true);
        });
    }

    /**
     * Resumes publishing to the account.
     *
     * @throws herald.shared.NotFound when the workspace has no such connection
     * @throws Conflict when it is not paused
     */
    public Resumed resume(WorkspaceId workspace, ConnectionId id, Overdue overdue) {
        Instant now = now();
        return release(workspace, List.of(id), () -> List.of(pauses.resume(workspace, id, now)), overdue, now, false);
    }

    /** Resumes publishing to every paused account of the workspace. @throws Conflict when none is paused */
    public Resumed resumeAll(WorkspaceId workspace, Overdue overdue) {
        Instant now = now();
        List<ConnectionId> paused = tenants.read(workspace, () -> pauses.pausedIn(workspace));
        return release(
                workspace,
                paused,
                () -> {
                    List<Connection> resumed = pauses.resumeAll(workspace, now);
                    if (resumed.isEmpty()) {
                        throw new Conflict("paused", "Publishing is not paused for any account of this workspace.");
                    }
                    return resumed;
                },
                overdue,
                now,
                true);
    }

    /** To the microsecond PostgreSQL keeps: a target due now reads back as due now, not a rounding later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Paused hold(WorkspaceId workspace, List<Connection> paused, Instant now, boolean all) {
        int total = 0;
        for (Connection connection : paused) {
            int held = rows.hold(workspace, List.of(connection.id()), now);
            total += held;
            record(workspace, "connection.paused", connection, all, Map.of("held", "" + held));
        }
        return new Paused(paused, total);
    }

    /**
     * In one transaction: locks the posts held on {@code expected} (the posts before the accounts, the order an edit
     * takes), resumes the accounts, skips or keeps the overdue targets and schedules the rest again; then, once
     * committed, dispatches them.
     */
    private Resumed release(
            WorkspaceId workspace,
            List<ConnectionId> expected,
            Supplier<List<Connection>> resume,
            Overdue overdue,
            Instant now,
            boolean all) {
        List<PauseRows.Released> released = new ArrayList<>();
        Resumed resumed = tenants.call(workspace, () -> {
            if (!expected.isEmpty()) {
                rows.lockPostsHeldOn(workspace, expected);
            }
            List<Connection> connections = resume.get();
            int scheduled = 0;
            int publishedNow = 0;
            int skipped = 0;
            for (Connection connection : connections) {
                List<ConnectionId> one = List.of(connection.id());
                List<PostId> skippedPosts = overdue == Overdue.SKIP ? rows.skipOverdue(workspace, one, now) : List.of();
                skippedPosts.forEach(post -> settle(workspace, post, now));
                List<PauseRows.Released> again = rows.release(workspace, one, now);
                long overdueNow =
                        again.stream().filter(r -> !r.due().isAfter(now)).count();
                // A post has one target per account: its posts skipped are its targets skipped.
                int skippedHere = skippedPosts.size();
                var details = new LinkedHashMap<String, String>();
                details.put("scheduled", "" + (again.size() - overdueNow));
                details.put("publishedNow", "" + overdueNow);
                details.put("skipped", "" + skippedHere);
                details.put("overdue", overdue.value());
                record(workspace, "connection.resumed", connection, all, details);
                released.addAll(again);
                scheduled += (int) (again.size() - overdueNow);
                publishedNow += (int) overdueNow;
                skipped += skippedHere;
            }
            return new Resumed(connections, scheduled, publishedNow, skipped);
        });
        released.forEach(target -> dispatch.schedule(workspace, target.id(), target.due()));
        return resumed;
    }

    /** A post whose targets are all finished now (the last held ones skipped) takes the status they settle on. */
    private void settle(WorkspaceId workspace, PostId post, Instant now) {
        PostStatus settled = Settlement.of(reads.targetStatuses(workspace, post));
        if (settled != PostStatus.PUBLISHING) {
            posts.setStatus(workspace, post, settled, now);
        }
    }

    private void record(
            WorkspaceId workspace, String action, Connection connection, boolean all, Map<String, String> counts) {
        var details = new LinkedHashMap<String, String>();
        details.put("account", "@" + connection.username());
        details.put("scope", all ? "workspace" : "account");
        details.putAll(counts);
        audit.record(workspace, action, "connection", connection.id().toString(), details);
    }
}
