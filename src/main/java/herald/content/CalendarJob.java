package herald.content;

import herald.audit.Actor;
import herald.audit.AuditContext;
import herald.database.TenantScope;
import herald.publishing.DraftBatch;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.Provenance;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one calendar run on this node: plans it (once; the plan is kept), writes each caption not yet written (each is
 * kept as soon as it is, so a run taken over after its node died resumes instead of paying twice), then creates every
 * draft and marks the run succeeded in one transaction. A model or plan failure fails the run with its message; no
 * draft exists before the last step, and that step is all or nothing.
 */
@Component
class CalendarJob {

    private static final Logger log = LoggerFactory.getLogger(CalendarJob.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final CalendarRows rows;
    private final CalendarReads reads;
    private final CalendarItems items;
    private final Captions captions;
    private final CalendarDrafts drafts;
    private final DraftBatch batch;
    private final Workspaces workspaces;
    private final TenantScope tenants;
    private final CalendarSettings settings;
    private final Clock clock;
    private final Semaphore places;
    private final SecureRandom random = new SecureRandom();

    CalendarJob(
            CalendarRows rows,
            CalendarReads reads,
            CalendarItems items,
            Captions captions,
            CalendarDrafts drafts,
            DraftBatch batch,
            Workspaces workspaces,
            TenantScope tenants,
            CalendarSettings settings,
            Clock clock) {
        this.rows = rows;
        this.reads = reads;
        this.items = items;
        this.captions = captions;
        this.drafts = drafts;
        this.batch = batch;
        this.workspaces = workspaces;
        this.tenants = tenants;
        this.settings = settings;
        this.clock = clock;
        this.places = new Semaphore(Math.max(1, settings.concurrentPerNode()));
    }

    /** The run, unless this node has no free place for it: false then, and the job asks again a little later. */
    boolean run(WorkspaceId workspace, CalendarRunId id) {
        if (!places.tryAcquire()) {
            return false;
        }
        try {
            work(workspace, id);
            return true;
        } finally {
            places.release();
        }
    }

    private void work(WorkspaceId workspace, CalendarRunId id) {
        Integer attempt = tenants.call(workspace, () -> {
            var standing = rows.lock(workspace, id);
            if (standing.isEmpty() || standing.get().status().finished()) {
                return null;
            }
            return rows.start(workspace, id, clock.instant());
        });
        if (attempt == null) {
            return;
        }
        if (attempt > settings.maxAttempts()) {
            fail(
                    workspace,
                    id,
                    "The run was started " + settings.maxAttempts() + " times without finishing (the"
                            + " nodes running it stopped). Start it again.");
            return;
        }
        if (attempt > 1) {
            note(workspace, id, "warn", "Taken up again (attempt " + attempt + "): the node running it stopped.", null);
        }
        CalendarRun run =
                tenants.call(workspace, () -> reads.find(workspace, id)).orElseThrow();
        Provenance by = tenants.call(workspace, () -> reads.creator(workspace, id))
                .orElseThrow()
                .provenance();
        try (var ignored = AuditContext.bind(new AuditContext.Origin(actor(by), null, null))) {
            write(workspace, run, by, attempt);
        } catch (AiFailure | LimitReached | InvalidInput | NotFound | Conflict e) {
            fail(
                    workspace,
                    id,
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        } catch (Superseded e) {
            log.info("Calendar run {} was cancelled or taken over while this node wrote it; left as it is", id);
        }
    }

    private void write(WorkspaceId workspace, CalendarRun run, Provenance by, int attempt) {
        CalendarRunId id = run.id();
        Workspace place = workspaces.require(workspace);
        ZoneId zone = place.timezone();
        if (tenants.call(workspace, () -> reads.slots(workspace, id)).isEmpty()) {
            var plan = CalendarPlan.plan(
                    run.month(),
                    zone,
                    LocalDate.ofInstant(clock.instant(), zone),
                    run.posts(),
                    settings.postingHours(),
                    items.of(place),
                    random);
            tenants.run(workspace, () -> {
                rows.insertSlots(workspace, id, plan);
                rows.log(
                        workspace,
                        id,
                        "info",
                        "Planned " + plan.size() + " posts: " + drafts.summary(plan) + ".",
                        null,
                        clock.instant());
            });
        }
        List<CalendarReads.StoredSlot> slots = tenants.call(workspace, () -> reads.slots(workspace, id));
        String platform = drafts.platform(workspace, run.connections());
        for (CalendarReads.StoredSlot slot : slots) {
            if (slot.caption() != null) {
                continue;
            }
            if (cancelled(workspace, id)) {
                return;
            }
            CaptionResult result;
            try {
                result = captions.generate(workspace, drafts.request(run, slot, platform, zone));
            } catch (AiFailure | LimitReached e) {
                note(
                        workspace,
                        id,
                        "error",
                        "Post " + slot.position() + " of " + slots.size() + " (" + drafts.label(slot.postType()) + "): "
                                + e.getMessage(),
                        null);
                throw e;
            }
            String caption = result.captions().getFirst().text();
            tenants.run(workspace, () -> {
                rows.written(workspace, id, slot.position(), caption, result.mode(), result.usage(), clock.instant());
                rows.log(
                        workspace,
                        id,
                        "info",
                        "Post " + slot.position() + " of " + slots.size() + ": " + drafts.label(slot.postType())
                                + " for "
                                + WHEN.format(slot.local()) + " (" + result.mode()
                                + (result.fallbackReason() == null ? "" : "; templates: " + result.fallbackReason())
                                + ").",
                        null,
                        clock.instant());
            });
        }
        List<CalendarReads.StoredSlot> written = tenants.call(workspace, () -> reads.slots(workspace, id));
        List<NewPost> newPosts =
                written.stream().map(s -> drafts.draft(run, s, zone)).toList();
        tenants.run(workspace, () -> {
            // Under the run's row lock: a cancel meanwhile, or another node that took the run over, wins.
            var standing = rows.lock(workspace, id).orElseThrow();
            if (standing.status() != CalendarRun.Status.RUNNING || standing.attempts() != attempt) {
                throw new Superseded();
            }
            List<Post> created = batch.create(workspace, newPosts, by);
            Instant now = clock.instant();
            for (int i = 0; i < created.size(); i++) {
                Post post = created.get(i);
                rows.log(
                        workspace,
                        id,
                        "info",
                        "Draft " + (i + 1) + " of " + created.size() + " for "
                                + WHEN.format(written.get(i).local()) + ".",
                        post.id(),
                        now);
            }
            rows.finish(
                    workspace,
                    id,
                    CalendarRun.Status.SUCCEEDED,
                    null,
                    created.stream().map(Post::id).toList(),
                    now);
            rows.log(
                    workspace,
                    id,
                    "info",
                    "Done: " + created.size() + " drafts on the calendar for " + run.month() + ", waiting for review.",
                    null,
                    now);
        });
    }

    /** Thrown inside the last transaction to roll it back when the run is no longer this attempt's to finish. */
    private static final class Superseded extends RuntimeException {
        Superseded() {
            super("superseded", null, false, false);
        }
    }

    void fail(WorkspaceId workspace, CalendarRunId id, String message) {
        tenants.run(workspace, () -> {
            if (rows.finish(workspace, id, CalendarRun.Status.FAILED, message, List.of(), clock.instant())) {
                rows.log(
                        workspace, id, "error", "Failed: " + message + " No draft was created.", null, clock.instant());
            }
        });
        log.info("Calendar run {} of workspace {} failed: {}", id, workspace, message);
    }

    private boolean cancelled(WorkspaceId workspace, CalendarRunId id) {
        return tenants.call(workspace, () -> reads.find(workspace, id))
                .map(r -> r.status() != CalendarRun.Status.RUNNING)
                .orElse(true);
    }

    private void note(WorkspaceId workspace, CalendarRunId id, String level, String message, @Nullable PostId post) {
        tenants.run(workspace, () -> rows.log(workspace, id, level, message, post, clock.instant()));
    }

    private static Actor actor(Provenance by) {
        Actor.Type type;
        try {
            type = Actor.Type.valueOf(by.actorType().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            type = Actor.Type.SYSTEM;
        }
        return new Actor(type, by.actorId(), by.actorLabel());
    }
}
