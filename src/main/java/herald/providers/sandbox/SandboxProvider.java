package herald.providers.sandbox;

import static herald.providers.ProviderJson.text;

import herald.providers.AccountMetrics;
import herald.providers.AccountType;
import herald.providers.ClientAuthentication;
import herald.providers.CommentRequest;
import herald.providers.ContentRules;
import herald.providers.DiscoveredAccount;
import herald.providers.OAuthSpec;
import herald.providers.PlatformAnswer;
import herald.providers.PostMetrics;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import herald.providers.PublishRequest;
import herald.providers.PublishedComment;
import herald.providers.PublishedPost;
import herald.providers.ReceivedComment;
import herald.providers.SocialProvider;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Sandbox platform over its HTTP API (docs/sandbox-api.md), exactly as a real platform is called: OAuth 2.0 with
 * PKCE and HTTP Basic client authentication, one token family per granted account from {@code /api/accounts}.
 */
@Component
class SandboxProvider implements SocialProvider {

    static final String ID = "sandbox";
    private static final List<String> SCOPES = List.of("accounts.read", "posts.write");

    private final SandboxClientSettings settings;
    private final SandboxApi api;
    private final SandboxErrors errors;
    private final SandboxLogin login;
    private final SandboxComments comments;
    private final Clock clock;
    private final JsonMapper json;

    SandboxProvider(SandboxClientSettings settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.errors = new SandboxErrors(json, clock);
        this.api = new SandboxApi(settings);
        this.login = new SandboxLogin(api, errors, clock);
        this.comments = new SandboxComments(api, errors, json);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Sandbox";
    }

    @Override
    public List<AccountType> accountTypes() {
        return List.of(AccountType.values());
    }

    @Override
    public OAuthSpec oauth() {
        return new OAuthSpec(
                settings.endpoint("/oauth/authorize"),
                settings.endpoint("/oauth/token"),
                settings.clientId(),
                Map.of(AccountType.PERSONAL, SCOPES, AccountType.COMPANY, SCOPES, AccountType.PRODUCT, SCOPES),
                " ",
                true,
                ClientAuthentication.BASIC);
    }

