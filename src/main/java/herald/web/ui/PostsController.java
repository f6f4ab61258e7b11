package herald.web.ui;

import herald.analytics.Analytics;
import herald.assets.Assets;
import herald.assets.MediaLinks;
import herald.connections.Connections;
import herald.providers.Providers;
import herald.publishing.AttemptHistory;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.PostNotes;
import herald.publishing.PostRecovery;
import herald.publishing.PostRepeats;
import herald.publishing.PostStatus;
import herald.publishing.PostTags;
import herald.publishing.Posts;
import herald.publishing.TargetId;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The posts of a workspace, filtered by status, words of their text, account and tag ({@link PostsFilter}), and one post
 * with what happened on each account. Every member sees them; editors and up cancel, retry, retag, and settle the
 * targets Herald could not know the outcome of.
 */
@Controller
class PostsController {

    private static final int PAGE = 50;

    private final Posts posts;
    private final PostRecovery recovery;
    private final AttemptHistory history;
    private final Assets assets;
    private final MediaLinks links;
    private final Connections connections;
    private final PostNotes notes;
    private final PostTags tags;
    private final Analytics analytics;
    private final Providers providers;

    private final PostRepeats repeats;

    PostsController(
            Posts posts,
            PostRecovery recovery,
            AttemptHistory history,
            Assets assets,
            MediaLinks links,
            Connections connections,
            PostNotes notes,
            PostTags tags,
            Analytics analytics,
            Providers providers,
            PostRepeats repeats) {
        this.repeats = repeats;
        this.posts = posts;
        this.recovery = recovery;
        this.history = history;
        this.assets = assets;
        this.links = links;
        this.connections = connections;
        this.notes = notes;
        this.tags = tags;
        this.analytics = analytics;
        this.providers = providers;
    }

    /** A medium the post carries, as its page shows it; {@code thumbnailUrl} is null once the asset is gone. */
    public record Medium(String filename, String kind, @Nullable String url, @Nullable String thumbnailUrl) {}

