package herald.publishing;

import herald.assets.AssetId;
import herald.connections.ConnectionId;
import herald.providers.PostFormat;
import herald.shared.LanguageTag;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an author asks for.
 *
 * @param scheduledAt absent: publish now; an offset instant ({@code 2026-03-29T02:30:00+02:00}, {@code ...Z}); a
 *     local date-time ({@code 2026-03-29T09:00}) read in {@code timezone}; or {@link #QUEUE}: the first slot of the
 *     workspace's posting schedule that no other post holds on the same accounts ({@link PostingSchedule})
 * @param timezone an IANA zone such as {@code Europe/Berlin}; needed with a local date-time
 * @param draft saved without validating it against the targets' rules and without scheduling it
 * @param tags the workspace's labels for it, as written ({@link PostTags#read(List)} reads them)
 * @param tagLinks whether its links get the workspace's UTM parameters when published ({@link LinkTagging}); null:
 *     as the workspace's link tagging setting says
 * @param firstComment a comment Herald writes under the post on each account once it is published (the hashtags, a
 *     link, the credits), checked against each platform's rules for comments; null or blank: none
 * @param repeat how it repeats once published (a new post at each next time, see {@link PostRepeats}); null or {@link
 *     Repeat#NEVER}: it does not
 * @param shortenLinks whether its links are published as short links that count clicks ({@link ShortLinks}); null: as
 *     the workspace's setting says when it is created
 * @param thread the parts that follow its text on the accounts whose platform has threads, each a reply to the one
 *     before ({@link ThreadParts}); parts with neither text nor media are dropped ({@link ThreadContent})
 * @param threadMedia each part's media, side by side with {@code thread} (shorter or null: none)
 * @param language the language it is written in (a BCP 47 tag, told to the platforms that take one); null: the
 *     workspace's language of posts
 */
public record NewPost(
        String body,
        @Nullable String link,
        List<AssetId> media,
        List<NewTarget> targets,
        @Nullable String scheduledAt,
        @Nullable String timezone,
        boolean draft,
        List<String> tags,
        @Nullable Boolean tagLinks,
        @Nullable String firstComment,
        @Nullable Repeat repeat,
        @Nullable Boolean shortenLinks,
        List<String> thread,
        List<List<AssetId>> threadMedia,
        @Nullable String language) {

    /** {@code scheduledAt} that asks for the next free slot of the posting schedule. */
    public static final String QUEUE = "queue";

    public NewPost {
        body = body == null ? "" : body;
        media = media == null ? List.of() : List.copyOf(media);
        targets = targets == null ? List.of() : List.copyOf(targets);
        tags = tags == null ? List.of() : List.copyOf(tags);
        firstComment = firstComment == null || firstComment.isBlank() ? null : firstComment.strip();
        repeat = repeat == null || !repeat.repeats() ? null : repeat;
        ThreadContent kept = ThreadContent.of(thread, threadMedia);
        thread = kept.parts();
        threadMedia = kept.media();
        language = LanguageTag.of(language, "language");
    }

    /** A post in the workspace's language of posts. */
    public NewPost(
            String body,
            @Nullable String link,
            List<AssetId> media,
            List<NewTarget> targets,
            @Nullable String scheduledAt,
            @Nullable String timezone,
            boolean draft,
            List<String> tags,
            @Nullable Boolean tagLinks,
            @Nullable String firstComment,
            @Nullable Repeat repeat,
            @Nullable Boolean shortenLinks,
            List<String> thread,
            List<List<AssetId>> threadMedia) {
        this(
                body,
                link,
                media,
                targets,
                scheduledAt,
                timezone,
                draft,
                tags,
                tagLinks,
                firstComment,
                repeat,
                shortenLinks,
                thread,
                threadMedia,
                null);
    }

    /** Its thread as kept. */
    public ThreadContent threadContent() {
        return new ThreadContent(thread, threadMedia);
    }

    /** A post that does not repeat, without a thread, its links shortened as the workspace's setting says. */
    public NewPost(
            String body,
            @Nullable String link,
            List<AssetId> media,
            List<NewTarget> targets,
            @Nullable String scheduledAt,
            @Nullable String timezone,
            boolean draft,
            List<String> tags,
            @Nullable Boolean tagLinks,
            @Nullable String firstComment) {
        this(
                body,
                link,
                media,
                targets,
                scheduledAt,
                timezone,
                draft,
                tags,
                tagLinks,
                firstComment,
                null,
                null,
                List.of(),
                List.of());
    }

    /** A post with tags, as the workspace's settings say for the rest. */
    public NewPost(
            String body,
            @Nullable String link,
            List<AssetId> media,
            List<NewTarget> targets,
            @Nullable String scheduledAt,
            @Nullable String timezone,
            boolean draft,
            List<String> tags) {
        this(body, link, media, targets, scheduledAt, timezone, draft, tags, null, null);
    }

    /** A post without tags, as the workspace's settings say for the rest. */
    public NewPost(
            String body,
            @Nullable String link,
            List<AssetId> media,
            List<NewTarget> targets,
            @Nullable String scheduledAt,
            @Nullable String timezone,
            boolean draft) {
        this(body, link, media, targets, scheduledAt, timezone, draft, List.of(), null, null);
    }

    /**
     * A copy of {@code original} for the queue's next free slot on its accounts: its texts, link, media, tags, first
     * comments, link tagging and thread (with the parts' media); not its repeat. Its links are shortened as the workspace's setting says now.
     */
    public static NewPost queuedCopyOf(Post original) {
        NewPost copy = new NewPost(
                original.body(),
                original.link(),
                original.media(),
                original.targets().stream().map(NewTarget::of).toList(),
                QUEUE,
                null,
                false,
                original.tags(),
                original.tagLinks(),
                original.firstComment());
        return copy.withThread(original.threadContent()).inLanguage(original.language());
    }

    /** This post with {@code parts} as its thread, without media. */
    public NewPost withThread(List<String> parts) {
        return withThread(ThreadContent.of(parts, null));
    }

    /** This post with {@code thread} as its thread. */
    public NewPost withThread(ThreadContent thread) {
        return with(thread.parts(), thread.media(), language);
    }

    /** This post, written in {@code language} (null: the workspace's language of posts). */
    public NewPost inLanguage(@Nullable String language) {
        return with(thread, threadMedia, language);
    }

    private NewPost with(List<String> thread, List<List<AssetId>> threadMedia, @Nullable String language) {
        return new NewPost(
                body,
                link,
                media,
                targets,
                scheduledAt,
                timezone,
                draft,
                tags,
                tagLinks,
                firstComment,
                repeat,
                shortenLinks,
                thread,
                threadMedia,
                language);
    }

    /** Whether it asks for the next free slot of the posting schedule. */
    public boolean queued() {
        return scheduledAt != null && QUEUE.equalsIgnoreCase(scheduledAt.strip());
    }

    /**
     * One chosen connection, with its own text and its own first comment when they should differ from the post's (a
     * blank first comment is none of its own), or with no first comment at all although the post has one ({@code
     * commentOff}: its own comment is then dropped).
     */
    public record NewTarget(
            ConnectionId connection,
            @Nullable String body,
            @Nullable String firstComment,
            PostFormat format,
            boolean commentOff) {

        public NewTarget {
            firstComment = commentOff || firstComment == null || firstComment.isBlank() ? null : firstComment.strip();
            format = format == null ? PostFormat.POST : format;
        }

        public NewTarget(
                ConnectionId connection, @Nullable String body, @Nullable String firstComment, PostFormat format) {
            this(connection, body, firstComment, format, false);
        }

        /** A feed post on the account. */
        public NewTarget(ConnectionId connection, @Nullable String body, @Nullable String firstComment) {
            this(connection, body, firstComment, PostFormat.POST);
        }

        public NewTarget(ConnectionId connection, @Nullable String body) {
            this(connection, body, null);
        }

        /** {@code target} as asked for again: its account, own text, own first comment and format. */
        public static NewTarget of(Target target) {
            return new NewTarget(
                    target.connection(), target.body(), target.firstComment(), target.format(), target.commentOff());
        }

        /** Whether it asks for a story. */
        public boolean story() {
            return format == PostFormat.STORY;
        }
    }
}
