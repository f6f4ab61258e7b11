package herald.publishing;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Drafts created together, all or none: what a generated month of posts (the content studio's calendar) needs. */
@Component
public class DraftBatch {

    private final PostRows rows;
    private final PostReads reads;
    private final Validation validation;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final Clock clock;

    DraftBatch(
            PostRows rows, PostReads reads, Validation validation, TenantScope tenants, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.reads = reads;
        this.validation = validation;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates several drafts at once, all or none: each is checked as {@link Posts#create(WorkspaceId, NewPost)} checks a
     * draft (its accounts and media exist, its time is valid and ahead), then all are stored and audited in one tenant
     * transaction (joining the caller's, when it has one for this workspace). Nothing is dispatched.
     *
     * @throws herald.shared.InvalidInput when one is not a draft, or for a time that is in the past or malformed
     * @throws PostRejected naming the first draft's missing account or media
     */
    public List<Post> create(WorkspaceId workspace, List<NewPost> drafts, Provenance provenance) {
        Instant now = clock.instant();
        record Checked(
                PostId id,
                NewPost post,
                @Nullable PublishTime time,
                List<PostRows.NewTargetRow> targets,
                List<String> tags) {}
        List<Checked> checked = new java.util.ArrayList<>();
        for (NewPost post : drafts) {
            if (!post.draft()) {
                throw new herald.shared.InvalidInput("draft", "Only drafts can be created together.");
            }
            PublishTime time =
                    post.scheduledAt() == null ? null : PublishTime.read(post.scheduledAt(), post.timezone(), now);
            var targets = validation.check(
                    workspace, post.body(), Posts.blankToNull(post.link()), post.media(), post.targets(), true);
            checked.add(new Checked(PostId.random(), post, time, targets, PostTags.read(post.tags())));
        }
        return tenants.call(workspace, () -> {
            for (Checked c : checked) {
                rows.insert(
                        workspace,
                        c.id(),
                        c.post().body(),
                        Posts.blankToNull(c.post().link()),
                        c.post().media(),
                        PostStatus.DRAFT,
                        c.time(),
                        now,
                        provenance,
                        c.tags());
                rows.insertTargets(workspace, c.id(), c.targets(), null, now);
                var details = new java.util.HashMap<>(Posts.details(
                        PostStatus.DRAFT,
                        c.targets().size(),
                        c.time() == null ? now : c.time().instant()));
                details.put("origin", provenance.origin().value());
                audit.record(workspace, "post.created", "post", c.id().toString(), details);
            }
            return checked.stream()
                    .map(c -> reads.find(workspace, c.id()).orElseThrow())
                    .toList();
        });
    }
}
