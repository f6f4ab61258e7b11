package herald.publishing;

import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a workspace's front page shows of its posts: what publishes next, what went wrong lately, and what went out
 * lately. Each list is short and read from one snapshot.
 */
@Component
public class PostOverview {

    /** How far back a failed post still asks for attention. */
    public static final Duration ATTENTION_WINDOW = Duration.ofDays(7);

    private static final Instant EVER = Instant.EPOCH;

    private final TenantScope tenants;
    private final PostReads reads;
    private final Clock clock;

    PostOverview(TenantScope tenants, PostReads reads, Clock clock) {
        this.tenants = tenants;
        this.reads = reads;
        this.clock = clock;
    }

    /** Scheduled posts and those waiting for approval, the soonest due first. */
    public List<Post> upcoming(WorkspaceId workspace, int limit) {
        return tenants.read(
                workspace,
                () -> reads.inStatus(
                        workspace, List.of(PostStatus.SCHEDULED, PostStatus.PENDING_APPROVAL), EVER, true, limit));
    }

    /**
     * Posts with a time in [{@code from}, {@code to}), any status but cancelled (a draft with a time included), on
     * {@code account} when given, the soonest first: the posts of the queue, which hold the posting schedule's slots.
     */
    public List<Post> timed(
            WorkspaceId workspace, @Nullable ConnectionId account, Instant from, Instant to, int limit) {
        return tenants.read(workspace, () -> reads.timed(workspace, account, from, to, limit));
    }

    /**
     * Posts that failed on some or all of their accounts (an outcome Herald could not settle included) within the
     * last {@link #ATTENTION_WINDOW}, the latest first: retried, they leave the list.
     */
    public List<Post> needingAttention(WorkspaceId workspace, int limit) {
        Instant since = clock.instant().minus(ATTENTION_WINDOW);
        return tenants.read(
                workspace,
                () -> reads.inStatus(
                        workspace, List.of(PostStatus.FAILED, PostStatus.PARTIALLY_FAILED), since, false, limit));
    }

    /** Published posts, the latest first. */
    public List<Post> recentlyPublished(WorkspaceId workspace, int limit) {
        return tenants.read(
                workspace, () -> reads.inStatus(workspace, List.of(PostStatus.PUBLISHED), EVER, false, limit));
    }
}
