package herald.providers.mastodon;

import herald.providers.AccountMetrics;
import herald.providers.AccountType;
import herald.providers.AuthorizationRequest;
import herald.providers.CommentRequest;
import herald.providers.ConnectMethod;
import herald.providers.ContentRules;
import herald.providers.DiscoveredAccount;
import herald.providers.MediaDownloads;
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
import herald.providers.ServerClients;
import herald.providers.ServerLimits;
import herald.providers.SocialProvider;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mastodon (platform-contracts.md 6.1): every server is its own platform, so a person names theirs, Herald registers
 * itself there the first time ({@link #server}) and the OAuth consent happens at that server ({@link
 * ConnectMethod#SERVER_OAUTH}). The token Herald keeps names its server and Herald's client there ({@link
 * MastodonCredential}), and every call goes to that server. Statuses go out with an idempotency key noted before the
 * first send (exactly once), with up to 4 media; threads and comments are replies.
 */
@Component
class MastodonProvider implements SocialProvider {

    static final String ID = "mastodon";

    private final MastodonSettings settings;
    private final MastodonServers servers;
    private final MastodonOAuth oauth;
    private final MastodonStatuses statuses;
    private final MastodonMetrics metrics;
    private final MastodonComments comments;
    private final ServerLimits serverLimits;

    MastodonProvider(
            MastodonSettings settings,
            JsonMapper json,
            Clock clock,
            MediaDownloads downloads,
            ServerClients clients,
            ServerLimits serverLimits) {
        this.settings = settings;
        this.serverLimits = serverLimits;
        MastodonApi api = new MastodonApi(settings);
        MastodonErrors errors = new MastodonErrors(json, clock);
        this.servers = new MastodonServers(settings, api, errors, clients, serverLimits);
        this.oauth = new MastodonOAuth(servers, api, errors, json);
        this.statuses = new MastodonStatuses(
                api, errors, new MastodonMedia(settings, api, errors, downloads), oauth, json, clock);
        this.metrics = new MastodonMetrics(api, errors, json, clock);
        this.comments = new MastodonComments(api, errors, json);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Mastodon";
    }

    @Override
    public List<AccountType> accountTypes() {
        return List.of(AccountType.PERSONAL);
    }

    @Override
    public ConnectMethod connectMethod() {
        return ConnectMethod.SERVER_OAUTH;
    }

    /**
     * Mastodon has no one OAuth flow: its endpoints and Herald's client differ per server, so the consent is built by
     * {@link #authorizationUrl} and exchanged by {@link #exchange(String, Secret, URI, String)}, both with the server.
     */
    @Override
    public OAuthSpec oauth() {
        throw new UnsupportedOperationException("Mastodon's OAuth is per server: see authorizationUrl and exchange.");
    }

    @Override
    public List<String> missingSettings() {
        return settings.missing();
    }

    @Override
    public String server(String named, URI redirectUri) {
        if (!settings.enabled()) {
            throw new ProviderException(ID, Kind.PERMISSION, "Mastodon is turned off on this Herald.");
        }
        return servers.name(named, redirectUri);
    }

