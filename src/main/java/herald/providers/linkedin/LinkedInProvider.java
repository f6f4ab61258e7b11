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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
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
    private final LinkedInPosts posts;
    private final LinkedInLogin login;
    private final LinkedInComments comments;

    LinkedInProvider(LinkedInClientSettings settings, MediaDownloads downloads, JsonMapper json, Clock clock) {
        this.settings = settings;
        LinkedInApi api = new LinkedInApi(settings);
        LinkedInErrors errors = new LinkedInErrors(json, settings);
        this.login = new LinkedInLogin(settings, api, errors, clock);
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
        return login.exchange(code, redirectUri);
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

    /** 3,000 characters; up to 20 images (one, or a multi-image post); a link becomes the post's article. */
    /** An API post's link is an article whose title LinkedIn takes as given: it reads no page itself. */
    @Override
    public boolean fillsLinkCards() {
        return true;
    }

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
}
