package herald.web.ui;

import herald.analytics.Analytics;
import herald.assets.Assets;
import herald.assets.MediaLinks;
import herald.links.LinkCards;
import herald.providers.Providers;
import herald.publishing.AttemptHistory;
import herald.publishing.BioPage;
import herald.publishing.Evergreen;
import herald.publishing.Post;
import herald.publishing.PostApprovals;
import herald.publishing.PostId;
import herald.publishing.PostNotes;
import herald.publishing.PostRepeats;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.publishing.ShortLink;
import herald.publishing.ShortLinkClicks;
import herald.publishing.UpcomingRepeats;
import herald.tenancy.WorkspaceRules;
import herald.web.CurrentWorkspace;
import herald.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One post's page: what happened on each account (attempts, addresses, first comments, thread parts), its media, link
 * card, notes, figures, link clicks, place on the link-in-bio page, evergreen and repeat standing. Every member sees it;
 * editors and up act on it through {@link PostActionsController} and the pages beside it.
 */
@Controller
class PostPageController {

    private final Posts posts;
    private final AttemptHistory history;
    private final Assets assets;
    private final MediaLinks links;
    private final PostNotes notes;
    private final Analytics analytics;
    private final Providers providers;
    private final PostRepeats repeats;
    private final PostApprovals decisions;
    private final UpcomingRepeats upcoming;
    private final ShortLinkClicks shortLinks;
    private final herald.publishing.BioPagePosts bio;
    private final Evergreen evergreen;
    private final WorkspaceRules workspaceRules;
    private final PublicUrl publicUrl;
    private final LinkCards linkCards;

    PostPageController(
            Posts posts,
            AttemptHistory history,
            Assets assets,
            MediaLinks links,
            PostNotes notes,
            Analytics analytics,
            Providers providers,
            PostRepeats repeats,
            PostApprovals decisions,
            UpcomingRepeats upcoming,
            ShortLinkClicks shortLinks,
            herald.publishing.BioPagePosts bio,
            Evergreen evergreen,
            WorkspaceRules workspaceRules,
            PublicUrl publicUrl,
            LinkCards linkCards) {
        this.posts = posts;
        this.history = history;
        this.assets = assets;
        this.links = links;
        this.notes = notes;
        this.analytics = analytics;
        this.providers = providers;
        this.repeats = repeats;
        this.decisions = decisions;
        this.upcoming = upcoming;
        this.shortLinks = shortLinks;
        this.bio = bio;
        this.evergreen = evergreen;
        this.workspaceRules = workspaceRules;
        this.publicUrl = publicUrl;
        this.linkCards = linkCards;
    }

    /** A post a repeating post's series will make: when, and its day where the series keeps time. */
    public record Coming(java.time.Instant at, java.time.LocalDate day) {}

    /** A medium the post carries, as its page shows it; {@code thumbnailUrl} is null once the asset is gone. */
    public record Medium(String filename, String kind, @Nullable String url, @Nullable String thumbnailUrl) {}

    @GetMapping("/w/{slug}/posts/{id}")
    String detail(@PathVariable UUID id, HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.member(request);
        Post post = posts.get(current.id(), new PostId(id));
        model.addAttribute("section", "posts");
        model.addAttribute("post", post);
        if (post.utm() != null) {
            model.addAttribute("utm", post.utm().describe());
        }
        model.addAttribute("journal", new PostsJournal(history.of(current.id(), post.id())));
        model.addAttribute("media", media(current, post.media()));
        // Each thread part's media, side by side with post.thread.
        model.addAttribute(
                "partMedia",
                post.threadMedia().stream().map(ids -> media(current, ids)).toList());
        WorkspaceTime time = new WorkspaceTime(current.workspace().timezone());
        model.addAttribute("time", time);
        model.addAttribute("zone", current.workspace().timezone().getId());
        model.addAttribute("notes", PostNotesPageController.rows(notes, current, post.id()));
        model.addAttribute("figures", analytics.ofPost(current.id(), post.id()));
        List<ShortLink> published = shortLinks.of(current.id(), post.id());
        model.addAttribute("shortLinks", published);
        model.addAttribute(
                "linkClicks", published.stream().mapToLong(ShortLink::clicks).sum());
        // Where the post stands with the link-in-bio page, only while the page is up and the post could be on it.
        var standing = workspaceRules.hasBioPage(current.id()) ? bio.standing(current.id(), post.id()) : null;
        model.addAttribute("bio", standing != null && standing.eligible() ? standing : null);
        model.addAttribute("evergreen", evergreen.of(current.id(), post.id()).orElse(null));
        model.addAttribute(
                "bioAddress",
                publicUrl.resolve(BioPage.PATH + current.workspace().slug()));
        model.addAttribute("markHints", MarkPublishedHints.of(post, providers));
        // The link's card as Herald last read it, never read now: a page view does not wait on another site.
        model.addAttribute(
                "linkCard",
                LinkCards.address(post.link())
                        .flatMap(page -> linkCards.kept(current.id(), page))
                        .orElse(null));
        model.addAttribute("languageName", post.language() == null ? null : PostLanguages.name(post.language()));
        var series = repeats.of(current.id(), post.id()).orElse(null);
        model.addAttribute("series", series);
        model.addAttribute(
                "upcoming",
                series == null || !series.open()
                        ? List.of()
                        : upcoming.of(current.id(), post.id(), 3).stream()
                                .map(next -> new Coming(
                                        next.at(),
                                        next.at().atZone(series.zone()).toLocalDate()))
                                .toList());
        model.addAttribute(
                "sentBack",
                post.status() == PostStatus.DRAFT
                        ? decisions.sentBack(current.id(), post.id()).orElse(null)
                        : null);
        return "posts/detail";
    }

    /** The assets as the post's page shows them, a deleted one named so. */
    private List<Medium> media(CurrentWorkspace current, List<herald.assets.AssetId> ids) {
        return ids.stream()
                .map(asset -> assets.find(current.id(), asset)
                        .map(a -> {
                            var shown = links.pageLinks(current.id(), a);
                            return new Medium(
                                    a.filename(),
                                    a.type().kind().value(),
                                    shown.url().toString(),
                                    shown.thumbnailUrl().toString());
                        })
                        .orElse(new Medium("A deleted medium", "", null, null)))
                .toList();
    }
}
