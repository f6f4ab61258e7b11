package herald.publishing;

import herald.assets.AssetId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An edit of a post that has not started publishing. A null field stays as it is; {@code targets} replaces them all.
 * {@code draft = false} schedules a draft (validating it); {@code draft = true} takes a scheduled post back to draft.
 * {@code tagLinks} turns the tagging of its links on or off ({@link LinkTagging}); {@code firstComment} replaces its
 * first comment, blank removes it. {@code repeat} sets how it repeats; {@link Repeat#NEVER} stops it. {@code
 * shortenLinks} turns its short links on or off ({@link ShortLinks}); {@code thread} replaces its thread's parts, an
 * empty list removes them ({@link ThreadParts}); {@code threadMedia} replaces the parts' media (side by side with the
 * parts; null: each part keeps the media of the part at its place). {@code language} sets the language it is written in
 * (a BCP 47 tag); blank: the workspace's language of posts.
 */
public record PostChanges(
        @Nullable String body,
        @Nullable String link,
        @Nullable List<AssetId> media,
        @Nullable List<NewPost.NewTarget> targets,
        @Nullable String scheduledAt,
        @Nullable String timezone,
        @Nullable Boolean draft,
        @Nullable Boolean tagLinks,
        @Nullable String firstComment,
        @Nullable Repeat repeat,
        @Nullable Boolean shortenLinks,
        @Nullable List<String> thread,
        @Nullable List<List<AssetId>> threadMedia,
        @Nullable String language) {

    /** An edit that leaves its language as it is. */
    public PostChanges(
            @Nullable String body,
            @Nullable String link,
            @Nullable List<AssetId> media,
            @Nullable List<NewPost.NewTarget> targets,
            @Nullable String scheduledAt,
            @Nullable String timezone,
            @Nullable Boolean draft,
            @Nullable Boolean tagLinks,
            @Nullable String firstComment,
            @Nullable Repeat repeat,
            @Nullable Boolean shortenLinks,
            @Nullable List<String> thread,
            @Nullable List<List<AssetId>> threadMedia) {
        this(
                body,
                link,
                media,
                targets,
                scheduledAt,
                timezone,
                draft,
                tagLinks,
                firstComment,
                repeat,
                shortenLinks,
                thread,
                threadMedia,
                null);
    }

    /** An edit of its texts, media, accounts, time or draft state only; everything else stays as it is. */
    public PostChanges(
            @Nullable String body,
            @Nullable String link,
            @Nullable List<AssetId> media,
            @Nullable List<NewPost.NewTarget> targets,
            @Nullable String scheduledAt,
            @Nullable String timezone,
            @Nullable Boolean draft) {
        this(body, link, media, targets, scheduledAt, timezone, draft, null, null, null, null, null, null);
    }
}
