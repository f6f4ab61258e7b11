package herald.providers.x;

import herald.providers.AccountType;
import herald.providers.AuthorizationRequest;
import herald.providers.ClientAuthentication;
import herald.providers.ContentRules;
import herald.providers.DiscoveredAccount;
import herald.providers.MediaDownloads;
import herald.providers.OAuthSpec;
import herald.providers.PostMetrics;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.providers.PublishedPost;
import herald.providers.SocialProvider;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * X (API v2, platform-contracts.md 0 and 1): OAuth 2.0 authorization code with PKCE as a confidential client, one
 * account per consent ({@code /2/users/me}), posts with up to 4 images or one video or GIF through the v2 chunked
 * media upload, threads as replies, reconciliation from the account's timeline, and post metrics. Every address is
 * {@link XClientSettings}; without a client id and secret the platform shows as not configured.
 */
@Component
class XProvider implements SocialProvider {

    static final String ID = "x";
    static final List<String> SCOPES =
            List.of("tweet.read", "tweet.write", "users.read", "media.write", "offline.access");

    /** X's 2.167 OpenAPI document (the one its SDKs are generated from) names the post fields {@code post.fields}. */
    static final String POST_FIELDS = "post.fields";

    private static final String ID_PATTERN = "[0-9]{1,19}";
    /** How many pages of the timeline (100 posts each) reconciliation reads before it gives up. */
    private static final int TIMELINE_PAGES = 5;

