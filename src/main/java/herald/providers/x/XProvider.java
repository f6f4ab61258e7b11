package herald.providers.x;

import herald.providers.AccountMetrics;
import herald.providers.AccountType;
import herald.providers.AuthorizationRequest;
import herald.providers.ClientAuthentication;
import herald.providers.CommentRequest;
import herald.providers.ContentRules;
import herald.providers.DiscoveredAccount;
import herald.providers.MediaDownloads;
import herald.providers.MetricsBatch;
import herald.providers.OAuthSpec;
import herald.providers.PostAddress;
import herald.providers.PostMetrics;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.providers.PublishedComment;
import herald.providers.PublishedPost;
import herald.providers.SocialProvider;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * X (API v2, platform-contracts.md 0 and 1): OAuth 2.0 authorization code with PKCE as a confidential client, one
 * account per consent ({@code /2/users/me}), posts with up to 4 images or one video or GIF through the v2 chunked
 * media upload, threads as replies, comments as replies to the account's own posts, reconciliation from the account's
 * timeline, post metrics (many posts a call)
 * and the account's followers. Every address is
 * {@link XClientSettings}; without a client id and secret the platform shows as not configured.
 */
@Component
class XProvider implements SocialProvider {

    static final String ID = "x";
    static final List<String> SCOPES =
            List.of("tweet.read", "tweet.write", "users.read", "media.write", "offline.access");

    private final XClientSettings settings;
    private final XApiClient api;
    private final XErrors errors;
    private final XMediaUpload media;
    private final XTimeline timeline;
    private final XMetrics metrics;
    private final XLogin login;
    private final Clock clock;

    @Autowired
    XProvider(XClientSettings settings, JsonMapper json, Clock clock, MediaDownloads downloads) {
        this(settings, json, clock, downloads, Thread::sleep);
    }

    XProvider(
            XClientSettings settings,
            JsonMapper json,
            Clock clock,
            MediaDownloads downloads,
            XMediaUpload.Pause pause) {
        this.settings = settings;
        this.clock = clock;
        this.errors = new XErrors(json, clock);
        this.api = new XApiClient(settings, json);
        this.media = new XMediaUpload(settings, api, errors, downloads, clock, pause);
        this.timeline = new XTimeline(settings, api, errors, clock);
        this.metrics = new XMetrics(settings, api, errors, timeline, clock);
        this.login = new XLogin(settings, api, errors, timeline, clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "X";
    }

    /**
     * X has one kind of account: a person's profile, a company's or a product's brand account are the same to X, so
     * each is offered and the consenting account is connected as the type the person chose.
     */
    @Override
    public List<AccountType> accountTypes() {
        return List.of(AccountType.PERSONAL, AccountType.COMPANY, AccountType.PRODUCT);
    }

    @Override
    public OAuthSpec oauth() {
        return new OAuthSpec(
                settings.authorizeUrl(),
                settings.tokenUrl(),
                settings.clientId(),
                Map.of(AccountType.PERSONAL, SCOPES, AccountType.COMPANY, SCOPES, AccountType.PRODUCT, SCOPES),
                " ",
                true,
                ClientAuthentication.BASIC);
    }

    @Override
    public List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (settings.clientId().isBlank()) {
            missing.add("HERALD_X_CLIENT_ID");
        }
        if (settings.clientSecret().isBlank()) {
            missing.add("HERALD_X_CLIENT_SECRET");
        }
        return missing;
    }

    /** The standard query, with spaces as {@code %20} as X's docs write the scope list. */
    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        // URLEncoder writes a space as '+' and a '+' as %2B, so every '+' left is a space.
        return URI.create(
                SocialProvider.super.authorizationUrl(request).toString().replace("+", "%20"));
    }

    @Override
    public TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri) {
        return login.exchange(code, verifier, redirectUri);
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

    @Override
    public ContentRules contentRules() {
        return XContent.rules();
    }

    @Override
    public List<String> contentProblems(String text, @Nullable URI link, List<PublishRequest.Media> media) {
        return XContent.problems(text, link, media);
    }

    @Override
    public PublishedPost publish(Secret token, PublishRequest request) {
        return publish(token, request, PublishJournal.inMemory());
    }

    @Override
    public PublishedPost publish(Secret token, PublishRequest request, PublishJournal journal) {
        List<String> mediaIds = media.upload(token, request.media(), journal);
        var body = new LinkedHashMap<String, Object>();
        String text = XContent.text(request.text(), request.link());
        if (!text.isBlank()) {
            body.put("text", text);
        }
        if (!mediaIds.isEmpty()) {
            body.put("media", Map.of("media_ids", mediaIds));
        }
        if (request.replyTo() != null) {
            body.put("reply", Map.of("in_reply_to_tweet_id", request.replyTo()));
        }
        String id = errors.createdId(api.create(settings.api("/2/tweets"), token, body, "the post"), "the post");
        return new PublishedPost(id, settings.post(request.accountHandle(), id), clock.instant());
    }

    @Override
    public Optional<PublishedPost> findExisting(Secret token, PublishRequest request, Instant since) {
        return timeline.find(token, request, since);
    }

    /** {@code https://x.com/{user}/status/{id}} (or twitter.com, and {@code /i/web/status/{id}}): the post's id. */
    @Override
    public Optional<String> postIdAt(URI url) {
        return PostAddress.segmentsOn(url, HOSTS).flatMap(path -> {
            int status =
                    path.size() >= 4 && path.get(0).equals("i") && path.get(1).equals("web") ? 2 : 1;
            return path.size() > status + 1
                            && path.get(status).equals("status")
                            && PostAddress.numeric(path.get(status + 1))
                    ? Optional.of(path.get(status + 1))
                    : Optional.empty();
        });
    }

    @Override
    public String postAddressForm() {
        return "https://x.com/{account}/status/{id}";
    }

    private static final Set<String> HOSTS =
            Set.of("x.com", "www.x.com", "mobile.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com");

    /** A thread on X is a chain of posts, each a reply to the one before ({@code reply.in_reply_to_tweet_id}). */
    @Override
    public boolean takesThreads() {
        return true;
    }

    /** A comment on X is a reply to the account's own post, weighed as a post (280, twitter-text). */
    @Override
    public boolean takesComments() {
        return true;
    }

    @Override
    public int commentMaxLength() {
        return XContent.MAX_LENGTH;
    }

    @Override
    public List<String> commentProblems(String text) {
        return XContent.commentProblems(text);
    }

    @Override
    public PublishedComment comment(Secret token, CommentRequest request) {
        var body = new LinkedHashMap<String, Object>();
        body.put("text", request.text());
        body.put("reply", Map.of("in_reply_to_tweet_id", request.postId()));
        String id = errors.createdId(api.create(settings.api("/2/tweets"), token, body, "the reply"), "the reply");
        return new PublishedComment(id, settings.post(request.accountHandle(), id));
    }

    @Override
    public Optional<PublishedComment> findComment(Secret token, CommentRequest request, Instant since) {
        return timeline.findReply(token, request, since);
    }

    @Override
    public Optional<PostMetrics> metrics(Secret token, String platformPostId) {
        return metrics.post(token, platformPostId);
    }

    /** Up to 100 posts a call ({@code GET /2/tweets?ids=}). */
    @Override
    public MetricsBatch metrics(Secret token, List<String> platformPostIds) {
        return metrics.posts(token, platformPostIds);
    }

    @Override
    public boolean countsFollowers() {
        return true;
    }

    @Override
    public Optional<AccountMetrics> accountMetrics(Secret token, String accountId) {
        return metrics.account(token, accountId);
    }
}