    @Override
    public TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri) {
        return login.exchange(code, verifier, redirectUri);
    }

    @Override
    public Duration refreshWhenIdleFor() {
        return settings.refreshWhenIdleFor();
    }

    @Override
    public TokenGrant refresh(Secret refreshToken) {
        return login.refresh(refreshToken);
    }

    @Override
    public void revoke(Secret token) {
        login.revoke(token);
    }

    @Override
    public List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType) {
        return login.discover(user, accountType);
    }

    /** The Sandbox's rules (docs/sandbox-api.md): 500 characters, media by URL up to 10 MB, images and videos. */
    @Override
    public ContentRules contentRules() {
        return new ContentRules(500, 4, Set.of("image", "video"), 10L * 1024 * 1024, true);
    }

    @Override
    public PublishedPost publish(Secret token, PublishRequest request) {
        String what = "the post";
        var body = new LinkedHashMap<String, Object>();
        body.put("text", request.text());
        if (request.link() != null) {
            body.put("link", request.link().toString());
        }
        if (!request.mediaUrls().isEmpty()) {
            body.put(
                    "mediaUrls", request.mediaUrls().stream().map(URI::toString).toList());
        }
        if (request.replyTo() != null) {
            body.put("replyTo", request.replyTo());
        }
        if (request.story()) {
            body.put("kind", "story");
        }
        PlatformAnswer answer = api.createPost(token, json.writeValueAsString(body), what);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        return post(errors.parse(answer, what), what);
    }

    @Override
    public Optional<PublishedPost> findExisting(Secret token, PublishRequest request, Instant since) {
        String what = "the account's recent posts";
        PlatformAnswer answer = api.recentPosts(request.accountHandle(), what);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        for (JsonNode candidate : errors.parse(answer, what).path("data")) {
            Instant created = Instant.parse(candidate.path("createdAt").asString());
            if (created.isBefore(since.minusSeconds(2))) {
                continue;
            }
            String link = text(candidate, "link");
            boolean sameLink = request.link() == null
                    ? link == null
                    : request.link().toString().equals(link);
            String replyTo = text(candidate, "replyTo");
            if (request.text().equals(candidate.path("text").asString(""))
                    && sameLink
                    && java.util.Objects.equals(request.replyTo(), replyTo)
                    && request.format().value().equals(candidate.path("kind").asString("post"))
                    && candidate.path("mediaUrls").size() == request.mediaUrls().size()) {
                return Optional.of(post(candidate, what));
            }
        }
        return Optional.empty();
    }

    /** The address the Sandbox gives its posts, {@code {base-url}/@{handle}#post-{id}}, on its own host: the id. */
    @Override
    public Optional<String> postIdAt(URI url) {
        URI feeds = settings.endpoint("/@");
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        String handle = path.startsWith(feeds.getPath())
                ? path.substring(feeds.getPath().length())
                : "";
        String fragment = url.getFragment() == null ? "" : url.getFragment();
        boolean onSandbox = feeds.getScheme().equalsIgnoreCase(String.valueOf(url.getScheme()))
                && feeds.getHost().equalsIgnoreCase(String.valueOf(url.getHost()))
                && feeds.getPort() == url.getPort()
                && handle.matches("[A-Za-z0-9_]+");
        return onSandbox && fragment.matches("post-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}")
                ? Optional.of(fragment.substring("post-".length()))
                : Optional.empty();
    }

    @Override
    public String postAddressForm() {
        return settings.endpoint("/@") + "{account}#post-{id}";
    }

    /** The Sandbox has threads: a post may answer another ({@code replyTo}), as on X. */
    @Override
    public boolean takesThreads() {
        return true;
    }

    /** The Sandbox takes stories as Instagram does: one image or video, no text ({@code kind: story}). */
    @Override
    public boolean takesStories() {
        return true;
    }

    /**
     * The Sandbox takes comments under the account's own posts, up to 500 characters as its posts, on the post or
     * answering one of its comments.
     */
    @Override
    public boolean takesComments() {
        return true;
    }

    @Override
    public PublishedComment comment(Secret token, CommentRequest request) {
        return comments.comment(token, request);
    }

    @Override
    public Optional<PublishedComment> findComment(Secret token, CommentRequest request, Instant since) {
        return comments.find(token, request, since);
    }

    /** The Sandbox lists a post's comments: its visitors' and their replies, with the account's own. */
    @Override
    public boolean readsComments() {
        return true;
    }

    @Override
    public List<ReceivedComment> comments(Secret token, String accountHandle, String postId, int limit) {
        return comments.received(token, accountHandle, postId, limit);
    }

    /** The Sandbox's counts of a post (docs/sandbox-api.md): they grow with its age for a day. */
    @Override
    public Optional<PostMetrics> metrics(Secret token, String platformPostId) {
        String what = "the post's figures";
        PlatformAnswer answer = api.metrics(token, platformPostId, what);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        errors.parse(answer, what).properties().forEach(field -> {
            if (field.getValue().isIntegralNumber()) {
                counts.put(field.getKey(), field.getValue().asLong());
            }
        });
        return Optional.of(new PostMetrics(counts, clock.instant()));
    }

    @Override
    public boolean countsFollowers() {
        return true;
    }

    /** The account's audience (docs/sandbox-api.md): followers that grow with its age, following, and its posts. */
    @Override
    public Optional<AccountMetrics> accountMetrics(Secret token, String accountId) {
        String what = "the account's followers";
        PlatformAnswer answer = api.audience(token, what);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        JsonNode counts = errors.parse(answer, what);
        Long followers = ProviderJson.count(counts, "followers");
        return followers == null
                ? Optional.empty()
                : Optional.of(new AccountMetrics(
                        followers,
                        ProviderJson.count(counts, "following"),
                        ProviderJson.count(counts, "posts"),
                        clock.instant()));
    }

    private PublishedPost post(JsonNode node, String what) {
        String id = text(node, "id");
        String url = text(node, "url");
        String created = text(node, "createdAt");
        if (id == null || url == null) {
            throw new ProviderException(ID, Kind.UNKNOWN_OUTCOME, "The Sandbox answered " + what + " without an id.");
        }
        return new PublishedPost(id, URI.create(url), created == null ? clock.instant() : Instant.parse(created));
    }
}
