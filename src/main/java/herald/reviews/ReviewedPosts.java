package herald.reviews;

import herald.assets.Assets;
import herald.assets.MediaLinks;
import herald.audit.Actor;
import herald.connections.Connections;
import herald.providers.SocialProvider;
import herald.publishing.Post;
import herald.publishing.PostNote;
import herald.publishing.PostNotes;
import herald.shared.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a review link shows of its posts: each post as its reviewer sees it (its version on each account, its media
 * through signed links, the notes the reviewer may read), and the accounts the link is limited to.
 */
@Component
class ReviewedPosts {

    private final PostNotes notes;
    private final Assets assets;
    private final MediaLinks media;
    private final Connections connections;

    ReviewedPosts(PostNotes notes, Assets assets, MediaLinks media, Connections connections) {
        this.notes = notes;
        this.assets = assets;
        this.media = media;
        this.connections = connections;
    }

    /** {@code post} as the holder of {@code opened} sees it; members' notes are signed {@code team}. */
    ReviewedPost of(ReviewLinks.Opened opened, Post post, String team) {
        WorkspaceId workspace = post.workspace();
        List<ReviewedPost.Version> versions = post.targets().stream()
                .map(t -> new ReviewedPost.Version(
                        t.account(),
                        t.provider(),
                        t.body() == null ? post.body() : t.body(),
                        t.commentOf(post.firstComment()),
                        t.status(),
                        t.platformUrl(),
                        // The thread only where the account's platform publishes it (its parts are on the target).
                        t.thread().isEmpty() ? List.of() : post.thread(),
                        t.story()))
                .toList();
        List<ReviewedPost.Medium> shown = shown(workspace, post.media());
        List<ReviewedPost.Note> visible = notes.of(workspace, post.id()).stream()
                .filter(note -> visible(opened.link(), note))
                .map(note -> new ReviewedPost.Note(
                        note.authorType().equals(Actor.Type.USER.value())
                                ? team
                                : Objects.requireNonNullElse(note.authorLabel(), "Reviewer"),
                        note.authorType().equals(Actor.Type.REVIEWER.value()),
                        note.body(),
                        note.createdAt()))
                .toList();
        return new ReviewedPost(
                Reviews.ref(opened.tokenHash(), "post", post.id().value()),
                post.status(),
                post.scheduledAt() != null ? post.scheduledAt() : post.lastPublishedAt(),
                post.link(),
                versions,
                shown,
                post.tags(),
                visible,
                post.threadMedia().stream().map(ids -> shown(workspace, ids)).toList());
    }

    /** The assets as the reviewer sees them: signed, expiring links; a removed one named so. */
    private List<ReviewedPost.Medium> shown(WorkspaceId workspace, List<herald.assets.AssetId> ids) {
        return ids.stream()
                .map(id -> assets.find(workspace, id)
                        .map(asset -> {
                            var signed = media.pageLinks(workspace, asset);
                            return new ReviewedPost.Medium(
                                    asset.filename(), asset.type().kind().value(), signed.thumbnailUrl(), signed.url());
                        })
                        .orElse(new ReviewedPost.Medium("A removed medium", "", null, null)))
                .toList();
    }

    /** Members' notes, and this link's reviewers'; nothing an agent, a key, Herald or another link wrote. */
    private static boolean visible(ReviewLink link, PostNote note) {
        return note.authorType().equals(Actor.Type.USER.value())
                || (note.authorType().equals(Actor.Type.REVIEWER.value())
                        && link.id().toString().equals(note.authorId()));
    }

    /** The accounts the link is limited to, as "Platform @username"; empty when it shows every account. */
    List<String> accountNames(ReviewLink link) {
        if (link.accounts().isEmpty()) {
            return List.of();
        }
        Map<String, String> platforms = connections.providers().stream()
                .collect(Collectors.toMap(SocialProvider::id, SocialProvider::displayName, (a, b) -> a));
        return connections.list(link.workspace()).stream()
                .filter(c -> link.accounts().contains(c.id()))
                .map(c -> platforms.getOrDefault(c.provider(), c.provider()) + " @" + c.username())
                .toList();
    }
}