    private final XClientSettings settings;
    private final XApiClient api;
    private final XErrors errors;
    private final XMediaUpload media;
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
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri.toString());
        if (verifier != null) {
            form.add("code_verifier", verifier.reveal());
        }
        form.add("client_id", settings.clientId());
        return grant(
                api.postForm(settings.tokenUrl(), form, "the authorization code"), "the authorization code", false);
    }

    @Override
    public TokenGrant refresh(Secret refreshToken) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken.reveal());
        form.add("client_id", settings.clientId());
        return grant(api.postForm(settings.tokenUrl(), form, "the token refresh"), "the token refresh", true);
    }

    @Override
    public void revoke(Secret token) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("token", token.reveal());
        form.add("client_id", settings.clientId());
        XAnswer answer = api.postForm(settings.revokeUrl(), form, "the revocation");
        // X answers a token it no longer knows with 400 invalid_request: revoking a dead token is no error.
        if (!answer.ok() && answer.status() != 400) {
            throw errors.tokenFailure(answer, "the revocation", false);
        }
    }

    @Override
    public List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType) {
        String what = "the account's profile";
        JsonNode me = me(user.accessToken(), "?user.fields=profile_image_url", what);
        String username = text(me, "username");
        String name = text(me, "name");
        return List.of(new DiscoveredAccount(
                text(me, "id"),
                accountType,
                username,
                name.isBlank() ? username : name,
                me.hasNonNull("profile_image_url") ? me.get("profile_image_url").asString() : null,
                user));
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
        String what = "the post";
        XAnswer answer = api.create(settings.api("/2/tweets"), token, body, what);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        // X took the post: an answer Herald cannot read leaves it unknown, never worth a blind second try.
        JsonNode data;
        try {
            data = errors.parse(answer, what).path("data");
        } catch (ProviderException e) {
            data = null;
        }
        String id = data == null ? "" : data.path("id").asString("");
        if (id.isBlank()) {
            throw new ProviderException(
                    ID, Kind.UNKNOWN_OUTCOME, "X accepted the post but answered without a readable id.");
        }
        return new PublishedPost(id, url(request.accountHandle(), id), clock.instant());
    }

    /**
     * Reads the account's timeline since {@code since} (X filters by {@code start_time}) and matches by fingerprint:
     * the text as X keeps it (URLs shortened, entities escaped, a reply's mentions in front) and the number of media.
     */
    @Override
    public Optional<PublishedPost> findExisting(Secret token, PublishRequest request, Instant since) {
        String what = "the account's recent posts";
        String userId = text(me(token, "", what), "id");
        String wanted = XContent.fingerprint(XContent.text(request.text(), request.link()));
        Instant from = since.minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        String page = null;
        for (int i = 0; i < TIMELINE_PAGES; i++) {
            String query = "?max_results=100&exclude=retweets&start_time=" + from + "&" + POST_FIELDS
                    + "=created_at,attachments" + (page == null ? "" : "&pagination_token=" + page);
            XAnswer answer = api.get(settings.api("/2/users/" + userId + "/tweets" + query), token, what);
            if (!answer.ok()) {
                throw errors.failure(answer, what);
            }
            JsonNode body = errors.parse(answer, what);
            for (JsonNode candidate : body.path("data")) {
                Instant created = instant(candidate.path("created_at").asString(""));
                if (created != null
                        && !created.isBefore(from)
                        && wanted.equals(
                                XContent.fingerprint(candidate.path("text").asString("")))
                        && candidate.path("attachments").path("media_keys").size()
                                == request.media().size()) {
                    String id = candidate.path("id").asString();
                    return Optional.of(new PublishedPost(id, url(request.accountHandle(), id), created));
                }
            }
            page = body.path("meta").path("next_token").asString(null);
            if (page == null || page.isBlank()) {
                return Optional.empty();
            }
        }
        throw new ProviderException(
                ID,
                Kind.UNKNOWN_OUTCOME,
                "The account posted more than " + TIMELINE_PAGES * 100 + " times since the attempt; Herald cannot"
                        + " tell whether X has this post.");
    }

    /** {@code public_metrics}: impressions, likes, replies, reposts, quotes and bookmarks. */
    @Override
    public Optional<PostMetrics> metrics(Secret token, String platformPostId) {
        if (!platformPostId.matches(ID_PATTERN)) {
            return Optional.empty();
        }
        String what = "the post's metrics";
        XAnswer answer = api.get(
                settings.api("/2/tweets/" + platformPostId + "?" + POST_FIELDS + "=public_metrics"), token, what);
        if (!answer.ok()) {
            if (answer.status() == 404) {
                return Optional.empty();
            }
            throw errors.failure(answer, what);
        }
        // A deleted post answers 200 with errors[] and no data.
        JsonNode counts = errors.parse(answer, what).path("data").path("public_metrics");
        if (!counts.isObject()) {
            return Optional.empty();
        }
        Map<String, Long> metrics = new LinkedHashMap<>();
        Map.of(
                        "impression_count", "impressions",
                        "like_count", "likes",
                        "reply_count", "replies",
                        "retweet_count", "reposts",
                        "quote_count", "quotes",
                        "bookmark_count", "bookmarks")
                .forEach((field, name) -> {
                    if (counts.has(field)) {
                        metrics.put(name, counts.get(field).asLong());
                    }
                });
        return Optional.of(new PostMetrics(metrics, clock.instant()));
    }

    private JsonNode me(Secret token, String query, String what) {
        XAnswer answer = api.get(settings.api("/2/users/me" + query), token, what);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        JsonNode data = errors.parse(answer, what).path("data");
        if (!data.path("id").asString("").matches(ID_PATTERN)
                || data.path("username").asString("").isBlank()) {
            throw new ProviderException(ID, Kind.TRANSIENT, "X answered " + what + " without the account's id.");
        }
        return data;
    }

    private URI url(String handle, String id) {
        return handle.isBlank() ? settings.post("i/web", id) : settings.post(handle, id);
    }

    private TokenGrant grant(XAnswer answer, String what, boolean refreshing) {
        if (!answer.ok()) {
            throw errors.tokenFailure(answer, what, refreshing);
        }
        JsonNode body = errors.parse(answer, what);
        String access = text(body, "access_token");
        if (access.isBlank()) {
            throw new ProviderException(ID, Kind.TRANSIENT, "X answered " + what + " without an access token.");
        }
        String refresh = text(body, "refresh_token");
        long expiresIn = body.path("expires_in").asLong(0);
        String scope = text(body, "scope");
        return new TokenGrant(
                Secret.of(access),
                refresh.isBlank() ? null : Secret.of(refresh),
                expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null,
                scope.isBlank() ? List.of() : Arrays.asList(scope.strip().split("\\s+")));
    }

    private static @Nullable Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString().strip();
    }
}