    @GetMapping("/w/{slug}/posts")
    String list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String account,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String after,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.member(request);
        List<AccountOption> accounts = AccountOption.of(connections, current.id());
        PostsFilter filter = PostsFilter.read(status, q, account, tag, accounts);
        PageCursor cursor = PageCursor.read(after);
        List<Post> found = posts.list(
                current.id(),
                filter.query(
                        cursor == null ? null : cursor.time(),
                        cursor == null ? null : new PostId(cursor.id()),
                        PAGE + 1));
        List<Post> shown = found.size() > PAGE ? found.subList(0, PAGE) : found;
        model.addAttribute("section", "posts");
        model.addAttribute("statuses", PostStatus.values());
        model.addAttribute("filter", filter.statusValue());
        model.addAttribute("q", filter.text());
        model.addAttribute("accounts", accounts);
        model.addAttribute("account", filter.accountId());
        TagPicker.add(model, tags, current.id(), filter.tag());
        model.addAttribute("narrowed", filter.narrowed());
        model.addAttribute("links", filter.links(current.workspace().slug()));
        model.addAttribute("posts", shown);
        model.addAttribute(
                "noteCounts",
                notes.counts(current.id(), shown.stream().map(Post::id).toList()));
        model.addAttribute(
                "figures",
                analytics.summaries(current.id(), shown.stream().map(Post::id).toList()));
        model.addAttribute(
                "repeating",
                repeats.repeating(current.id(), shown.stream().map(Post::id).toList()));
        model.addAttribute("older", found.size() > PAGE ? older(shown.getLast()) : null);
        model.addAttribute("paged", cursor != null);
        model.addAttribute("time", new WorkspaceTime(current.workspace().timezone()));
        return "posts/list";
    }

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
        model.addAttribute(
                "media",
                post.media().stream()
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
                        .toList());
        WorkspaceTime time = new WorkspaceTime(current.workspace().timezone());
        model.addAttribute("time", time);
        model.addAttribute("zone", current.workspace().timezone().getId());
        model.addAttribute("notes", PostNotesPageController.rows(notes, current, post.id()));
        model.addAttribute("figures", analytics.ofPost(current.id(), post.id()));
        model.addAttribute("markHints", MarkPublishedHints.of(post, providers));
        model.addAttribute("series", repeats.of(current.id(), post.id()).orElse(null));
        return "posts/detail";
    }

    /** Ends the post's series: no post is made after its latest (editors). */
    @PostMapping("/w/{slug}/posts/{id}/stop-repeating")
    String stopRepeating(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            repeats.stop(current.id(), new PostId(id));
            flash.addFlashAttribute(
                    "notice", "It no longer repeats: Herald makes no post after the latest of the series.");
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id;
    }

    @PostMapping("/w/{slug}/posts/{id}/cancel")
    String cancel(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        return act(
                request,
                id,
                flash,
                "Cancelled. Nothing more will be published.",
                current -> () -> posts.cancel(current.id(), new PostId(id)));
    }

    @PostMapping("/w/{slug}/posts/{id}/retry")
    String retry(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        return act(
                request,
                id,
                flash,
                "Publishing the failed accounts again now.",
                current -> () -> recovery.retry(current.id(), new PostId(id)));
    }

    @PostMapping("/w/{slug}/posts/{id}/targets/{target}/mark-published")
    String markPublished(
            @PathVariable UUID id,
            @PathVariable UUID target,
            @RequestParam(defaultValue = "") String url,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return act(request, id, flash, "Marked as published.", current -> () -> {
            URI link = PostLinks.read(url);
            return recovery.markPublished(current.id(), new PostId(id), new TargetId(target), link);
        });
    }

    @PostMapping("/w/{slug}/posts/{id}/targets/{target}/publish-again")
    String publishAgain(
            @PathVariable UUID id, @PathVariable UUID target, HttpServletRequest request, RedirectAttributes flash) {
        return act(
                request,
                id,
                flash,
                "Publishing it again now.",
                current -> () -> recovery.publishAgain(current.id(), new PostId(id), new TargetId(target)));
    }

    @PostMapping("/w/{slug}/posts/{id}/targets/{target}/comment/write-again")
    String writeCommentAgain(
            @PathVariable UUID id, @PathVariable UUID target, HttpServletRequest request, RedirectAttributes flash) {
        return act(
                request,
                id,
                flash,
                "Writing the first comment again now.",
                current -> () -> recovery.writeCommentAgain(current.id(), new PostId(id), new TargetId(target)));
    }

    @PostMapping("/w/{slug}/posts/{id}/targets/{target}/comment/confirm")
    String confirmComment(
            @PathVariable UUID id, @PathVariable UUID target, HttpServletRequest request, RedirectAttributes flash) {
        return act(
                request,
                id,
                flash,
                "Marked the first comment as there.",
                current -> () -> recovery.confirmComment(current.id(), new PostId(id), new TargetId(target)));
    }

    @PostMapping("/w/{slug}/posts/{id}/reschedule")
    String reschedule(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String scheduledAt,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return act(
                request,
                id,
                flash,
                "Rescheduled.",
                current -> () -> PostMoves.to(posts, current, new PostId(id), scheduledAt));
    }

    @PostMapping("/w/{slug}/posts/{id}/tags")
    String retag(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String tags,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            var now = this.tags.replace(current.id(), new PostId(id), PostTags.read(tags));
            flash.addFlashAttribute("notice", now.isEmpty() ? "Tags removed." : "Tags saved.");
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id;
    }

    private String act(
            HttpServletRequest request,
            UUID id,
            RedirectAttributes flash,
            String done,
            java.util.function.Function<CurrentWorkspace, Supplier<Post>> action) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        String back = "redirect:/w/" + current.workspace().slug() + "/posts/" + id;
        try {
            action.apply(current).get();
            flash.addFlashAttribute("notice", done);
        } catch (NotFound e) {
            throw e;
        } catch (Conflict | InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return back;
    }

    static List<PostStatus> filters() {
        return List.of(PostStatus.values());
    }

    private static String older(Post last) {
        return PageCursor.after(last.scheduledAt() == null ? last.createdAt() : last.scheduledAt(), last.id());
    }
}
