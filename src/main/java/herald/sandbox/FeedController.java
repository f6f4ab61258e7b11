package herald.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The Sandbox's public pages: its front page, an account's feed with each post's comments and the forms where a visitor
 * comments, and the avatars.
 */
@Controller
class FeedController {

    static final int FEED_SIZE = 50;
    private static final String[] COLOURS = {"#4338ca", "#05603a", "#b42318", "#7a2e0e", "#0e7490", "#6d28d9"};

    private final Accounts accounts;
    private final Posts posts;
    private final Comments comments;

    FeedController(Accounts accounts, Posts posts, Comments comments) {
        this.accounts = accounts;
        this.posts = posts;
        this.comments = comments;
    }

    @GetMapping({"/sandbox", "/sandbox/"})
    String index(Model model) {
        model.addAttribute("accounts", accounts.all());
        return "sandbox/index";
    }

    @GetMapping("/sandbox/@{handle}")
    String feed(@PathVariable String handle, Model model) {
        model.addAllAttributes(page(find(handle), null));
        return "sandbox/feed";
    }

    /**
     * A visitor's comment from the feed page's form, on the post or answering one of its comments: back to the post on
     * the feed (303), or the page again with what was typed and why it was refused, storing nothing. The form takes no
     * CSRF token, as the Sandbox's other forms (see {@link SandboxSecurity}): a visitor has no session to forge.
     */
    @PostMapping("/sandbox/@{handle}/posts/{postId}/comments")
    ModelAndView comment(
            @PathVariable String handle,
            @PathVariable String postId,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String replyTo) {
        Account account = find(handle);
        Post post = posts.named(postId)
                .filter(found -> found.accountHandle().equals(account.handle()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such post."));
        String given = text == null ? "" : text;
        String answering = replyTo == null || replyTo.isBlank() ? null : replyTo;
        Optional<UUID> answered = answering == null ? Optional.empty() : comments.under(post.id(), answering);
        try {
            String author = Comments.authorName(name);
            Comments.validate(given);
            if (answering != null && answered.isEmpty()) {
                throw Comments.notUnder(answering);
            }
            comments.byVisitor(post.id(), author, given, answered.orElse(null));
        } catch (SandboxError refused) {
            var form = new RefusedComment(
                    post.id(), answered.orElse(null), name == null ? "" : name, given, refused.getMessage());
            return new ModelAndView("sandbox/feed", page(account, form), refused.status());
        }
        RedirectView back = new RedirectView("/sandbox/@" + account.handle() + "#post-" + post.id(), true);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        back.setExposeModelAttributes(false);
        return new ModelAndView(back);
    }

    /** A circle with the handle's initial; the handle is {@code [a-z0-9_]} only, so it needs no escaping. */
    @GetMapping("/sandbox/@{handle}/avatar.svg")
    ResponseEntity<String> avatar(@PathVariable String handle) {
        Account account = find(handle);
        String colour = COLOURS[Math.floorMod(account.handle().hashCode(), COLOURS.length)];
        String initial = account.handle().substring(0, 1).toUpperCase(Locale.ROOT);
        String svg =
                """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">\
                <circle cx="32" cy="32" r="32" fill="%s"/>\
                <text x="32" y="42" font-family="sans-serif" font-size="28" fill="#fff" text-anchor="middle">%s</text>\
                </svg>"""
                        .formatted(colour, initial);
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
                .body(svg);
    }

    /** The feed page's model: the account, its latest posts, their comments in threads, and a refused form if any. */
    private Map<String, Object> page(Account account, @Nullable RefusedComment refused) {
        List<Post> feed = posts.byAccount(account.id(), FEED_SIZE);
        Map<UUID, List<CommentThread>> threads = new HashMap<>();
        comments.byPosts(feed.stream().map(Post::id).toList())
                .forEach((post, under) -> threads.put(post, CommentThread.of(under)));
        Map<String, Object> model = new HashMap<>();
        model.put("account", account);
        model.put("posts", feed);
        model.put("threads", threads);
        if (refused != null) {
            model.put("refused", refused);
        }
        return model;
    }

    private Account find(String handle) {
        return accounts.byHandle(handle.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such account."));
    }
}
