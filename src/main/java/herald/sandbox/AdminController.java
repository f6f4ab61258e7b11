package herald.sandbox;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's knobs for fault tests: faults, token revocation and expiry per account, the counters a test asserts
 * on, and visitors' comments. {@link SandboxGate} lets only requests with the admin token through.
 */
@RestController
@RequestMapping("/sandbox/admin")
class AdminController {

    /** The body of {@code PUT /sandbox/admin/faults}: every field optional, and what is left out is off. */
    record FaultsBody(
            @Nullable Integer latencyMs,
            @Nullable Double errorRate,
            @Nullable Instant rateLimitedUntil,
            @Nullable Boolean timeoutAfterCreate,
            @Nullable Boolean refuseRefresh) {}

    /** The body of {@code POST /sandbox/admin/posts/{postId}/comments}: a visitor's comment. */
    record VisitorComment(@Nullable String name, @Nullable String text, @Nullable String replyTo) {}

    static final int MAX_LATENCY_MS = 120_000;

    private final Faults faults;
    private final Accounts accounts;
    private final Tokens tokens;
    private final Counters counters;
    private final Posts posts;
    private final Comments comments;

    AdminController(
            Faults faults, Accounts accounts, Tokens tokens, Counters counters, Posts posts, Comments comments) {
        this.faults = faults;
        this.accounts = accounts;
        this.tokens = tokens;
        this.counters = counters;
        this.posts = posts;
        this.comments = comments;
    }

    @GetMapping("/faults")
    Map<String, Object> faults() {
        return view(faults.current());
    }

    @PutMapping("/faults")
    Map<String, Object> setFaults(@RequestBody FaultsBody body) {
        int latency = body.latencyMs() == null ? 0 : body.latencyMs();
        double errorRate = body.errorRate() == null ? 0 : body.errorRate();
        if (latency < 0 || latency > MAX_LATENCY_MS) {
            throw invalid("latencyMs must be between 0 and " + MAX_LATENCY_MS + ".");
        }
        if (errorRate < 0 || errorRate > 1 || Double.isNaN(errorRate)) {
            throw invalid("errorRate must be between 0 and 1.");
        }
        faults.set(new Faults.Settings(
                latency,
                errorRate,
                body.rateLimitedUntil(),
                Boolean.TRUE.equals(body.timeoutAfterCreate()),
                Boolean.TRUE.equals(body.refuseRefresh())));
        return view(faults.current());
    }

    @DeleteMapping("/faults")
    Map<String, Object> clearFaults() {
        faults.clear();
        return view(faults.current());
    }

    @PostMapping("/accounts/{handle}/revoke-tokens")
    Map<String, Object> revokeTokens(@PathVariable String handle) {
        return Map.of(
                "handle",
                handle,
                "revokedFamilies",
                tokens.revokeAccount(account(handle).id()));
    }

    @PostMapping("/accounts/{handle}/expire-tokens")
    Map<String, Object> expireTokens(@PathVariable String handle) {
        return Map.of(
                "handle",
                handle,
                "expiredAccessTokens",
                tokens.expireAccessTokens(account(handle).id()));
    }

    /**
     * A visitor's comment under any post, as the feed page's form writes one: the audience that tests, benchmarks and
     * Herald's demo need without a browser.
     */
    @PostMapping("/posts/{postId}/comments")
    ResponseEntity<Map<String, Object>> visitorComment(@PathVariable String postId, @RequestBody VisitorComment body) {
        Post post = posts.find(postId);
        String name = Comments.authorName(body.name());
        String text = body.text() == null ? "" : body.text();
        Comments.validate(text);
        Comment comment = comments.byVisitor(post.id(), name, text, comments.replied(post.id(), body.replyTo()));
        return ResponseEntity.created(URI.create(Views.base() + "/sandbox/api/posts/" + post.id() + "/comments"))
                .body(Views.comment(comment));
    }

    /** Every comment under any post, newest first, as the API lists them: what tests check an answer by. */
    @GetMapping("/posts/{postId}/comments")
    Map<String, Object> postComments(@PathVariable String postId) {
        Post post = posts.find(postId);
        return Map.of(
                "data",
                comments.byPost(post.id(), 100).stream().map(Views::comment).toList());
    }

    @GetMapping("/stats")
    Map<String, Object> stats() {
        Map<String, Long> all = counters.all();
        Map<String, Long> grants = new LinkedHashMap<>();
        grants.put("authorization_code", all.getOrDefault(Counters.GRANT + "authorization_code", 0L));
        grants.put("refresh_token", all.getOrDefault(Counters.GRANT + "refresh_token", 0L));
        Map<String, Long> refreshes = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (name.startsWith(Counters.REFRESH)) {
                refreshes.put(name.substring(Counters.REFRESH.length()), value);
            }
        });
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tokenRequests", grants);
        view.put("refreshesByAccount", refreshes);
        view.put("posts", all.getOrDefault(Counters.POSTS, 0L));
        return view;
    }

    @DeleteMapping("/stats")
    Map<String, Object> resetStats() {
        counters.reset();
        return stats();
    }

    private Account account(String handle) {
        return accounts.byHandle(handle).orElseThrow(() -> SandboxError.notFound("No account @" + handle + "."));
    }

    private static SandboxError invalid(String message) {
        return new SandboxError(HttpStatus.BAD_REQUEST, "invalid_request", message);
    }

    private static Map<String, Object> view(Faults.Settings settings) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("latencyMs", settings.latencyMs());
        view.put("errorRate", settings.errorRate());
        view.put(
                "rateLimitedUntil",
                settings.rateLimitedUntil() == null
                        ? null
                        : settings.rateLimitedUntil().toString());
        view.put("timeoutAfterCreate", settings.timeoutAfterCreate());
        view.put("refuseRefresh", settings.refuseRefresh());
        return view;
    }
}
