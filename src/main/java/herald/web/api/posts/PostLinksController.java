package herald.web.api.posts;

import herald.publishing.BioPagePosts;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.Posts;
import herald.publishing.ShortLink;
import herald.publishing.ShortLinkClicks;
import herald.shared.InvalidInput;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A post's short links and their clicks (docs/short-links.md). */
@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/posts")
@Tag(name = "Posts")
class PostLinksController {

    private final Posts posts;
    private final ShortLinkClicks links;
    private final BioPagePosts bio;
    private final herald.publishing.ShortLinks shortLinks;

    PostLinksController(Posts posts, ShortLinkClicks links, BioPagePosts bio, herald.publishing.ShortLinks shortLinks) {
        this.posts = posts;
        this.links = links;
        this.bio = bio;
        this.shortLinks = shortLinks;
    }

    @Schema(name = "PostBioPage")
    record BioPageView(
            @Schema(description = "Whether the post can be on the link-in-bio page: published, with a link.")
                    boolean eligible,
            @Schema(description = "Whether an editor took it off the page.") boolean hidden,
            @Schema(description = "Whether the page shows it (when the workspace's page is up).") boolean shown,
            @Schema(description = "Whether an editor pinned it to the top of the page, above the newest posts.")
                    boolean pinned) {

        static BioPageView of(BioPagePosts.Standing standing) {
            return new BioPageView(standing.eligible(), standing.hidden(), standing.shown(), standing.pinned());
        }
    }

    @Schema(name = "PostBioPageChange")
    record BioPageChange(
            @Schema(
                            description = "false takes the post off the page (and unpins it), true puts it back;"
                                    + " absent: as it is.",
                            nullable = true)
                    @Nullable
                    Boolean shown,
            @Schema(
                            description = "true pins it to the top of the page (at most 3 posts; a published post with"
                                    + " a link; puts it back on the page), false unpins it; absent: as it is.",
                            nullable = true)
                    @Nullable
                    Boolean pinned) {}

    @GetMapping("/{postId}/bio-page")
    @Operation(
            operationId = "getPostBioPage",
            summary = "Whether a post shows on the link-in-bio page",
            description = "A published post with a link shows on the workspace's link-in-bio page (docs/bio-page.md)"
                    + " unless an editor took it off.")
    BioPageView bioPage(CurrentWorkspace current, @PathVariable UUID postId) {
        return BioPageView.of(bio.standing(current.id(), new PostId(postId)));
    }

    @PutMapping("/{postId}/bio-page")
    @Operation(
            operationId = "setPostBioPage",
            summary = "Take a post off the link-in-bio page, or put it back",
            description = "{\"shown\": false} takes it off the page, {\"shown\": true} puts it back; any post may be"
                    + " set, published or not: the page shows it once it qualifies. {\"pinned\": true} pins a"
                    + " published post with a link to the top (409 for another post, or past 3 pinned),"
                    + " {\"pinned\": false} unpins it. Each change is recorded in the audit log.")
    BioPageView setBioPage(CurrentWorkspace current, @PathVariable UUID postId, @RequestBody BioPageChange change) {
        if (change.shown() == null && change.pinned() == null) {
            throw new InvalidInput("shown", "Send shown, pinned or both.");
        }
        PostId post = new PostId(postId);
        BioPagePosts.Standing standing = null;
        if (change.shown() != null) {
            standing = bio.show(current.id(), post, change.shown());
        }
        if (change.pinned() != null) {
            standing = bio.pin(current.id(), post, change.pinned());
        }
        return BioPageView.of(standing);
    }

    @Schema(name = "PostLinks")
    record PostLinksView(
            @Schema(
                            description =
                                    "Whether the post publishes its links as short links (the workspace's setting when"
                                            + " it was created).")
                    boolean shortLinks,
            @Schema(description = "The clicks on all of them.") long clicks,
            @Schema(description = "One per link of each account it was published on, in the order of the accounts.")
                    List<LinkView> links) {}

    @Schema(name = "PostLink")
    record LinkView(
            @Schema(description = "The short link as it was published.") String shortUrl,
            @Schema(
                            description =
                                    "Where it leads: the link as written, with its UTM parameters when the post tags"
                                            + " its links.")
                    String url,
            UUID targetId,
            @Schema(
                            description = "The account, as the post's targets name it; null once the target is gone.",
                            nullable = true)
                    @Nullable
                    String account,
            @Schema(
                            description = "Where the link is: text, link (the post's link field), comment (its first"
                                    + " comment) or bio (its tile on the link-in-bio page).")
                    String part,
            @Schema(description = "Clicks by people: link-preview robots and HEAD requests are not counted.")
                    long clicks,
            Instant createdAt,
            @Schema(nullable = true) @Nullable Instant lastClickedAt,
            @Schema(
                            description = "When someone of the workspace turned it off (it leads nowhere and counts"
                                    + " nothing); null while it leads on.",
                            nullable = true)
                    @Nullable
                    Instant turnedOffAt) {

        static LinkView of(ShortLink link) {
            return new LinkView(
                    link.address(),
                    link.url(),
                    link.target().value(),
                    link.account(),
                    link.part(),
                    link.clicks(),
                    link.createdAt(),
                    link.lastClickedAt(),
                    link.turnedOffAt());
        }
    }

    @Schema(name = "PostLinkChange")
    record LinkChange(
            @Schema(
                            description =
                                    "true turns the short link off (readers get 410, nothing is counted), false on again.")
                    boolean turnedOff) {}

    @PutMapping("/{postId}/links/{code}")
    @Operation(
            operationId = "setPostLink",
            summary = "Turn one of a post's short links off, or on again",
            description = "For a link whose destination went bad after the post went out (the platform's post cannot"
                    + " be edited through Herald): turned off, it answers 410 \"This link was turned off\" and counts"
                    + " nothing. Audited (post.short_link_turned_off, post.short_link_turned_on). 404 for a code the"
                    + " post does not have.")
    PostLinksView setLink(
            CurrentWorkspace current,
            @PathVariable UUID postId,
            @PathVariable String code,
            @RequestBody LinkChange change) {
        shortLinks.turnOff(current.id(), new PostId(postId), code, change.turnedOff());
        return links(current, postId);
    }

    @GetMapping("/{postId}/links")
    @Operation(
            operationId = "listPostLinks",
            summary = "A post's short links and their clicks",
            description = "The short links its targets were published with, once they are published (a post whose"
                    + " workspace shortens links, see docs/short-links.md), each with where it leads and its clicks;"
                    + " empty for a post that does not shorten its links or has not published yet.")
    PostLinksView links(CurrentWorkspace current, @PathVariable UUID postId) {
        Post post = posts.get(current.id(), new PostId(postId));
        List<LinkView> found =
                links.of(current.id(), post.id()).stream().map(LinkView::of).toList();
        return new PostLinksView(
                post.shortLinks(), found.stream().mapToLong(LinkView::clicks).sum(), found);
    }
}
