package herald.reviews;

import herald.agents.Approvals;
import herald.audit.Actor;
import herald.audit.AuditContext;
import herald.publishing.Post;
import herald.publishing.PostNotes;
import herald.publishing.PostStatus;
import herald.publishing.PostWindow;
import herald.publishing.Posts;
import herald.shared.Conflict;
import herald.shared.NotFound;
import herald.shared.NotPermitted;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a reviewer does through a link: reads the posts in its scope, comments on one, and (when the link allows it)
 * approves or rejects one awaiting approval, through the same {@link Approvals} a member uses.
 *
 * <p>Shown: posts awaiting approval, scheduled, publishing and published (partially or fully) in the link's range,
 * accounts and tag; never drafts, cancelled or failed ones. Notes shown: the members' (as "the team", without their
 * e-mail addresses) and those written through this same link; not those of agents, keys, Herald itself or other
 * links. Every action is audited with the link as the actor: {@code reviewer}, the link's id, and "Name (via review link
 * 'Label')".
 */
@Component
public class Reviews {

    /** What a client reviews. Drafts are unfinished, cancelled and failed posts will not go out. */
    static final Set<PostStatus> SHOWN = Set.of(
            PostStatus.PENDING_APPROVAL,
            PostStatus.SCHEDULED,
            PostStatus.PUBLISHING,
            PostStatus.PUBLISHED,
            PostStatus.PARTIALLY_FAILED);

    /** The most posts one page of a review shows. */
    public static final int MAX_POSTS = 100;

    private final ReviewLinks links;
    private final Workspaces workspaces;
    private final Posts posts;
    private final PostNotes notes;
    private final Approvals approvals;
    private final ReviewedPosts reviewedPosts;

    private final ApplicationEventPublisher events;

    Reviews(
            ReviewLinks links,
            Workspaces workspaces,
            Posts posts,
            PostNotes notes,
            Approvals approvals,
            ReviewedPosts reviewedPosts,
            ApplicationEventPublisher events) {
        this.links = links;
        this.workspaces = workspaces;
        this.posts = posts;
        this.notes = notes;
        this.approvals = approvals;
        this.reviewedPosts = reviewedPosts;
        this.events = events;
    }

    /**
     * The review behind {@code token}.
     *
     * @throws ReviewLinkUnusable when the link is unknown, expired or revoked
     */
    public Review open(String token) {
        ReviewLinks.Opened opened = links.open(token);
        ReviewLink link = opened.link();
        Workspace workspace = workspaces.require(link.workspace());
        List<Post> found = inScope(link, MAX_POSTS + 1);
        List<ReviewedPost> shown = found.stream()
                .limit(MAX_POSTS)
                .map(post -> reviewedPosts.of(opened, post, workspace.name() + " team"))
                .toList();
        return new Review(
                ref(opened.tokenHash(), "link", link.id().value()),
                workspace.name(),
                workspace.timezone(),
                link.label(),
                link.from(),
                link.to(),
                link.tag(),
                reviewedPosts.accountNames(link),
                link.mayApprove(),
                link.expiresAt(),
                shown,
                found.size() > MAX_POSTS);
    }

    /**
     * Adds the reviewer's note to the post {@code ref} names.
     *
     * @throws ReviewLinkUnusable when the link no longer works
     * @throws NotFound when the link shows no such post
     * @throws herald.shared.InvalidInput for an empty or too long note
     */
    public void comment(String token, String ref, Reviewer reviewer, @Nullable String body) {
        ReviewLinks.Opened opened = links.open(token);
        Post post = find(opened, ref);
        as(opened.link(), reviewer, () -> notes.add(opened.link().workspace(), post.id(), body));
        told(opened, post, reviewer, ReviewFeedback.Kind.COMMENTED, body);
    }

