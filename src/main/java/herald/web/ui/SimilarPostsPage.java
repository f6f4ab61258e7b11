package herald.web.ui;

import herald.content.SimilarPost;
import herald.content.Similarity;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.Posts;
import herald.shared.NotFound;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Find similar posts" in the posts pages: a search box on the list (htmx swaps the results in; without script it is a
 * page of its own) and the similar posts of one post on its page. Every member may search.
 */
@Controller
class SimilarPostsPage {

    static final int MAX_TEXT = 5000;
    static final int LIMIT = 10;
    static final double MINIMUM = 0.5;

    private final Similarity similarity;
    private final Posts posts;

    SimilarPostsPage(Similarity similarity, Posts posts) {
        this.similarity = similarity;
        this.posts = posts;
    }

    /** A similar post as the page shows it. */
    public record Hit(Post post, int percent, boolean repeats) {}

    @GetMapping("/w/{slug}/posts/similar")
    String search(
            @RequestParam(required = false) @Nullable String text,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.member(request);
        String wanted = text == null ? "" : text.strip();
        model.addAttribute("text", wanted);
        if (wanted.isEmpty()) {
            model.addAttribute("error", "Type or paste some text to find posts like it.");
        } else if (wanted.length() > MAX_TEXT) {
            model.addAttribute(
                    "error",
                    "That text has " + wanted.length() + " characters; at most " + MAX_TEXT
                            + " are compared. Shorten it and search again.");
        } else {
            model.addAttribute("hits", hits(current, wanted, null));
        }
        return page(current, htmx, model, null);
    }

    @GetMapping("/w/{slug}/posts/{id}/similar")
    String ofPost(
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.member(request);
        Post post = posts.get(current.id(), new PostId(id));
        model.addAttribute("text", post.body());
        if (post.body().isBlank()) {
            model.addAttribute("error", "This post has no text to compare.");
        } else {
            model.addAttribute("hits", hits(current, post.body(), post.id()));
        }
        return page(current, htmx, model, post);
    }

    private String page(CurrentWorkspace current, @Nullable String htmx, Model model, @Nullable Post of) {
        model.addAttribute("section", "posts");
        model.addAttribute("of", of);
        model.addAttribute("threshold", (int) Math.round(similarity.threshold() * 100));
        model.addAttribute("time", new WorkspaceTime(current.workspace().timezone()));
        return htmx != null ? "posts/similar :: results" : "posts/similar";
    }

    private List<Hit> hits(CurrentWorkspace current, String text, @Nullable PostId except) {
        String compared = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        List<Hit> hits = new ArrayList<>();
        for (SimilarPost found : similarity.similarPosts(current.id(), compared, MINIMUM, LIMIT + 1)) {
            if (found.post().equals(except) || hits.size() == LIMIT) {
                continue;
            }
            try {
                hits.add(new Hit(
                        posts.get(current.id(), found.post()),
                        (int) Math.round(Math.max(0, found.similarity()) * 100),
                        found.similarity() >= similarity.threshold()));
            } catch (NotFound gone) {
                // deleted since it was found
            }
        }
        return hits;
    }
}
