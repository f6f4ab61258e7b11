package herald.sandbox;

import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The Sandbox's public pages: its front page, an account's feed with each post's comments, and the avatars. */
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
        Account account = find(handle);
        model.addAttribute("account", account);
        var feed = posts.byAccount(account.id(), FEED_SIZE);
        model.addAttribute("posts", feed);
        model.addAttribute(
                "comments", comments.byPosts(feed.stream().map(Post::id).toList()));
        return "sandbox/feed";
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

    private Account find(String handle) {
        return accounts.byHandle(handle.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such account."));
    }
}