    /**
     * Approves the post {@code ref} names: it is scheduled as it is.
     *
     * @throws NotPermitted when the link only allows comments
     * @throws Conflict unless the post is awaiting approval
     * @throws herald.publishing.PostRejected when the post no longer passes a platform's rules (e.g. its time passed)
     */
    public void approve(String token, String ref, Reviewer reviewer) {
        ReviewLinks.Opened opened = links.open(token);
        Post post = awaitingDecision(opened, ref);
        as(opened.link(), reviewer, () -> approvals.approve(opened.link().workspace(), post.id(), null, null));
        told(opened, post, reviewer, ReviewFeedback.Kind.APPROVED, null);
    }

    /**
     * Rejects the post {@code ref} names with the reviewer's note: it is cancelled and never published, and the note
     * is kept with it.
     *
     * @throws NotPermitted when the link only allows comments
     * @throws Conflict unless the post is awaiting approval
     * @throws herald.shared.InvalidInput without a note
     */
    public void requestChanges(String token, String ref, Reviewer reviewer, @Nullable String note) {
        ReviewLinks.Opened opened = links.open(token);
        Post post = awaitingDecision(opened, ref);
        as(opened.link(), reviewer, () -> approvals.reject(opened.link().workspace(), post.id(), null, note));
        told(opened, post, reviewer, ReviewFeedback.Kind.CHANGES_REQUESTED, note);
    }

    /** Tells the team (the notification centre listens) what the reviewer did, once it is stored. */
    private void told(
            ReviewLinks.Opened opened, Post post, Reviewer reviewer, ReviewFeedback.Kind kind, @Nullable String text) {
        events.publishEvent(new ReviewFeedback(
                opened.link().workspace(),
                post.id(),
                java.util.Objects.requireNonNullElse(
                        actor(opened.link(), reviewer).label(), reviewer.name()),
                kind,
                text == null ? null : text.strip()));
    }

    /** The actor a reviewer acts as: the link, named after the person and the link. */
    static Actor actor(ReviewLink link, Reviewer reviewer) {
        return new Actor(
                Actor.Type.REVIEWER,
                link.id().toString(),
                reviewer.name() + " (via review link '" + link.label() + "')");
    }

    private Post awaitingDecision(ReviewLinks.Opened opened, String ref) {
        if (!opened.link().mayApprove()) {
            throw new NotPermitted("This review link lets you comment; it does not let you approve or reject posts.");
        }
        Post post = find(opened, ref);
        if (post.status() != PostStatus.PENDING_APPROVAL) {
            throw new Conflict("status", "This post is not awaiting approval, so there is nothing to decide.");
        }
        return post;
    }

    private <T> T as(ReviewLink link, Reviewer reviewer, Supplier<T> work) {
        var origin = AuditContext.current();
        try (var ignored = AuditContext.bind(new AuditContext.Origin(
                actor(link, reviewer),
                origin.map(AuditContext.Origin::ip).orElse(null),
                origin.map(AuditContext.Origin::userAgent).orElse(null)))) {
            return work.get();
        }
    }

    private Post find(ReviewLinks.Opened opened, String ref) {
        return inScope(opened.link(), MAX_POSTS).stream()
                .filter(post ->
                        ref(opened.tokenHash(), "post", post.id().value()).equals(ref))
                .findFirst()
                .orElseThrow(() -> new NotFound("This review has no such post."));
    }

    private List<Post> inScope(ReviewLink link, int limit) {
        return posts.within(
                link.workspace(), new PostWindow(link.from(), link.to(), SHOWN, link.accounts(), link.tag(), limit));
    }

    /**
     * A reference to {@code id} that only this link's holder can make: an HMAC keyed by the token's hash, which never
     * leaves the server. It names nothing anywhere else in Herald.
     */
    static String ref(byte[] tokenHash, String kind, UUID id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenHash, "HmacSHA256"));
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            byte[] digest = mac.doFinal(ByteBuffer.allocate(16)
                    .putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits())
                    .array());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
