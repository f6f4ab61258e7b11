package herald.web.ui;

import herald.analytics.Analytics;
import herald.connections.Connections;
import herald.publishing.Post;
import herald.publishing.PostApprovals;
import herald.publishing.PostId;
import herald.publishing.PostNotes;
import herald.publishing.PostRepeats;
import herald.publishing.PostStatus;
import herald.publishing.PostTags;
import herald.publishing.Posts;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The posts of a workspace, filtered by status, words of their text, account and tag ({@link PostsFilter}); one post's
 * page is {@link PostPageController}'s. Every member sees them; editors and up act on them through
 * {@link PostActionsController}.
 */
@Controller
class PostsController {

    private static final int PAGE = 50;

    private final Posts posts;
    private final Connections connections;
    private final PostTags tags;
    private final PostNotes notes;
    private final Analytics analytics;
    private final PostRepeats repeats;
    private final PostApprovals decisions;

    PostsController(
            Posts posts,
            Connections connections,
            PostTags tags,
            PostNotes notes,
            Analytics analytics,
            PostRepeats repeats,
            PostApprovals decisions) {
        this.posts = posts;
        this.connections = connections;
        this.tags = tags;
        this.notes = notes;
        this.analytics = analytics;
        this.repeats = repeats;
        this.decisions = decisions;
    }

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
        model.addAttribute(
                "sentBack",
                decisions.sentBack(
                        current.id(),
                        shown.stream()
                                .filter(p -> p.status() == PostStatus.DRAFT)
                                .map(Post::id)
                                .toList()));
        model.addAttribute("older", found.size() > PAGE ? older(shown.getLast()) : null);
        model.addAttribute("paged", cursor != null);
        model.addAttribute("time", new WorkspaceTime(current.workspace().timezone()));
        return "posts/list";
    }

    static List<PostStatus> filters() {
        return List.of(PostStatus.values());
    }

    private static String older(Post last) {
        return PageCursor.after(last.scheduledAt() == null ? last.createdAt() : last.scheduledAt(), last.id());
    }
}
