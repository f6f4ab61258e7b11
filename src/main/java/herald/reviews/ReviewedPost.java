package herald.reviews;

import herald.publishing.PostStatus;
import herald.publishing.TargetStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A post as a reviewer sees it. It carries no id of Herald's: {@code ref} names the post only within this link.
 *
 * @param ref the post's reference within the link, derived from the link's secret (useless elsewhere)
 * @param dueAt when it is due (or was published)
 * @param versions the text and first comment each account publishes, its own or the post's
 * @param notes the notes the reviewer may read (see {@link Reviews})
 * @param threadMedia each thread part's media, side by side with each version's {@code thread}
 */
public record ReviewedPost(
        String ref,
        PostStatus status,
        @Nullable Instant dueAt,
        @Nullable String link,
        List<Version> versions,
        List<Medium> media,
        List<String> tags,
        List<Note> notes,
        List<List<Medium>> threadMedia) {

    /**
     * The post on one account.
     *
     * @param firstComment the comment written under it once published: the account's own or the post's; null: none
     * @param story whether the account gets the post's one medium as a story, without its text
     */
    public record Version(
            String account,
            String provider,
            String body,
            @Nullable String firstComment,
            TargetStatus status,
            @Nullable URI url,
            List<String> thread,
            boolean story) {}

    /** An attached medium: its signed, expiring thumbnail and original (never a storage path). */
    public record Medium(String name, String kind, @Nullable URI thumbnail, @Nullable URI url) {}

    /** A note: who wrote it as the reviewer sees them, what, when. */
    public record Note(String author, boolean byReviewer, String body, Instant at) {}

    public boolean awaitingApproval() {
        return status == PostStatus.PENDING_APPROVAL;
    }
}
