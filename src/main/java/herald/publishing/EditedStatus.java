package herald.publishing;

import herald.assets.AssetId;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The status an edit leaves a post in ({@link Posts#edit}, {@link Posts#approve}): a draft stays or becomes one, an
 * approval schedules, a post waiting for approval keeps waiting, and with the workspace's approval workflow a draft an
 * editor schedules, or a scheduled post whose words, media, accounts or repeat they change, waits again. Moving a post
 * in time never needs approval again.
 */
@Component
class EditedStatus {

    private final PostCreation creation;
    private final RepeatRows repeats;
    private final TenantScope tenants;

    EditedStatus(PostCreation creation, RepeatRows repeats, TenantScope tenants) {
        this.creation = creation;
        this.repeats = repeats;
        this.tenants = tenants;
    }

    /** What the post says, shows and where it goes once edited. */
    record Content(
            String body,
            @Nullable String link,
            List<AssetId> media,
            List<NewPost.NewTarget> targets,
            @Nullable String firstComment,
            @Nullable Boolean tagLinks,
            @Nullable Boolean shortenLinks,
            ThreadContent thread,
            @Nullable String language) {}

    PostStatus of(
            WorkspaceId workspace,
            Post current,
            PostChanges changes,
            boolean draft,
            boolean approving,
            Content edited) {
        if (draft) {
            return PostStatus.DRAFT;
        }
        if (approving) {
            return PostStatus.SCHEDULED;
        }
        if (current.status() == PostStatus.PENDING_APPROVAL) {
            // An edit keeps a post waiting for approval waiting (a draft it may become); only approve() schedules it.
            return PostStatus.PENDING_APPROVAL;
        }
        boolean changed = current.status() == PostStatus.DRAFT
                || !same(current, edited)
                || (changes.repeat() != null
                        && !changes.repeat()
                                .equals(tenants.read(workspace, () -> repeats.current(workspace, current.id()))));
        return changed && creation.needsApproval(workspace, Provenance.ofCurrentActor())
                ? PostStatus.PENDING_APPROVAL
                : PostStatus.SCHEDULED;
    }

    /** Whether an edit leaves what a post says, shows and where it goes as they were (its time aside). */
    private static boolean same(Post current, Content edited) {
        return edited.body().equals(current.body())
                && Objects.equals(edited.link(), current.link())
                && edited.media().equals(current.media())
                && targets(current.targets().stream().map(NewPost.NewTarget::of).toList())
                        .equals(targets(edited.targets()))
                && Objects.equals(edited.firstComment(), current.firstComment())
                && (edited.tagLinks() == null || edited.tagLinks() == current.tagLinks())
                && (edited.shortenLinks() == null || edited.shortenLinks() == current.shortLinks())
                && edited.thread().equals(current.threadContent())
                && Objects.equals(edited.language(), current.language());
    }

    /** The targets as a set, a blank own text the same as none. */
    private static Set<NewPost.NewTarget> targets(List<NewPost.NewTarget> targets) {
        return targets.stream()
                .map(t -> new NewPost.NewTarget(
                        t.connection(), Posts.blankToNull(t.body()), t.firstComment(), t.format(), t.commentOff()))
                .collect(Collectors.toSet());
    }
}
