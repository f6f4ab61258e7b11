package herald.publishing;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.NotPermitted;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes the next occurrence of a series whose latest post's time has come ({@link PostRepeats#makeNext}), exactly once
 * however many nodes try: the series' row is locked and marked in the transaction that stores it. A series past its
 * last day ends; one whose next occurrence cannot be made (a {@link RepeatPolicy} refuses it, an account is gone, the
 * plan's posts per day are used up) ends with the reason, and the workspace hears of it.
 */
@Component
class NextOccurrences {

    private static final Logger log = LoggerFactory.getLogger(NextOccurrences.class);

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final PostReads reads;
    private final PostCreation creation;
    private final RepeatRows rows;
    private final List<RepeatPolicy> policies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NextOccurrences(
            JdbcClient jdbc,
            TenantScope tenants,
            PostReads reads,
            PostCreation creation,
            RepeatRows rows,
            List<RepeatPolicy> policies,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.reads = reads;
        this.creation = creation;
        this.rows = rows;
        this.policies = List.copyOf(policies);
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    Optional<PostId> make(WorkspaceId workspace, PostId post, Optional<PostRepeats.Series> series) {
        Instant now = clock.instant();
        Optional<Post> found = tenants.read(workspace, () -> reads.find(workspace, post));
        if (found.isEmpty() || series.isEmpty() || !series.get().open()) {
            return Optional.empty();
        }
        PostRepeats.Series s = series.get();
        Post current = found.get();
        Instant due = current.scheduledAt() == null ? current.createdAt() : current.scheduledAt();
        if (due.isAfter(now)
                || current.status() == PostStatus.DRAFT
                || current.status() == PostStatus.PENDING_APPROVAL) {
            return Optional.empty(); // its own time has not come, or it is not going out yet
        }
        Repeat.Next following = s.repeat().next(s.start(), s.occurrence(), s.zone(), now, s.skipped());
        if (following == null) {
            tenants.run(
                    workspace,
                    () -> rows.end(
                            workspace, post, "Its last day, " + s.repeat().until() + ", has passed."));
            audit.record(workspace, "post.repeat_ended", "post", post.toString(), Map.of("reason", "until"));
            return Optional.empty();
        }
        ZonedDateTime next = following.at();
        NewPost copy = new NewPost(
                current.body(),
                current.link(),
                current.media(),
                current.targets().stream().map(NewPost.NewTarget::of).toList(),
                next.toOffsetDateTime().toString(),
                s.zone().getId(),
                false,
                current.tags(),
                current.tagLinks(),
                current.firstComment(),
                null,
                current.shortLinks(),
                current.thread(),
                current.threadMedia(),
                current.language());
        RepeatPolicy.Occurrence admitted = null;
        PostCreation.Stored stored = null;
        try {
            admitted = admit(workspace, current, now);
            Provenance by = admitted == null
                    ? new Provenance(Provenance.Origin.SYSTEM, "system", post.toString(), "a repeating post")
                    : admitted.by();
            var checked = creation.check(workspace, copy, now, admitted != null && admitted.awaitingApproval());
            stored = tenants.call(workspace, () -> {
                var open = jdbc.sql(
                                """
                                select 1 from post_repeats
                                 where workspace_id = :w and post_id = :p and next_post_id is null and ended is null
                                   for update""")
                        .param("w", workspace.value())
                        .param("p", post.value())
                        .query(Integer.class)
                        .optional();
                if (open.isEmpty()) {
                    return null; // another node made it meanwhile
                }
                var made = creation.store(workspace, checked, now, by);
                creation.audit(workspace, made, by);
                rows.insert(workspace, made.id(), s.repeat(), s.start(), s.zone(), (int) following.occurrence());
                rows.carrySkipped(workspace, made.id(), s.skipped(), next.toLocalDate());
                jdbc.sql("update post_repeats set next_post_id = :next where workspace_id = :w and post_id = :p")
                        .param("next", made.id().value())
                        .param("w", workspace.value())
                        .param("p", post.value())
                        .update();
                return made;
            });
            if (stored == null) {
                return Optional.empty();
            }
            creation.release(workspace, stored, by);
            return Optional.of(stored.id());
        } catch (InvalidInput | LimitReached | Conflict | NotFound | NotPermitted e) {
            end(
                    workspace,
                    post,
                    "The next post, due " + next.toLocalDateTime() + ", could not be made: " + e.getMessage(),
                    e.getMessage());
            return Optional.empty();
        } finally {
            if (admitted != null) {
                if (stored != null) {
                    admitted.made(stored.id());
                } else {
                    admitted.notMade();
                }
            }
        }
    }

    /** What the policies say of the next post: the first that has a say in it, or null (Herald's own work). */
    private RepeatPolicy.@Nullable Occurrence admit(WorkspaceId workspace, Post latest, Instant now) {
        for (RepeatPolicy policy : policies) {
            RepeatPolicy.Occurrence occurrence = policy.admit(workspace, latest, now);
            if (occurrence != null) {
                return occurrence;
            }
        }
        return null;
    }

    private void end(WorkspaceId workspace, PostId post, String reason, String why) {
        tenants.run(workspace, () -> rows.end(workspace, post, reason));
        audit.record(workspace, "post.repeat_ended", "post", post.toString(), Map.of("reason", why));
        log.info("The series of post {} in workspace {} ended: {}", post, workspace, why);
        events.publishEvent(new PostRepeatStopped(workspace, post, reason));
    }
}
