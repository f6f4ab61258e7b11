package herald.publishing;

import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Drafts created together, all or none: what a generated month of posts (the content studio's calendar) needs. The
 * unscheduled sibling of {@link ScheduledBatch}: each draft goes through the same {@link PostCreation} steps as
 * {@link Posts#create} takes for one.
 */
@Component
public class DraftBatch {

    private final PostCreation creation;
    private final PostReads reads;
    private final TenantScope tenants;
    private final Clock clock;

    DraftBatch(PostCreation creation, PostReads reads, TenantScope tenants, Clock clock) {
        this.creation = creation;
        this.reads = reads;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Creates several drafts at once, all or none: each is checked as {@link Posts#create(WorkspaceId, NewPost)} checks a
     * draft (its accounts and media exist, its time is valid and ahead, its tags), before any transaction; then all are
     * stored and audited in one tenant transaction (joining the caller's, when it has one for this workspace). Nothing is
     * dispatched and no event is published: a draft is neither.
     *
     * @throws InvalidInput when one is not a draft, or for a time that is in the past or malformed
     * @throws PostRejected naming the first draft's missing account or media
     */
    public List<Post> create(WorkspaceId workspace, List<NewPost> drafts, Provenance provenance) {
        Instant now = clock.instant();
        List<PostCreation.Checked> checked = drafts.stream()
                .map(post -> {
                    if (!post.draft()) {
                        throw new InvalidInput("draft", "Only drafts can be created together.");
                    }
                    return creation.check(workspace, post, now, false);
                })
                .toList();
        return tenants.call(workspace, () -> {
            for (PostCreation.Checked draft : checked) {
                creation.audit(workspace, creation.store(workspace, draft, now, provenance), provenance);
            }
            return checked.stream()
                    .map(c -> reads.find(workspace, c.id()).orElseThrow())
                    .toList();
        });
    }
}
