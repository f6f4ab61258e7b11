package herald.web.api.agent;

import herald.agents.AgentPostRequest;
import herald.assets.AssetId;
import herald.connections.ConnectionId;
import herald.publishing.Repeat;
import herald.publishing.ThreadContent;
import herald.shared.InvalidInput;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/agent/posts}, and the arguments of the MCP tool {@code create_post}. */
public record AgentPostBody(
        @Schema(
                        description = "The text of the post. Each platform's own limits apply (X: 280 weighted"
                                + " characters). Leave it out only when variants give every account its own content.",
                        nullable = true)
                @Nullable
                String content,
        @Schema(
                        description = "Post to every account of these platforms that this agent was granted, e.g."
                                + " [\"x\", \"facebook\"]. Give either platforms or connectionIds.",
                        nullable = true)
                @Nullable
                List<String> platforms,
        @Schema(description = "Post to exactly these accounts (ids from GET /api/v1/agent/accounts).", nullable = true)
                @Nullable
                List<UUID> connectionIds,
        @Schema(description = "Media from the library (ids from GET /api/v1/agent/assets).", nullable = true) @Nullable
                List<UUID> mediaIds,
        @Schema(
                        description = "When to publish: an instant with offset (2026-03-29T09:00:00+02:00) or a local"
                                + " date-time read in 'timezone'. Left out: publish now.",
                        nullable = true)
                @Nullable
                String scheduleAt,
        @Schema(description = "IANA zone for a local scheduleAt, e.g. Europe/Berlin.", nullable = true) @Nullable
                String timezone,
        @Schema(
                        description = "Wait up to this many seconds (0-10) for posts due now to be published, to"
                                + " answer with their URLs.",
                        nullable = true)
                @Nullable
                Integer waitSeconds,
        @Schema(
                        description = "The workspace's labels for the posts (a campaign, a content pillar): at most 10,"
                                + " each up to 40 characters, no commas.",
                        nullable = true)
                @Nullable
                List<String> tags,
        @Schema(
                        description = "A comment Herald writes under the post on each account once the post is"
                                + " published: the hashtags, a link or the credits, kept out of the post itself. X"
                                + " gets it as a reply to the post. Checked when the post is created against each"
                                + " account's platform: where the platform takes no comments, or the comment is"
                                + " longer than its limit for comments, that account gets invalid_content (field"
                                + " firstComment) and no post, and the others get theirs. At most 10,000 characters;"
                                + " left out or blank: none. Each account's result and post show the comment's"
                                + " status.",
                        nullable = true,
                        maxLength = 10000)
                @Nullable
                String firstComment,
        @Schema(
                        description = "Whether the http(s) links in the post get the workspace's UTM parameters"
                                + " (utm_source, utm_medium, ...) when it is published, so the company's web analytics"
                                + " can tell which account a visit came from. true: tag them; false: publish links"
                                + " exactly as written; left out: as the workspace's link tagging setting says.",
                        nullable = true)
                @Nullable
                Boolean tagLinks,
        @Schema(
                        description = "Each platform's or account's own text or first comment, in place of content and"
                                + " firstComment: e.g. a short text for X and a longer one for LinkedIn. Each variant"
                                + " names either a platform (every account of it this post goes to) or a connectionId"
                                + " (one account this post goes to), at most once, and gives content, firstComment or"
                                + " both; what it leaves out is the post's. An account's own variant counts over its"
                                + " platform's. Each account's platform then checks the text it gets; a refusal names"
                                + " the variant's field, e.g. variants[0].content.",
                        nullable = true)
                @Nullable
                List<Variant> variants,
        @Schema(
                        description = "Make each account's post repeat at the same local time, e.g. a weekly special."
                                + " Once a post's time comes, Herald makes the next, which is the agent's like the"
                                + " first (in its posts, counted against its grant's daily cap on the day it is made,"
                                + " held for approval where the grant says so). Needs POST_SCHEDULE on each account;"
                                + " the series ends once the agent is paused or loses the grant. Left out: a single"
                                + " post.",
                        nullable = true)
                @Nullable
                RepeatBody repeat,
        @Schema(
                        description = "Whether the http(s) links in the post are published as short links on Herald's"
                                + " address that count clicks (not on Instagram), so the company sees what each post"
                                + " brought: true: shorten them; false: publish links as written; left out: as the"
                                + " workspace's shortenLinks setting says.",
                        nullable = true)
                @Nullable
                Boolean shortenLinks,
        @Schema(
                        description = "The parts that follow content as a thread on the accounts whose platform has"
                                + " threads (X): each is published right after, as a reply to the one before, and"
                                + " checked as a post of its own (X: 280 weighted characters each); at most 24. Other"
                                + " platforms get the post alone. An account with a thread takes no firstComment.",
                        nullable = true)
                @Nullable
                List<String> thread,
        @Schema(
                        description = "Each thread part's media (asset ids from the library), side by side with thread:"
                                + " [[], [id]] gives the second part one image; a part may be media alone (its text"
                                + " \"\"). Checked as a post's media on each account with a thread (X: 4 images).",
                        nullable = true)
                @Nullable
                List<@Nullable List<UUID>> threadMediaIds,
        @Schema(
                        description = "The language the post is written in, a BCP 47 tag such as en, de or pt-BR, told"
                                + " to Bluesky and Mastodon (their readers' language feeds and translations); left out:"
                                + " the workspace's language of posts.",
                        nullable = true,
                        example = "en")
                @Nullable
                String language) {

    @Schema(name = "AgentPostRepeat")
    public record RepeatBody(
            @Schema(allowableValues = {"day", "week", "two_weeks", "four_weeks", "month"}) String every,
            @Schema(description = "The last local day a post of the series may fall on; null: no end.", nullable = true)
                    @Nullable
                    LocalDate until) {

        Repeat toRepeat() {
            if (every == null || every.isBlank()) {
                throw new InvalidInput(
                        "repeat.every", "Say how often it repeats: day, week, two_weeks, four_weeks or month.");
            }
            return new Repeat(Repeat.Every.of(every), until);
        }
    }

    /** One platform's or one account's own text or first comment. */
    public record Variant(
            @Schema(description = "A platform this post goes to, e.g. x. Give this or connectionId.", nullable = true)
                    @Nullable
                    String platform,
            @Schema(description = "An account this post goes to. Give this or platform.", nullable = true) @Nullable
                    UUID connectionId,
            @Schema(description = "Its text, at most 10,000 characters.", nullable = true, maxLength = 10000) @Nullable
                    String content,
            @Schema(description = "Its first comment, at most 10,000 characters.", nullable = true, maxLength = 10000)
                    @Nullable
                    String firstComment,
            @Schema(
                            description = "post (the default) or story: the post's one image or video as a story on"
                                    + " these accounts, with no text, on a platform that takes stories (instagram,"
                                    + " sandbox).",
                            nullable = true,
                            allowableValues = {"post", "story"})
                    @Nullable
                    String format,
            @Schema(
                            description = "true: these accounts get no first comment although the post has one (its"
                                    + " hashtags kept off LinkedIn); the variant's own firstComment is then ignored.",
                            nullable = true)
                    @Nullable
                    Boolean noFirstComment) {

        AgentPostRequest.Variant toVariant() {
            return new AgentPostRequest.Variant(
                    platform,
                    connectionId == null ? null : new ConnectionId(connectionId),
                    content,
                    firstComment,
                    format,
                    noFirstComment);
        }
    }

    public AgentPostRequest toRequest() {
        return new AgentPostRequest(
                content,
                platforms,
                connectionIds == null
                        ? null
                        : connectionIds.stream().map(ConnectionId::new).toList(),
                mediaIds == null ? null : mediaIds.stream().map(AssetId::new).toList(),
                scheduleAt,
                timezone,
                waitSeconds == null ? 0 : waitSeconds,
                tags == null ? List.of() : tags,
                firstComment,
                tagLinks,
                variants == null
                        ? null
                        : variants.stream()
                                .map(v -> v == null
                                        ? new AgentPostRequest.Variant(null, null, null, null)
                                        : v.toVariant())
                                .toList(),
                repeat == null ? null : repeat.toRepeat(),
                shortenLinks,
                ThreadContent.of(
                        thread,
                        threadMediaIds == null
                                ? null
                                : threadMediaIds.stream()
                                        .map(part -> part == null
                                                ? List.<AssetId>of()
                                                : part.stream()
                                                        .filter(java.util.Objects::nonNull)
                                                        .map(AssetId::new)
                                                        .toList())
                                        .toList()),
                language);
    }
}
