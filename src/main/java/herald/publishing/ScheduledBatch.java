package herald.publishing;

import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Posts created together, all or none: what a spreadsheet of scheduled posts needs ({@link PostImport}). The
 * scheduled sibling of {@link DraftBatch}: each post is checked and stored exactly as {@link Posts#create} does one,
 * and every post's problems are collected, not just the first.
 */
@Component
public class ScheduledBatch {

    /** One thing wrong with one post of a batch; {@code field} is a field of {@link NewPost} as the API names it. */
    public record Problem(String field, String message) {}

    /**
     * What one post of a batch became (or, in a {@link #rehearse rehearsal}, would become).
     *
     * @param index its position in the batch, from 0
     * @param due when it is due: its time or queue slot; null for a draft without a time, or when it has problems
     * @param accounts its targets as shown ({@code Sandbox @krusty}); empty when its checks failed
     */
    public record Outcome(
            int index,
            @Nullable PostId id,
            @Nullable PostStatus status,
            @Nullable Instant due,
            List<String> accounts,
            List<Problem> problems) {

        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    private final PostCreation creation;
    private final PostReads reads;
    private final TenantScope tenants;
    private final Clock clock;

    ScheduledBatch(PostCreation creation, PostReads reads, TenantScope tenants, Clock clock) {
        this.creation = creation;
        this.reads = reads;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Creates every post or none. All are checked first (time, accounts, media, every target's rules); then all are
     * stored and audited in one tenant transaction, where queued posts take consecutive free slots and each counts
     * against the plan's posts per day of its day. Their jobs and events follow only after that transaction committed.
     *
     * @throws BatchRejected listing each post that cannot be created and why; nothing was stored
     */
    public List<Post> create(WorkspaceId workspace, List<NewPost> posts, Provenance provenance) {
        Instant now = clock.instant();
        List<Attempt> attempts = check(workspace, posts, now, provenance);
        List<PostCreation.Stored> stored = tenants.call(workspace, () -> {
            var all = store(workspace, attempts, now, provenance);
            all.forEach(s -> creation.audit(workspace, s, provenance));
            return all;
        });
        stored.forEach(s -> creation.release(workspace, s, provenance));
        return tenants.read(workspace, () -> stored.stream()
                .map(s -> reads.find(workspace, s.id()).orElseThrow())
                .toList());
    }

    /**
     * What {@link #create} would do with these posts, without doing it: each post's outcome (its status, due time and
     * accounts, or its problems), from a transaction that is rolled back.
     */
    public List<Outcome> rehearse(WorkspaceId workspace, List<NewPost> posts, Provenance provenance) {
        Instant now = clock.instant();
        List<Attempt> attempts = check(workspace, posts, now, provenance);
        return tenants.rehearse(workspace, () -> {
            try {
                store(workspace, attempts, now, provenance);
            } catch (BatchRejected rejected) {
                return rejected.outcomes();
            }
            return outcomes(attempts);
        });
    }

    /** One post on its way: checked, then stored, or the problems that stopped it. */
    private static final class Attempt {
        final int index;
        PostCreation.@Nullable Checked checked;
        PostCreation.@Nullable Stored stored;
        final List<Problem> problems = new ArrayList<>();

        Attempt(int index) {
            this.index = index;
        }
    }

    private List<Attempt> check(WorkspaceId workspace, List<NewPost> posts, Instant now, Provenance provenance) {
        // Posts an editor imports wait for approval as the ones they compose do.
        boolean held = creation.needsApproval(workspace, provenance);
        List<Attempt> attempts = new ArrayList<>();
        for (NewPost post : posts) {
            Attempt attempt = new Attempt(attempts.size());
            attempts.add(attempt);
            collect(attempt, () -> attempt.checked = creation.check(workspace, post, now, held && !post.draft()));
        }
        return attempts;
    }

    /** Inside the tenant transaction: stores every checked post, or throws (rolling all back) when one has problems. */
    private List<PostCreation.Stored> store(
            WorkspaceId workspace, List<Attempt> attempts, Instant now, Provenance provenance) {
        for (Attempt attempt : attempts) {
            PostCreation.Checked checked = attempt.checked;
            if (checked != null) {
                collect(attempt, () -> attempt.stored = creation.store(workspace, checked, now, provenance));
            }
        }
        if (attempts.stream().anyMatch(a -> !a.problems.isEmpty())) {
            throw new BatchRejected(outcomes(attempts));
        }
        return attempts.stream().map(a -> a.stored).toList();
    }

    private static void collect(Attempt attempt, Runnable step) {
        try {
            step.run();
        } catch (PostRejected e) {
            e.violations().forEach(v -> attempt.problems.add(new Problem(v.field(), v.message())));
        } catch (LimitReached e) {
            attempt.problems.add(new Problem("scheduledAt", e.getMessage()));
        } catch (InvalidInput e) {
            attempt.problems.add(new Problem(e.field(), e.getMessage()));
        }
    }

    private static List<Outcome> outcomes(List<Attempt> attempts) {
        return attempts.stream().map(ScheduledBatch::outcome).toList();
    }

    private static Outcome outcome(Attempt attempt) {
        PostCreation.Checked checked = attempt.checked;
        PostCreation.Stored stored = attempt.stored;
        if (checked == null || !attempt.problems.isEmpty()) {
            return new Outcome(attempt.index, null, null, null, List.of(), List.copyOf(attempt.problems));
        }
        Instant due =
                stored == null || stored.time() == null ? null : stored.time().instant();
        List<String> accounts =
                checked.targets().stream().map(TargetRows.NewTargetRow::account).toList();
        return new Outcome(attempt.index, checked.id(), checked.status(), due, accounts, List.of());
    }
}
