package herald.inbox;

import herald.audit.AuditContext;
import herald.connections.ConnectionId;
import herald.database.Keyset;
import herald.database.TenantScope;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A workspace's inbox: the comments people wrote under its published posts, newest first; each answered as the
 * account it was written to (the answer is audited), or marked done, or opened again. The sweep fills it by itself
 * ({@link InboxJobs}); {@link #check} reads the workspace's recent posts now.
 */
@Component
public class Inbox {

    /** The longest answer Herald keeps, whatever the platform takes. */
    public static final int MAX_REPLY = 5_000;
    /** How many of the workspace's most recent posts a check reads. */
    static final int CHECKED = 50;

    /** Which comments a listing shows: the open ones (the default), the done ones, or all. */
    public enum Status {
        OPEN,
        DONE,
        ALL;

        /** {@code open}, {@code done} or {@code all}; blank is open. @throws InvalidInput on {@code field} */
        public static Status read(@Nullable String value, String field) {
            if (value == null || value.isBlank()) {
                return OPEN;
            }
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "open" -> OPEN;
                case "done" -> DONE;
                case "all" -> ALL;
                default -> throw new InvalidInput(field, "Choose open, done or all.");
            };
        }
    }

    /**
     * A page's worth of the listing: {@code after} the last comment of the previous page (null for the first), of
     * one account when {@code account} is given.
     */
    public record Query(Status status, @Nullable ConnectionId account, Keyset.@Nullable After after, int limit) {}

    /** What a check read: the posts, the comments new to the inbox, and the readings that failed. */
    public record Check(int read, int found, int failed) {}

    private final InboxRows rows;
    private final InboxCollector collector;
    private final TenantScope tenants;
    private final InboxAnswers answers;
    private final Providers providers;
    private final InboxSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<WorkspaceId, Instant> lastChecks = new ConcurrentHashMap<>();

    Inbox(
            InboxRows rows,
            InboxCollector collector,
            TenantScope tenants,
            InboxAnswers answers,
            Providers providers,
            InboxSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.collector = collector;
        this.tenants = tenants;
        this.answers = answers;
        this.providers = providers;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** A page of the workspace's comments, newest first. */
    public List<InboxComment> list(WorkspaceId workspace, Query query) {
        return tenants.read(
                workspace,
                () -> rows.list(
                        workspace, query.status(), query.account(), query.after(), Math.clamp(query.limit(), 1, 201)));
    }

    /** How many comments wait for an answer or a "done". */
    public long openCount(WorkspaceId workspace) {
        return tenants.read(workspace, () -> rows.openCount(workspace));
    }

    /** @throws NotFound when the workspace has no such comment (another workspace's id included) */
    public InboxComment require(WorkspaceId workspace, InboxCommentId id) {
        return tenants.read(workspace, () -> rows.find(workspace, id)).orElseThrow(Inbox::notFound);
    }

    /**
     * Marks a comment done (nothing to answer), or open again. Once the last open comment under its post is done,
     * {@link InboxPostSettled} says so. @throws NotFound
     */
    public InboxComment setDone(WorkspaceId workspace, InboxCommentId id, boolean done) {
        String by = AuditContext.actor().label();
        return tenants.call(workspace, () -> {
            if (!rows.done(workspace, id, done ? clock.instant() : null, by)) {
                throw notFound();
            }
            InboxComment comment = rows.find(workspace, id).orElseThrow(Inbox::notFound);
            settled(rows, events, workspace, comment);
            return comment;
        });
    }

    /** Inside the transaction that closed a comment: the post's notifications are read once its last one closed. */
    static void settled(InboxRows rows, ApplicationEventPublisher events, WorkspaceId workspace, InboxComment comment) {
        if (!comment.open() && rows.openCount(workspace, comment.post()) == 0) {
            events.publishEvent(new InboxPostSettled(workspace, comment.post()));
        }
    }

    /** Which platforms' comments the inbox reads, by display name, for the page's hint. */
    public List<String> readPlatforms() {
        return providers.all().stream()
                .filter(SocialProvider::readsComments)
                .map(SocialProvider::displayName)
                .toList();
    }

    /**
     * Answers a comment as the account it was written to, under the same post ({@link InboxAnswers}): the answer is
     * stored, the comment done and the answer audited once the platform took it; nothing is stored when it did not.
     *
     * @throws NotFound when the workspace has no such comment
     * @throws InvalidInput on {@code text} when it is empty, longer than the platform takes, or breaks its rules
     * @throws Conflict on {@code text} when the comment was answered already or an answer is being sent, or the
     *     account needs a reconnect, or an answer sent earlier without the platform's answer was found there
     * @throws ReplyRefused when the platform did not take it
     */
    public InboxComment reply(WorkspaceId workspace, InboxCommentId id, @Nullable String text) {
        return answers.reply(workspace, require(workspace, id), text);
    }

    /**
     * Reads the workspace's most recent posts now, whenever they are due; at most once a {@code
     * herald.inbox.check-every} per workspace on this node.
     *
     * @throws Conflict when the workspace was checked less than that ago
     */
    public Check check(WorkspaceId workspace) {
        Instant now = clock.instant();
        Instant last = lastChecks.get(workspace);
        if (last != null && last.plus(settings.checkEvery()).isAfter(now)) {
            throw new Conflict(
                    "",
                    "The inbox was checked moments ago; it checks by itself every few minutes. Try again in a"
                            + " minute.");
        }
        lastChecks.put(workspace, now);
        InboxCollector.Sweep sweep = collector.check(workspace, CHECKED);
        return new Check(sweep.read(), sweep.found(), sweep.failed());
    }

    static NotFound notFound() {
        return new NotFound("This workspace's inbox has no such comment.");
    }
}
