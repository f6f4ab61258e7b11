package herald.providers.facebook;

import herald.providers.AccountMetrics;
import herald.providers.AccountType;
import herald.providers.CommentRequest;
import herald.providers.ContentRules;
import herald.providers.DiscoveredAccount;
import herald.providers.MediaDownloads;
import herald.providers.PostAddress;
import herald.providers.PostMetrics;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Facebook Pages through Facebook Login and the Graph API (docs/platforms/facebook.md). One consent yields every Page
 * the person may post to, each a connection holding its own Page token. Page tokens read with a long-lived user token
 * do not expire, so Page connections have no expiry and nothing to refresh: when Facebook stops accepting one
 * (password changed, role lost, app removed) the connection needs a reconnect.
 */
@Component
class FacebookProvider extends MetaProvider {

    static final String ID = "facebook";
    static final int COMMENT_MAX_LENGTH = 8_000;
    private static final List<String> REQUIRED = List.of("pages_show_list", "pages_manage_posts");

    private final FacebookSettings settings;
    private final FacebookPosts posts;
    private final GraphComments comments;

    FacebookProvider(
            FacebookSettings settings, GraphUsage usage, MediaDownloads downloads, JsonMapper json, Clock clock) {
        super(ID, "Facebook", settings.graph(), settings.dialogUrl(), settings.scopes(), usage, json, clock);
        this.settings = settings;
        this.posts = new FacebookPosts(graph(), downloads, settings, clock);
        this.comments = new GraphComments(graph(), ID, "Facebook");
    }

    /**
     * Every Page the person lets Herald post to ({@code CREATE_CONTENT} among their tasks), with its Page token. The
     * Page's id is its handle in Herald: it is what every Graph call names, and it never changes.
     */
    @Override
    public List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType) {
        List<String> granted = login().granted(user.accessToken(), REQUIRED);
        List<DiscoveredAccount> accounts = new ArrayList<>();
        for (JsonNode page : login().pages(user.accessToken(), "id,name,access_token,tasks,picture{url}")) {
            String id = page.path("id").asString("");
            String token = page.path("access_token").asString("");
            if (id.isBlank() || token.isBlank() || !mayPost(page)) {
                continue;
            }
            String avatar = page.path("picture").path("data").path("url").asString("");
            accounts.add(new DiscoveredAccount(
                    id,
                    AccountType.COMPANY,
                    id,
                    page.path("name").asString(id),
                    avatar.isBlank() ? null : avatar,
                    new TokenGrant(Secret.of(token), null, null, granted)));
        }
        if (accounts.isEmpty()) {
            throw new ProviderException(
                    ID,
                    Kind.PERMISSION,
                    "The consent on Facebook granted no Page Herald may post to. Choose at least one Page you manage"
                            + " (with a role that can create content) when you connect.");
        }
        return accounts;
    }

    private static boolean mayPost(JsonNode page) {
        JsonNode tasks = page.get("tasks");
        if (tasks == null || !tasks.isArray()) {
            return true;
        }
        for (JsonNode task : tasks) {
            if ("CREATE_CONTENT".equals(task.asString(""))) {
                return true;
            }
        }
        return false;
    }

    /** Text up to 63,206 characters, a link, up to 10 photos of 4 MB; no video (the contracts do not say how). */
    @Override
    public ContentRules contentRules() {
        return new ContentRules(
                settings.maxTextLength(),
                settings.maxPhotos(),
                Set.of("image"),
                settings.maxPhotoSize().toBytes(),
                true);
    }

    @Override
    public List<String> contentProblems(String text, @Nullable URI link, List<PublishRequest.Media> media) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) {
            PublishRequest.Media medium = media.get(i);
            if ("image".equals(medium.kind()) && !FacebookPosts.PHOTO_TYPES.contains(medium.contentType())) {
                problems.add("Facebook takes photos as JPEG, PNG, GIF, BMP or TIFF; image " + (i + 1) + " is "
                        + medium.contentType() + ". Export it as JPEG or PNG.");
            }
        }
        return problems;
    }

    @Override
    public PublishedPost publish(Secret token, PublishRequest request) {
        return posts.publish(token, request);
    }

    @Override
    public Optional<PublishedPost> findExisting(Secret token, PublishRequest request, Instant since) {
        return posts.findExisting(token, request, since);
    }

    /**
     * {@code https://www.facebook.com/{pageId}/posts/{postId}}, both numeric: the Graph id {@code {pageId}_{postId}}.
     * A page's vanity name or a {@code pfbid...} post id cannot be turned into it without asking the platform.
     */
    @Override
    public Optional<String> postIdAt(URI url) {
        return PostAddress.segmentsOn(url, HOSTS)
                .filter(path -> path.size() == 3
                        && path.get(1).equals("posts")
                        && PostAddress.numeric(path.get(0))
                        && PostAddress.numeric(path.get(2)))
                .map(path -> path.get(0) + "_" + path.get(2));
    }

    @Override
    public String postAddressForm() {
        return "https://www.facebook.com/{page id}/posts/{post id}, both numbers";
    }

    private static final Set<String> HOSTS =
            Set.of("facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com");

    /**
     * The Page comments under its own posts, as the Page (its Page token), with {@code pages_manage_engagement}. No
     * rule beyond the length is checked on a comment ({@link #commentProblems} keeps the default): Meta documents none
     * for a Page's comment's message (confidence: medium).
     */
    @Override
    public boolean takesComments() {
        return true;
    }

    /** 8,000 characters: what tools observe Facebook to take in a comment; Meta's reference gives no number. */
    @Override
    public int commentMaxLength() {
        return COMMENT_MAX_LENGTH;
    }

    @Override
    public PublishedComment comment(Secret token, CommentRequest request) {
        return comments.write(token, request.postId(), request.text(), request.accountHandle());
    }

    /**
     * The Page's own comment with the same message, newest first ({@code order=reverse_chronological}): the Page is
     * the comment's {@code from}, and the Page's id is its handle in Herald.
     */
    @Override
    public Optional<PublishedComment> findComment(Secret token, CommentRequest request, Instant since) {
        var query = new java.util.LinkedHashMap<String, String>();
        query.put("fields", "id,message,from{id},created_time,permalink_url");
        query.put("filter", "toplevel");
        query.put("order", "reverse_chronological");
        query.put("limit", "100");
        String page = request.accountHandle();
        return comments.find(
                        token,
                        request.postId(),
                        query,
                        page,
                        since.minusSeconds(2),
                        true,
                        comment -> page.equals(comment.path("from").path("id").asString(""))
                                && request.text().equals(comment.path("message").asString("")))
                .map(comment -> {
                    String link = comment.path("permalink_url").asString("");
                    return new PublishedComment(
                            comment.path("id").asString(), link.isBlank() ? null : URI.create(link));
                });
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
     * The Page's {@code followers_count}, or its {@code fan_count} (likes) where Facebook gives no followers. Neither
     * field is in platform-contracts.md: they are Graph API Page fields relied on here [UNCONFIRMED], read with the
     * Page's own token. Facebook says nothing of follows or posts on these fields.
     */
    @Override
    public Optional<AccountMetrics> accountMetrics(Secret token, String accountId) {
        JsonNode page = graph().get(
                        accountId,
                        Map.of("fields", "followers_count,fan_count"),
                        token,
                        "the Page's followers",
                        accountId);
        Long followers = ProviderJson.count(page, "followers_count");
        if (followers == null) {
            followers = ProviderJson.count(page, "fan_count");
        }
        return followers == null
                ? Optional.empty()
                : Optional.of(new AccountMetrics(followers, null, null, clock().instant()));
    }
}
