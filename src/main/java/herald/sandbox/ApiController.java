package herald.sandbox;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Sandbox's JSON API: the granted accounts with their own tokens, the current account, and publishing. */
@RestController
@RequestMapping("/sandbox/api")
class ApiController {

    /** The body of {@code POST /sandbox/api/posts}. */
    record NewPost(
            @Nullable String text,
            @Nullable String link,
            @Nullable List<String> mediaUrls,
            @Nullable String replyTo,
            @Nullable String kind) {}

    /** The body of {@code POST /sandbox/api/posts/{id}/comments}: {@code replyTo} a comment under the same post. */
    record NewComment(@Nullable String text, @Nullable String replyTo) {}

    private final Accounts accounts;
    private final Tokens tokens;
    private final Posts posts;
    private final Comments comments;
    private final MediaFetcher media;
    private final Faults faults;
    private final SandboxSettings settings;
    private final java.time.Clock clock;

    ApiController(
            Accounts accounts,
            Tokens tokens,
            Posts posts,
            Comments comments,
            MediaFetcher media,
            Faults faults,
            SandboxSettings settings,
            java.time.Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.posts = posts;
        this.comments = comments;
        this.media = media;
        this.faults = faults;
        this.settings = settings;
        this.clock = clock;
    }

    /** Each granted account with a new account token family of its own (like a Facebook Page token). */
    @GetMapping("/accounts")
    Map<String, Object> accounts(@RequestAttribute(SandboxGate.GRANT) Grant grant) {
        if (grant.kind() != Grant.Kind.USER) {
            throw new SandboxError(
                    HttpStatus.FORBIDDEN,
                    "insufficient_scope",
                    "GET /sandbox/api/accounts needs the user token from the authorization-code grant.");
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (Account account : accounts.byIds(grant.accountIds())) {
            IssuedTokens issued =
                    tokens.issue(grant.clientId(), Grant.Kind.ACCOUNT, List.of(account.id()), grant.scope());
            Map<String, Object> view = Views.account(account);
            view.put("accessToken", issued.accessToken());
            view.put("refreshToken", issued.refreshToken());
            view.put("expiresIn", issued.expiresIn());
            data.add(view);
        }
        return Map.of("data", data);
    }

    @GetMapping("/me")
    Map<String, Object> me(@RequestAttribute(SandboxGate.GRANT) Grant grant) {
        return Views.account(account(grant));
    }

    /** The account's audience: followers growing with its age ({@link Followers}), and its real number of posts. */
    @GetMapping("/me/metrics")
    Map<String, Object> audience(@RequestAttribute(SandboxGate.GRANT) Grant grant) {
        Account account = account(grant);
        Instant createdAt = accounts.createdAt(account.id()).orElseThrow(SandboxError::invalidToken);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("followers", Followers.of(account.id(), createdAt, clock.instant()));
        view.put("following", Followers.following(account.id()));
        view.put("posts", posts.countByAccount(account.id()));
        return view;
    }

    @PostMapping("/posts")
    ResponseEntity<Map<String, Object>> create(
            @RequestAttribute(SandboxGate.GRANT) Grant grant, @RequestBody NewPost body) {
        String text = body.text() == null ? "" : body.text();
        List<String> urls = body.mediaUrls() == null ? List.of() : body.mediaUrls();
        boolean story = story(body.kind());
        if (story) {
            Posts.validateStory(text, body.link(), urls, body.replyTo());
        }
        Posts.validate(text, urls);
        String link = link(body.link());
        // A reply answers a post the Sandbox has, as X's in_reply_to_tweet_id must name a post that exists.
        UUID replyTo = body.replyTo() == null ? null : replied(body.replyTo());
        if (!urls.isEmpty()) {
            // A duplicate is refused before its media are fetched; create checks again, under the account's lock.
            posts.refuseDuplicate(account(grant).id(), text);
        }
        // Fetched before the statement that stores the post: no HTTP call holds a connection.
        List<Post.Media> fetched = urls.stream().map(media::fetch).toList();
        Post post = posts.create(grant.account(), text, link, fetched, replyTo, story);
        stallIfFaulty();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", post.id());
        view.put("url", Views.base() + post.path());
        view.put("createdAt", post.createdAt().toString());
        return ResponseEntity.created(URI.create(Views.base() + "/sandbox/api/posts/" + post.id()))
                .body(view);
    }

    @GetMapping("/posts/{id}")
    Map<String, Object> post(@RequestAttribute(SandboxGate.GRANT) Grant grant, @PathVariable String id) {
        return Views.post(find(id));
    }

    /**
     * A comment under one of the account's own posts, as the account, answering the post or one of its comments: another
     * account's post is refused as the real platforms refuse it (403), and {@code timeoutAfterCreate} stalls the answer
     * after the comment is stored.
     */
    @PostMapping("/posts/{id}/comments")
    ResponseEntity<Map<String, Object>> comment(
            @RequestAttribute(SandboxGate.GRANT) Grant grant, @PathVariable String id, @RequestBody NewComment body) {
        Account account = account(grant);
        Post post = find(id);
        if (!post.accountHandle().equals(account.handle())) {
            throw new SandboxError(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "@" + account.handle() + " may comment only under its own posts through this API.");
        }
        String text = body.text() == null ? "" : body.text();
        Comments.validate(text);
        UUID replyTo = comments.replied(post.id(), body.replyTo());
        Comment comment = comments.byAccount(post.id(), account.id(), text, replyTo);
        stallIfFaulty();
        return ResponseEntity.created(URI.create(Views.base() + "/sandbox/api/posts/" + post.id() + "/comments"))
                .body(Views.comment(comment));
    }

    /** The post's comments, newest first. */
    @GetMapping("/posts/{id}/comments")
    Map<String, Object> comments(
            @RequestAttribute(SandboxGate.GRANT) Grant grant,
            @PathVariable String id,
            @RequestParam(defaultValue = "50") int limit) {
        Post post = find(id);
        int size = Math.max(1, Math.min(limit, 100));
        return Map.of(
                "data",
                comments.byPost(post.id(), size).stream().map(Views::comment).toList());
    }

    /** Numbers that only grow with the post's age, and differ from post to post. */
    @GetMapping("/posts/{id}/metrics")
    Map<String, Object> metrics(@RequestAttribute(SandboxGate.GRANT) Grant grant, @PathVariable String id) {
        Post post = find(id);
        long minutes =
                Math.min(Duration.between(post.createdAt(), Instant.now()).toMinutes(), 24 * 60);
        long seed = Math.floorMod(post.id().getLeastSignificantBits(), 97);
        long impressions = 10 + seed + minutes * 3;
        long likes = impressions / 10;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("likes", likes);
        view.put("reposts", likes / 4);
        view.put("replies", likes / 6);
        view.put("impressions", impressions);
        return view;
    }

    /** What was really published on an account, newest first; public, for tests and benchmarks. */
    @GetMapping("/accounts/{handle}/posts")
    Map<String, Object> published(@PathVariable String handle, @RequestParam(defaultValue = "20") int limit) {
        Account account = accounts.byHandle(handle.toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> SandboxError.notFound("No account @" + handle + "."));
        int size = Math.max(1, Math.min(limit, 100));
        return Map.of(
                "data",
                posts.byAccount(account.id(), size).stream().map(Views::post).toList());
    }

    /** With {@code timeoutAfterCreate}, what was just stored is answered too late: the outcome to reconcile. */
    private void stallIfFaulty() {
        if (faults.current().timeoutAfterCreate()) {
            SandboxGate.sleep(settings.stallAfterCreate());
        }
    }

    private Account account(Grant grant) {
        return accounts.byId(grant.account()).orElseThrow(SandboxError::invalidToken);
    }

    private UUID replied(String id) {
        try {
            return posts.byId(UUID.fromString(id.strip()))
                    .map(Post::id)
                    .orElseThrow(() -> SandboxError.invalidContent("replyTo: no post " + id + " to reply to."));
        } catch (IllegalArgumentException e) {
            throw SandboxError.invalidContent("replyTo: no post " + id + " to reply to.");
        }
    }

    private Post find(String id) {
        return posts.find(id);
    }

    /** Whether the body asks for a story: {@code kind} is {@code post} (or absent) or {@code story}. */
    private static boolean story(@Nullable String kind) {
        if (kind == null || kind.equals("post")) {
            return false;
        }
        if (kind.equals("story")) {
            return true;
        }
        throw SandboxError.invalidContent("kind: post or story, not " + kind + ".");
    }

    private static @Nullable String link(@Nullable String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String value = link.strip();
        if (!value.startsWith("https://") && !value.startsWith("http://")) {
            throw SandboxError.invalidContent("The link must be an http or https URL.");
        }
        return value;
    }
}
