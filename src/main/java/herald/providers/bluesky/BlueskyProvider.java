package herald.providers.bluesky;

import herald.providers.AccountMetrics;
import herald.providers.AccountType;
import herald.providers.CommentRequest;
import herald.providers.ConnectMethod;
import herald.providers.ContentRules;
import herald.providers.DiscoveredAccount;
import herald.providers.MediaDownloads;
import herald.providers.MetricsBatch;
import herald.providers.OAuthSpec;
import herald.providers.PostAddress;
import herald.providers.PostMetrics;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishJournal;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bluesky (the AT Protocol, platform-contracts.md 6.2): a person connects with their handle and an app password, which
 * Herald spends on one {@code createSession} and forgets; the session's JWTs are then kept and rotated like any
 * tokens. Posts are {@code app.bsky.feed.post} records written at a record key Herald chose beforehand (so exactly
 * once), with facets for links, mentions and hashtags, up to 4 images or a link card; threads and comments are
 * replies. Every call goes to {@link BlueskySettings#serviceUrl()}.
 */
@Component
class BlueskyProvider implements SocialProvider {

    static final String ID = "bluesky";

    /** Refresh JWTs lapse when unused (about 90 days, unconfirmed): a quiet connection is renewed well before. */
    private static final Duration IDLE = Duration.ofDays(30);

    private final BlueskySettings settings;
    private final JsonMapper json;
    private final BlueskySessions sessions;
    private final BlueskyPosts posts;
    private final BlueskyMetrics metrics;
    private final BlueskyComments comments;

    @Autowired
    BlueskyProvider(BlueskySettings settings, JsonMapper json, Clock clock, MediaDownloads downloads) {
        this(settings, json, clock, downloads, Tids.random(clock));
    }

    BlueskyProvider(BlueskySettings settings, JsonMapper json, Clock clock, MediaDownloads downloads, Tids tids) {
        this.settings = settings;
        this.json = json;
        BlueskyXrpc xrpc = new BlueskyXrpc(settings);
        BlueskyErrors errors = new BlueskyErrors(json, clock);
        BlueskyRecords records = new BlueskyRecords(xrpc, errors, json);
        PostRecords postRecords = new PostRecords(records, new BlueskyRichText(xrpc, errors, json), json);
        this.sessions = new BlueskySessions(xrpc, errors, json);
        this.comments = new BlueskyComments(settings, xrpc, errors, json);
        this.posts = new BlueskyPosts(
                settings,
                records,
                postRecords,
                new BlueskyImages(xrpc, errors, downloads, json),
                comments,
                errors,
                tids,
                json,
                clock);
        this.metrics = new BlueskyMetrics(xrpc, errors, clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Bluesky";
    }

    @Override
    public List<AccountType> accountTypes() {
        return List.of(AccountType.PERSONAL);
    }

    @Override
    public ConnectMethod connectMethod() {
        return ConnectMethod.APP_PASSWORD;
    }

    /** Bluesky connects with an app password here; atproto OAuth (DPoP, PAR) is not supported. */
    @Override
    public OAuthSpec oauth() {
        throw new UnsupportedOperationException("Bluesky connects with an app password, not OAuth.");
    }

    @Override
    public List<String> missingSettings() {
        return settings.missing();
    }

    @Override
    public DiscoveredAccount signIn(String identifier, Secret appPassword) {
        return sessions.signIn(identifier, appPassword);
    }

    @Override
    public TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri) {
        throw new UnsupportedOperationException("Bluesky connects with an app password, not an authorization code.");
    }

    /** The account the session's access JWT belongs to (its {@code sub}). */
    @Override
    public List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType) {
        String did = SessionJwt.of(json, user.accessToken()).did();
        if (did == null) {
            throw new ProviderException(ID, Kind.PERMISSION, "The Bluesky session does not say whose it is.");
        }
        return List.of(sessions.account(user, did, did));
    }

    @Override
    public TokenGrant refresh(Secret refreshToken) {
        return sessions.refresh(refreshToken);
    }

    @Override
    public void revoke(Secret token) {
        sessions.revoke(token);
    }

    @Override
    public Duration refreshWhenIdleFor() {
        return IDLE;
    }

    @Override
    public ContentRules contentRules() {
        return BlueskyContent.rules();
    }

    @Override
    public List<String> contentProblems(String text, @Nullable URI link, List<PublishRequest.Media> media) {
        return BlueskyContent.problems(text, link);
    }

    @Override
    public PublishedPost publish(Secret token, PublishRequest request) {
        return publish(token, request, PublishJournal.inMemory());
    }

    @Override
    public PublishedPost publish(Secret token, PublishRequest request, PublishJournal journal) {
        return posts.publish(token, request, journal);
    }

    @Override
    public Optional<PublishedPost> findExisting(Secret token, PublishRequest request, Instant since) {
        return posts.find(token, request, since);
    }

    @Override
    public Optional<PublishedPost> findExisting(
            Secret token, PublishRequest request, Instant since, PublishJournal journal) {
        return posts.findExisting(token, request, since, journal);
    }

    /** Bluesky shows a link as the card the record carries: it reads no page itself. */
    @Override
    public boolean fillsLinkCards() {
        return true;
    }

    /** The card's {@code thumb} blob: at most 1,000,000 bytes (the lexicon's {@code app.bsky.embed.external}). */
    @Override
    public int linkCardImageBytes() {
        return 1_000_000;
    }

    /** A thread is a chain of replies, each answering the part before, all under the thread's first post. */
    @Override
    public boolean takesLanguage() {
        return true;
    }

    @Override
    public boolean takesThreads() {
        return true;
    }

    /** A comment is a reply to the account's own post, held to a post's rules (300 graphemes). */
    @Override
    public boolean takesComments() {
        return true;
    }

    @Override
    public List<String> commentProblems(String text) {
        return BlueskyContent.commentProblems(text);
    }

    @Override
    public PublishedComment comment(Secret token, CommentRequest request) {
        return posts.comment(token, request);
    }

    @Override
    public Optional<PublishedComment> findComment(Secret token, CommentRequest request, Instant since) {
        return posts.findComment(token, request, since);
    }

    /** The replies in the thread under the account's post, read from Bluesky's app view. */
    @Override
    public boolean readsComments() {
        return true;
    }

    @Override
    public List<ReceivedComment> comments(Secret token, String accountHandle, String postId, int limit) {
        return comments.under(token, accountHandle, postId, limit);
    }

    /**
     * {@code https://bsky.app/profile/{handle or DID}/post/{rkey}}: the post's {@code at://} URI, with the handle as
     * the repo when the address has one (Bluesky takes either, and answers with the DID).
     */
    @Override
    public Optional<String> postIdAt(URI url) {
        Set<String> hosts = new HashSet<>(Set.of("bsky.app", "www.bsky.app"));
        if (settings.webUrl().getHost() != null) {
            hosts.add(settings.webUrl().getHost().toLowerCase(Locale.ROOT));
        }
        return PostAddress.segmentsOn(url, hosts)
                .filter(path -> path.size() == 4
                        && path.get(0).equals("profile")
                        && path.get(2).equals("post"))
                .flatMap(path -> AtUri.parse("at://" + path.get(1) + "/" + AtUri.POSTS + "/" + path.get(3)))
                .map(AtUri::toString);
    }

    @Override
    public String postAddressForm() {
        return "https://bsky.app/profile/{account}/post/{id}";
    }

    @Override
    public Optional<PostMetrics> metrics(Secret token, String platformPostId) {
        MetricsBatch batch = metrics(token, List.of(platformPostId));
        ProviderException refused = batch.refused().get(platformPostId);
        if (refused != null) {
            throw refused;
        }
        return Optional.ofNullable(batch.counted().get(platformPostId));
    }

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