    /** The consent at the request's server, with Herald's client there, the scopes and PKCE S256. */
    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        return oauth.authorizationUrl(request);
    }

    @Override
    public TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri) {
        throw new UnsupportedOperationException("Mastodon exchanges a code at the server the consent was given on.");
    }

    @Override
    public TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri, @Nullable String server) {
        return oauth.exchange(code, verifier, redirectUri, server);
    }

    @Override
    public List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType) {
        return List.of(oauth.discover(user, accountType));
    }

    /** Mastodon's tokens do not expire and come without a refresh token. */
    @Override
    public boolean refreshable() {
        return false;
    }

    @Override
    public TokenGrant refresh(Secret refreshToken) {
        throw new ProviderException(
                ID,
                Kind.PERMISSION,
                "Mastodon tokens do not expire and cannot be refreshed; connect the account again.");
    }

    @Override
    public void revoke(Secret token) {
        oauth.revoke(token);
    }

    @Override
    public ContentRules contentRules() {
        return MastodonContent.rules();
    }

    @Override
    public List<String> contentProblems(String text, @Nullable URI link, List<PublishRequest.Media> media) {
        return MastodonContent.problems(text, link, media);
    }

    /** What the account's server said a status may carry when Herald last read it, else Mastodon's defaults. */
    @Override
    public ContentRules contentRules(String accountId) {
        return MastodonContent.rules(limits(accountId));
    }

    @Override
    public List<String> contentProblems(
            String accountId, String text, @Nullable URI link, List<PublishRequest.Media> media) {
        return MastodonContent.problems(text, link, media, limits(accountId));
    }

    /** A reply is a status: the server's own limit. */
    @Override
    public int commentMaxLength(String accountId) {
        return limits(accountId).maxCharacters();
    }

    /** The limits of the server in an account's id ({@code {id}@{server}}), as kept; the defaults when none are. */
    private ServerLimits.Limits limits(String accountId) {
        int at = accountId.indexOf('@');
        return at < 0
                ? MastodonContent.DEFAULTS
                : serverLimits.find(ID, accountId.substring(at + 1)).orElse(MastodonContent.DEFAULTS);
    }

    @Override
    public PublishedPost publish(Secret token, PublishRequest request) {
        return statuses.publish(token, request);
    }

    @Override
    public PublishedPost publish(Secret token, PublishRequest request, PublishJournal journal) {
        return statuses.publish(token, request, journal);
    }

    @Override
    public Optional<PublishedPost> findExisting(Secret token, PublishRequest request, Instant since) {
        return statuses.find(token, request, since);
    }

    @Override
    public Optional<PublishedPost> findExisting(
            Secret token, PublishRequest request, Instant since, PublishJournal journal) {
        return statuses.find(token, request, since);
    }

    /** A thread is a chain of replies, each answering the part before ({@code in_reply_to_id}). */
    @Override
    public boolean takesLanguage() {
        return true;
    }

    @Override
    public boolean takesThreads() {
        return true;
    }

    /** A comment is a reply to the account's own status, held to a status's rules. */
    @Override
    public boolean takesComments() {
        return true;
    }

    @Override
    public PublishedComment comment(Secret token, CommentRequest request) {
        return statuses.comment(token, request);
    }

    @Override
    public Optional<PublishedComment> findComment(Secret token, CommentRequest request, Instant since) {
        return statuses.findComment(token, request, since);
    }

    /** The replies under the account's status, at any depth, read from its server. */
    @Override
    public boolean readsComments() {
        return true;
    }

    @Override
    public List<ReceivedComment> comments(Secret token, String accountHandle, String postId, int limit) {
        return comments.under(token, accountHandle, postId, limit);
    }

    /**
     * {@code https://{server}/@{user}/{id}} or {@code https://{server}/users/{user}/statuses/{id}}: the status's id.
     * Servers are many and their names unknown here, so any host is read; the id means something only at the
     * account's own server, and {@code @{user}@{other server}} (a status seen from another server) is not read.
     */
    @Override
    public Optional<String> postIdAt(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null || url.getPath() == null) {
            return Optional.empty();
        }
        List<String> path = Arrays.stream(url.getPath().split("/"))
                .filter(segment -> !segment.isEmpty())
                .toList();
        boolean at =
                path.size() == 2 && path.get(0).startsWith("@") && path.get(0).indexOf('@', 1) < 0;
        boolean users =
                path.size() == 4 && path.get(0).equals("users") && path.get(2).equals("statuses");
        String id = at ? path.get(1) : users ? path.get(3) : null;
        return id != null && PostAddress.numeric(id) ? Optional.of(id) : Optional.empty();
    }

    @Override
    public String postAddressForm() {
        return "https://{server}/@{account}/{id}";
    }

    @Override
    public Optional<PostMetrics> metrics(Secret token, String platformPostId) {
        return metrics.post(token, platformPostId);
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
