package herald.notifications;

import herald.connections.ConnectionId;
import herald.inbox.InboxCommentReceived;
import herald.publishing.PostId;
import herald.reviews.ReviewFeedback;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What each kind of notification says: a title naming the post (by its first words) or the account, and a line of
 * plain words about what happened, the platform's own where it gave some. Several events about one post add lines to
 * one notification, so a line names its account.
 */
final class Wording {

    static final int EXCERPT = 60;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private Wording() {}

    static NewNotification failed(String slug, PostId post, String excerpt, String account, String reason) {
        return new NewNotification(
                NotificationKind.POST_FAILED,
                "A post failed: " + quoted(excerpt),
                account + " did not publish it: " + reason,
                postPath(slug, post),
                post,
                null);
    }

    static NewNotification needsAttention(
            String slug, PostId post, String excerpt, String account, String explanation) {
        return new NewNotification(
                NotificationKind.POST_NEEDS_ATTENTION,
                "Check whether a post was published: " + quoted(excerpt),
                account + ": " + explanation + " Mark it published or publish it again.",
                postPath(slug, post),
                post,
                null);
    }

    /** @param writable whether Herald can write it again (it knows the post's id on the platform) */
    static NewNotification commentFailed(
            String slug, PostId post, String excerpt, String account, String reason, boolean writable) {
        return new NewNotification(
                NotificationKind.POST_COMMENT_FAILED,
                "A first comment failed: " + quoted(excerpt),
                account + " published the post but did not take its first comment: " + reason
                        + (writable ? " Write the comment again from the post's page." : ""),
                postPath(slug, post),
                post,
                null);
    }

    static NewNotification commentUnknown(
            String slug, PostId post, String excerpt, String account, String explanation) {
        return new NewNotification(
                NotificationKind.POST_COMMENT_UNKNOWN,
                "Check whether a first comment was written: " + quoted(excerpt),
                account + " published the post; Herald cannot tell whether it took the first comment: " + explanation,
                postPath(slug, post),
                post,
                null);
    }

    static NewNotification threadFailed(
            String slug, PostId post, String excerpt, String account, int part, String reason, boolean unknown) {
        return new NewNotification(
                NotificationKind.POST_THREAD_FAILED,
                (unknown
                                ? "Check whether part " + part + " of a thread went out: "
                                : "Part " + part + " of a thread failed: ")
                        + quoted(excerpt),
                account + " published the post; "
                        + (unknown
                                ? "Herald cannot tell whether it took part " + part + " of the thread: " + reason
                                : "it did not take part " + part + " of the thread: " + reason
                                        + " The parts after it wait; publish it again from the post's page."),
                postPath(slug, post),
                post,
                null);
    }

    static NewNotification awaitingApproval(
            String slug, PostId post, String excerpt, @Nullable String createdBy, Instant due, ZoneId zone) {
        String from = createdBy == null || createdBy.isBlank() ? "" : "From " + createdBy + "; ";
        return new NewNotification(
                NotificationKind.POST_AWAITING_APPROVAL,
                "A post awaits approval: " + quoted(excerpt),
                from + "to publish " + DUE.format(due.atZone(zone)) + " once approved.",
                "/w/" + slug + "/approvals#post-" + post,
                post,
                null);
    }

    static NewNotification decided(
            String slug,
            PostId post,
            String excerpt,
            boolean approved,
            boolean backToDrafts,
            @Nullable String by,
            @Nullable String note) {
        String who = by == null || by.isBlank() ? "" : " by " + by;
        String rejected = "Rejected" + who + (note == null ? "." : ": " + quoted(note));
        return new NewNotification(
                NotificationKind.POST_DECIDED,
                (approved ? "Your post was approved: " : "Your post was not approved: ") + quoted(excerpt),
                approved
                        ? "Approved" + who + "; it publishes at its time."
                        : backToDrafts
                                ? rejected + " It is your draft again: change it, then submit it again."
                                : rejected + " It is cancelled; duplicate it to try again.",
                postPath(slug, post),
                post,
                null);
    }

    static NewNotification repeatStopped(String slug, PostId post, String excerpt, String reason) {
        return new NewNotification(
                NotificationKind.POST_REPEAT_STOPPED,
                "A repeating post stopped: " + quoted(excerpt),
                reason + " Fix it, then make the post repeat again from its page (Duplicate, with Repeat).",
                postPath(slug, post),
                post,
                null);
    }

    static NewNotification reviewFeedback(String slug, PostId post, String excerpt, ReviewFeedback feedback) {
        String said = feedback.text() == null || feedback.text().isBlank() ? "" : ": " + quoted(feedback.text());
        String line =
                switch (feedback.kind()) {
                    case COMMENTED -> feedback.reviewer() + " commented" + said;
                    case APPROVED -> feedback.reviewer() + " approved it; it is scheduled.";
                    case CHANGES_REQUESTED -> feedback.reviewer() + " asked for changes; it was cancelled" + said;
                };
        return new NewNotification(
                NotificationKind.REVIEW_FEEDBACK,
                "Client feedback on " + quoted(excerpt),
                line,
                postPath(slug, post) + "#notes",
                post,
                null);
    }

    static NewNotification inboxComment(String slug, PostId post, String excerpt, InboxCommentReceived comment) {
        return new NewNotification(
                NotificationKind.INBOX_COMMENT,
                "New comments on " + quoted(excerpt),
                comment.authorName() + " to @" + comment.account() + ": " + quoted(excerpt(comment.text())),
                "/w/" + slug + "/inbox#comment-" + comment.id(),
                post,
                null);
    }

    static NewNotification needsReconnect(String slug, ConnectionId connection, String account, String reason) {
        return new NewNotification(
                NotificationKind.CONNECTION_NEEDS_RECONNECT,
                "Reconnect " + account,
                "The platform refused to renew Herald's access: " + reason
                        + " Nothing is published through this account until someone reconnects it.",
                "/w/" + slug + "/connections#connection-" + connection.value(),
                null,
                connection);
    }

    /** The post's first words, on one line. */
    static String excerpt(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "(no text)";
        }
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT - 1).stripTrailing() + "…";
    }

    private static String quoted(String excerpt) {
        return "“" + excerpt + "”";
    }

    private static String postPath(String slug, PostId post) {
        return "/w/" + slug + "/posts/" + post;
    }
}
