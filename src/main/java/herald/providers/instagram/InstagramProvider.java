package herald.providers.instagram;

import herald.providers.AccountMetrics;
import herald.providers.AccountType;
import herald.providers.CommentRequest;
import herald.providers.ContentRules;
import herald.providers.DiscoveredAccount;
import herald.providers.PostMetrics;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.providers.PublishedComment;
import herald.providers.PublishedPost;
import herald.providers.TokenGrant;
import herald.providers.meta.GraphComments;
import herald.providers.meta.GraphUsage;
import herald.providers.meta.MetaProvider;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instagram professional (Business and Creator) accounts through Facebook Login (docs/platforms/instagram.md): the
 * Instagram accounts linked to the Pages a person grants become connections. Each holds the token of its Page, which
 * does not expire when read with a long-lived user token; the Instagram account's id is read from that Page at each
 * publish, so a Page relinked to another account is noticed instead of posted to.
 */
@Component
class InstagramProvider extends MetaProvider {

    static final String ID = "instagram";
    private static final List<String> REQUIRED =
            List.of("pages_show_list", "instagram_basic", "instagram_content_publish");

    private final InstagramSettings settings;
    private final InstagramRules rules;
    private final InstagramPosts posts;
    private final GraphComments comments;

    InstagramProvider(InstagramSettings settings, GraphUsage usage, JsonMapper json, Clock clock) {
        super(ID, "Instagram", settings.graph(), settings.dialogUrl(), settings.scopes(), usage, json, clock);
        this.settings = settings;
        this.rules = new InstagramRules(settings);
        this.posts = new InstagramPosts(graph(), rules, settings, clock);
        this.comments = new GraphComments(graph(), ID, "Instagram");
    }

    /** Instagram fetches JPEG only: a PNG or GIF reaches it as Herald's JPEG copy (MediaLinks.Variant.JPEG). */
    @Override
    public boolean jpegImagesOnly() {
        return true;
    }

    @Override
    public List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType) {
        List<String> granted = login().granted(user.accessToken(), REQUIRED);
        List<DiscoveredAccount> accounts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode page : login().pages(
                        user.accessToken(),
                        "id,name,access_token,instagram_business_account{id,username,name,profile_picture_url}")) {
            JsonNode account = page.path("instagram_business_account");
            String id = account.path("id").asString("");
            String username = account.path("username").asString("");
            String token = page.path("access_token").asString("");
            if (id.isBlank() || username.isBlank() || token.isBlank() || !seen.add(id)) {
                continue;
            }
            String name = account.path("name").asString("");
            String picture = account.path("profile_picture_url").asString("");
            accounts.add(new DiscoveredAccount(
                    id,
                    AccountType.COMPANY,
                    username,
                    name.isBlank() ? username : name,
                    picture.isBlank() ? null : picture,
                    new TokenGrant(Secret.of(token), null, null, granted)));
        }
        if (accounts.isEmpty()) {
            throw new ProviderException(
                    ID,
                    Kind.PERMISSION,
                    "None of the Facebook Pages the consent granted has an Instagram professional account linked."
                            + " Switch the Instagram account to Business or Creator, link it to a Page you manage, and"
                            + " connect again choosing that Page.");
        }
        return accounts;
    }

    /** A 2,200-character caption, 1 to 10 media (a carousel from 2), no link: Instagram captions do not link. */
    @Override
    public ContentRules contentRules() {
        return new ContentRules(
                settings.maxCaptionLength(),
                settings.maxCarousel(),
                Set.of("image", "video"),
                Math.max(
                        settings.maxImageSize().toBytes(),
                        settings.maxVideoSize().toBytes()),
                false);
    }

    @Override
    public List<String> contentProblems(String text, @Nullable URI link, List<PublishRequest.Media> media) {
        return rules.problems(text, media);
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
        return posts.findExisting(token, request, since);
    }

    @Override
    public Optional<PublishedPost> findExisting(
            Secret token, PublishRequest request, Instant since, PublishJournal journal) {
        return posts.findExisting(token, request, since, journal);
    }

    /**
     * The account comments under its own media ({@code instagram_manage_comments}), up to 2,200 characters as a
     * caption ({@link #commentMaxLength()} keeps the default). No other rule is checked on a comment
     * ({@link #commentProblems} keeps the default): Meta's IG Media Comments reference names none but live video, and
     * the hashtag and mention caps (30 hashtags, 20 mentions; 5 hashtags announced in 2025) are documented for
     * captions, not comments. Confidence that a comment has no such cap: medium; refusing a comment on a caption's
     * rule would refuse what Instagram may take, and a comment Instagram refuses fails with its words.
     */
    @Override
    public boolean takesComments() {
        return true;
    }

    /**
     * Stories (platform-contracts.md 3.1): a container of {@code media_type=STORIES} with the one image's or video's URL,
     * published as a feed post's is. Instagram takes no caption on a story through the API. Confidence: high for the
     * container's fields (Meta's reference); a story's own limits (its length, 9:16) are Instagram's to refuse.
     */
    @Override
    public boolean takesStories() {
        return true;
    }

    @Override
    public PublishedComment comment(Secret token, CommentRequest request) {
        return comments.write(token, request.postId(), request.text(), null);
    }

    /**
     * The account's own comment with the same text: Instagram names a comment's author by {@code username}, which is
     * the account's handle in Herald. The edge's order is not documented, so every page is read.
     */
    @Override
    public Optional<PublishedComment> findComment(Secret token, CommentRequest request, Instant since) {
        var query = new java.util.LinkedHashMap<String, String>();
        query.put("fields", "id,text,username,timestamp");
        query.put("limit", "50");
        return comments.find(
                        token,
                        request.postId(),
                        query,
                        null,
                        since.minusSeconds(2),
                        false,
                        comment -> request.accountHandle()
                                        .equalsIgnoreCase(
                                                comment.path("username").asString(""))
                                && request.text().equals(comment.path("text").asString("")))
                .map(comment -> new PublishedComment(comment.path("id").asString(), null));
    }

    @Override
    public Optional<PostMetrics> metrics(Secret token, String platformPostId) {
        return posts.metrics(token, platformPostId);
    }

    @Override
    public boolean countsFollowers() {
        return true;
    }

    /**
     * The Instagram account's {@code followers_count}, {@code follows_count} and {@code media_count}, read with its
     * Page's token. These IG User fields are not in platform-contracts.md (which names only account-level insights,
     * 3.1): they are relied on here as Meta's Graph API reference gives them [UNCONFIRMED].
     */
    @Override
    public Optional<AccountMetrics> accountMetrics(Secret token, String accountId) {
        JsonNode account = graph().get(
                        accountId,
                        Map.of("fields", "followers_count,follows_count,media_count"),
                        token,
                        "the account's followers",
                        null);
        Long followers = ProviderJson.count(account, "followers_count");
        return followers == null
                ? Optional.empty()
                : Optional.of(new AccountMetrics(
                        followers,
                        ProviderJson.count(account, "follows_count"),
                        ProviderJson.count(account, "media_count"),
                        clock().instant()));
    }
}
