package herald.providers.linkedin;

import herald.providers.AccountType;
import herald.providers.ClientAuthentication;
import herald.providers.CommentRequest;
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
import herald.providers.SocialProvider;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LinkedIn (platform-contracts section 4): OAuth 2.0 without PKCE and with the client secret in the form body; a
 * personal connection posts as the member ({@code /v2/userinfo}), a company connection as each page the member
 * administers ({@code organizationAcls}); posts through the versioned Posts API, images through the Images API.
 *
 * <p>Access tokens live 60 days. Refresh tokens come only to apps LinkedIn approved for them: {@link #refreshable()} is
 * true because such an app's grants refresh, and a connection whose grant came without one is held without a refresh
 * token, which the connections module reads as "cannot refresh, reconnect before it expires". Refresh tokens count
 * down from the grant (365 days) whether used or not, so idle connections are not refreshed ahead of need.
 */
@Component
class LinkedInProvider implements SocialProvider {

    static final String ID = "linkedin";
    private static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif");

    private final LinkedInClientSettings settings;
    private final LinkedInApi api;
    private final LinkedInErrors errors;
    private final LinkedInPosts posts;
    private final LinkedInComments comments;
    private final Clock clock;

    LinkedInProvider(LinkedInClientSettings settings, MediaDownloads downloads, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.api = new LinkedInApi(settings);
        this.errors = new LinkedInErrors(json, settings);
        this.posts = new LinkedInPosts(settings, api, errors, downloads, json, clock);
        this.comments = new LinkedInComments(settings, api, errors, json);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "LinkedIn";
    }

    @Override
    public List<AccountType> accountTypes() {
        return List.of(AccountType.PERSONAL, AccountType.COMPANY);
    }

    /** The member's one token posts for the member and every organization the consent listed. */
    @Override
    public boolean oneGrantPerConsent() {
        return true;
    }

    @Override
    public List<String> missingSettings() {
        return settings.missing();
    }

    @Override
    public OAuthSpec oauth() {
        return new OAuthSpec(
                settings.authorizationUrl(),
                settings.tokenUrl(),
                settings.clientId(),
                Map.of(
                        AccountType.PERSONAL, settings.memberScopes(),
                        AccountType.COMPANY, settings.organizationScopes()),
                ",",
                false,
                ClientAuthentication.POST);
    }

    @Override
    public TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri.toString());
        return grant(api.form(settings.tokenUrl(), form, "the authorization code"), "the authorization code");
    }

    @Override
    public TokenGrant refresh(Secret refreshToken) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken.reveal());
        return grant(api.form(settings.tokenUrl(), form, "the token refresh"), "the token refresh");
    }

    @Override
    public void revoke(Secret token) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("token", token.reveal());
        LinkedInAnswer answer = api.form(settings.revokeUrl(), form, "the revocation");
        boolean deadToken = (answer.status() == 400 || answer.status() == 401)
                && !answer.body().contains("invalid_client");
        if (answer.ok() || deadToken) {
            // 400/401 about the token: it is already dead, which is what revoking asks for.
            return;
        }
        throw errors.failure(answer, "the revocation", null);
    }

    @Override
    public List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType) {
        return accountType == AccountType.COMPANY ? organizations(user) : List.of(member(user));
    }

    private DiscoveredAccount member(TokenGrant user) {
        String what = "the member's profile";
        LinkedInAnswer answer = api.get(user.accessToken(), "/v2/userinfo", what);
        if (!answer.ok()) {
            throw errors.failure(answer, what, "openid profile");
        }
        JsonNode me = errors.parse(answer, what);
        String sub = LinkedInPosts.text(me, "sub");
        if (sub == null) {
            throw new ProviderException(ID, Kind.TRANSIENT, "LinkedIn answered " + what + " without the member's id.");
        }
        String name = LinkedInPosts.text(me, "name");
        return new DiscoveredAccount(
                Urns.PERSON + sub,
                AccountType.PERSONAL,
                sub,
                name == null ? "LinkedIn member" : name,
                LinkedInPosts.text(me, "picture"),
                user);
    }

    /** The pages the member administers (role ADMINISTRATOR, approved), each with its name from one batch read. */
    private List<DiscoveredAccount> organizations(TokenGrant user) {
        String what = "the pages the member administers";
        LinkedInAnswer acls = api.get(
                user.accessToken(),
                "/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED&count=100",
                what);
        if (!acls.ok()) {
            throw errors.failure(acls, what, "r_organization_admin");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode acl : errors.parse(acls, what).path("elements")) {
            String organization = LinkedInPosts.text(acl, "organization");
            if (organization != null && organization.startsWith(Urns.ORGANIZATION)) {
                String id = organization.substring(Urns.ORGANIZATION.length());
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        if (ids.isEmpty()) {
            throw new ProviderException(
                    ID,
                    Kind.PERMISSION,
                    "The LinkedIn member administers no company page: Herald posts only to pages where the member"
                            + " has the ADMINISTRATOR role.");
        }
        String names = "the pages' names";
        LinkedInAnswer batch =
                api.get(user.accessToken(), "/rest/organizations?ids=List(" + String.join(",", ids) + ")", names);
        if (!batch.ok()) {
            throw errors.failure(batch, names, "r_organization_admin");
        }
        JsonNode results = errors.parse(batch, names).path("results");
        List<DiscoveredAccount> accounts = new ArrayList<>();
        for (String id : ids) {
            JsonNode organization = results.path(id);
            String name = LinkedInPosts.text(organization, "localizedName");
            String vanityName = LinkedInPosts.text(organization, "vanityName");
            accounts.add(new DiscoveredAccount(
                    Urns.ORGANIZATION + id,
                    AccountType.COMPANY,
                    Urns.COMPANY + (vanityName == null ? id : vanityName),
                    name == null ? "LinkedIn page " + id : name,
                    null,
                    user));
        }
        return accounts;
    }

    /** 3,000 characters; up to 20 images (one, or a multi-image post); a link becomes the post's article. */
    @Override
    public ContentRules contentRules() {
        return new ContentRules(3_000, 20, Set.of("image"), MAX_IMAGE_BYTES, true);
    }

    @Override
    public List<String> contentProblems(String text, @Nullable URI link, List<PublishRequest.Media> media) {
        List<String> problems = new ArrayList<>();
        if (link != null && !media.isEmpty()) {
            problems.add("A LinkedIn post shows either images or a link preview, not both: remove the link or the"
                    + " images, or put the link in the text.");
        }
        for (PublishRequest.Media medium : media) {
            if ("image".equals(medium.kind()) && !IMAGE_TYPES.contains(medium.contentType())) {
                problems.add("LinkedIn takes JPEG, PNG and GIF images; one image is " + medium.contentType() + ".");
            }
        }
        if (text.isBlank() && media.isEmpty() && link == null) {
            problems.add("A LinkedIn post needs text, an image or a link.");
        }
        return problems;
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
        return findExisting(token, request, since, PublishJournal.inMemory());
    }

    @Override
    public Optional<PublishedPost> findExisting(
            Secret token, PublishRequest request, Instant since, PublishJournal journal) {
        return posts.findExisting(token, request, since, journal);
    }

    /**
     * {@code https://www.linkedin.com/feed/update/urn:li:share:N} (or {@code urn:li:ugcPost:N}): the post's URN, which
     * the comments call takes. An {@code urn:li:activity:N} address (what LinkedIn's "copy link to post" often gives)
     * is not read: the documented targets of {@code /rest/socialActions/{urn}/comments} are share and ugcPost URNs,
     * and we are not sure (about 50%) that an activity URN is accepted there, nor how it maps to the post's URN.
     */
    @Override
    public Optional<String> postIdAt(URI url) {
        return PostAddress.segmentsOn(url, Set.of("linkedin.com", "www.linkedin.com"))
                .filter(path -> path.size() == 3
                        && path.get(0).equals("feed")
                        && path.get(1).equals("update")
                        && path.get(2).matches("urn:li:(share|ugcPost):[0-9]{1,30}"))
                .map(path -> path.get(2));
    }

    @Override
    public String postAddressForm() {
        return "https://www.linkedin.com/feed/update/urn:li:share:{id} (or urn:li:ugcPost:{id})";
    }

    /**
     * The author comments under its own posts as itself (the member, or the page), up to 1,250 characters. No rule
     * beyond the length is checked on a comment ({@link #commentProblems} keeps the default): a comment is plain text,
     * not the little text format of a post's commentary, and LinkedIn documents no cap on its hashtags or mentions
     * (confidence: medium).
     */
    @Override
    public boolean takesComments() {
        return true;
    }

    @Override
    public int commentMaxLength() {
        return LinkedInComments.MAX_LENGTH;
    }

    @Override
    public PublishedComment comment(Secret token, CommentRequest request) {
        return comments.comment(token, request);
    }

    @Override
    public Optional<PublishedComment> findComment(Secret token, CommentRequest request, Instant since) {
        return comments.find(token, request, since);
    }

    @Override
    public Optional<PostMetrics> metrics(Secret token, String platformPostId) {
        return posts.metrics(token, platformPostId);
    }

    private TokenGrant grant(LinkedInAnswer answer, String what) {
        if (!answer.ok()) {
            throw errors.failure(answer, what, null);
        }
        JsonNode body = errors.parse(answer, what);
        String access = LinkedInPosts.text(body, "access_token");
        if (access == null) {
            throw new ProviderException(ID, Kind.TRANSIENT, "LinkedIn answered " + what + " without an access token.");
        }
        String refresh = LinkedInPosts.text(body, "refresh_token");
        long expiresIn = body.path("expires_in").asLong(0);
        String scope = LinkedInPosts.text(body, "scope");
        return new TokenGrant(
                Secret.of(access),
                refresh == null ? null : Secret.of(refresh),
                expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null,
                scope == null ? List.of() : Arrays.asList(scope.strip().split("[,\\s]+")));
    }
}
