package herald.agents;

import herald.assets.AssetId;
import herald.connections.ConnectionId;
import herald.publishing.Repeat;
import herald.publishing.ThreadContent;
import herald.shared.LanguageTag;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A post as an agent asks for it: its text, the accounts (by platform name, every granted account of that platform;
 * or by connection id), media from the library, and an optional time.
 *
 * @param scheduleAt absent: publish now (needs POST_CREATE); otherwise an offset instant, a local date-time read in
 *     {@code timezone}, or {@code queue} for the next free slot of the workspace's posting schedule (needs
 *     POST_SCHEDULE)
 * @param waitSeconds how long (0 to 10 s) the call may wait for posts due now to be published, so it can answer
 *     with their URLs
 * @param tags the workspace's labels for the posts (a campaign, a content pillar)
 * @param firstComment a comment Herald writes under each post once it is published (X: a reply), checked against each
 *     account's platform's rules for comments; null or blank: none
 * @param tagLinks whether the posts' links get the workspace's UTM parameters; null: as the workspace's setting says
 * @param variants each account's own text or first comment, by platform or by account ({@link Variant})
 * @param repeat how each account's post repeats (needs POST_SCHEDULE); null: it does not ({@link AgentRepeats})
 * @param shortenLinks whether the posts' links are published as short links that count clicks; null: as the
 *     workspace's setting says
 * @param thread the parts that follow the content as a thread on accounts whose platform has threads (X), each a
 *     reply to the one before, with each part's own media
 * @param language the language the posts are written in (a BCP 47 tag), told to Bluesky and Mastodon; null: the
 *     workspace's language of posts
 */
public record AgentPostRequest(
        @Nullable String content,
        List<String> platforms,
        List<ConnectionId> connectionIds,
        List<AssetId> mediaIds,
        @Nullable String scheduleAt,
        @Nullable String timezone,
        int waitSeconds,
        List<String> tags,
        @Nullable String firstComment,
        @Nullable Boolean tagLinks,
        List<Variant> variants,
        @Nullable Repeat repeat,
        @Nullable Boolean shortenLinks,
        ThreadContent thread,
        @Nullable String language) {

    public static final int MAX_CONTENT = 10_000;
    public static final int MAX_FIRST_COMMENT = 10_000;
    public static final int MAX_TARGETS = 20;
    public static final int MAX_WAIT_SECONDS = 10;

    public AgentPostRequest {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        connectionIds = connectionIds == null ? List.of() : List.copyOf(connectionIds);
        mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
        variants = variants == null ? List.of() : List.copyOf(variants);
        thread = thread == null ? ThreadContent.NONE : thread;
        language = LanguageTag.of(language, "language");
    }

    /** Whether its posts repeat. */
    public boolean repeats() {
        return repeat != null && repeat.repeats();
    }

    /** A request in which every account gets the same text and first comment. */
    public AgentPostRequest(
            @Nullable String content,
            List<String> platforms,
            List<ConnectionId> connectionIds,
            List<AssetId> mediaIds,
            @Nullable String scheduleAt,
            @Nullable String timezone,
            int waitSeconds,
            List<String> tags,
            @Nullable String firstComment,
            @Nullable Boolean tagLinks) {
        this(
                content,
                platforms,
                connectionIds,
                mediaIds,
                scheduleAt,
                timezone,
                waitSeconds,
                tags,
                firstComment,
                tagLinks,
                List.of(),
                null,
                null,
                ThreadContent.NONE,
                null);
    }

    /**
     * The text or first comment of the accounts of one platform (every account of it the request posts to), or of one
     * account the request posts to, in place of the request's own. It names either a platform or an account, and
     * gives content, a first comment, a format ({@code story}: the post's one medium as a story there), or several;
     * what it leaves out is the request's. For an account named by both, the account's variant is the one that counts.
     */
    public record Variant(
            @Nullable String platform,
            @Nullable ConnectionId connectionId,
            @Nullable String content,
            @Nullable String firstComment,
            @Nullable String format,
            @Nullable Boolean noFirstComment) {

        public Variant(
                @Nullable String platform,
                @Nullable ConnectionId connectionId,
                @Nullable String content,
                @Nullable String firstComment,
                @Nullable String format) {
            this(platform, connectionId, content, firstComment, format, null);
        }

        /** Whether its accounts get no first comment although the post has one. */
        public boolean commentOff() {
            return Boolean.TRUE.equals(noFirstComment);
        }

        /** A variant of text and first comment, its accounts' posts in the feed. */
        public Variant(
                @Nullable String platform,
                @Nullable ConnectionId connectionId,
                @Nullable String content,
                @Nullable String firstComment) {
            this(platform, connectionId, content, firstComment, null);
        }
    }
}
