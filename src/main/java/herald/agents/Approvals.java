package herald.agents;

import herald.publishing.Post;
import herald.publishing.PostApprovals;
import herald.publishing.PostChanges;
import herald.publishing.PostId;
import herald.publishing.PostNotes;
import herald.publishing.PostQuery;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.shared.InvalidInput;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The approval queue: posts waiting for a member's decision (an agent's grant required it, or the workspace's approval
 * workflow held an editor's post, see {@link herald.tenancy.ApprovalRule}). Approving validates and schedules the post,
 * possibly with the member's edits; rejecting takes a note and sends a person's post back to their drafts, or cancels
 * an agent's or a program's ({@link PostApprovals}).
 */
@Component
public class Approvals {

    public static final int MAX_NOTE = 2000;

    private final Posts posts;
    private final PostApprovals decisions;
    private final PostNotes notes;
    private final AgentPostLog log;
    private final Clock clock;

    Approvals(Posts posts, PostApprovals decisions, PostNotes notes, AgentPostLog log, Clock clock) {
        this.posts = posts;
        this.decisions = decisions;
        this.notes = notes;
        this.log = log;
        this.clock = clock;
    }

    /** A post waiting for approval, with the agent that wrote it (null when a member's). */
    public record Pending(Post post, @Nullable String agent) {}

    /** The oldest-due first, at most {@code limit}. */
    public List<Pending> pending(WorkspaceId workspace, int limit) {
        List<Post> waiting =
                posts.list(workspace, new PostQuery(PostStatus.PENDING_APPROVAL, null, null, null, null, null, limit));
        Map<PostId, String> agents =
                log.agentNames(workspace, waiting.stream().map(Post::id).toList());
        return waiting.reversed().stream()
                .map(p -> new Pending(p, agents.get(p.id())))
                .toList();
    }

    /** Posts people wrote that were rejected and wait, as drafts, for their authors' changes; the latest first. */
    public List<PostApprovals.Returned> sentBack(WorkspaceId workspace, int limit) {
        return decisions.sentBack(workspace, limit);
    }

    public int count(WorkspaceId workspace) {
        return decisions.countAwaiting(workspace);
    }

    /** @throws herald.shared.Conflict unless it is waiting; @throws herald.publishing.PostRejected for bad edits */
    public Post approve(WorkspaceId workspace, PostId id, @Nullable UserId by, @Nullable PostChanges changes) {
        Post approved = decisions.approve(workspace, id, changes);
        log.decide(workspace, id, true, by, null, clock.instant());
        return approved;
    }

    /** @throws InvalidInput without a note; @throws herald.shared.Conflict unless it is waiting */
    public Post reject(WorkspaceId workspace, PostId id, @Nullable UserId by, @Nullable String note) {
        String clean = note == null ? "" : note.strip();
        if (clean.isEmpty() || clean.length() > MAX_NOTE) {
            throw new InvalidInput(
                    "note", "Say why in a note of 1 to " + MAX_NOTE + " characters; whoever wrote the post reads it.");
        }
        Post rejected = decisions.reject(workspace, id, clean);
        log.decide(workspace, id, false, by, clean, clock.instant());
        // Kept with the post too, where the team reads what was said about it.
        String said = "Rejected: " + clean;
        notes.add(workspace, id, said.length() > PostNotes.MAX_LENGTH ? said.substring(0, PostNotes.MAX_LENGTH) : said);
        return rejected;
    }
}
