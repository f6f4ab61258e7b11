package herald.publishing;

import java.util.Locale;

/**
 * What about a post may need a person: a target that failed or may not have been published, a first comment, or a
 * part of its thread.
 */
public enum PostTrouble {
    /** A target failed for good ({@link PostFailed}). */
    FAILED,
    /** Herald cannot tell whether a target was published ({@link PostNeedsAttention}). */
    UNKNOWN,
    /** A first comment failed ({@link PostCommentFailed}, not unknown). */
    COMMENT_FAILED,
    /** Herald cannot tell whether a first comment was written ({@link PostCommentFailed}, unknown). */
    COMMENT_UNKNOWN,
    /** A part of a thread failed, or Herald cannot tell whether it went out ({@link PostThreadFailed}). */
    THREAD_FAILED;

    /** {@code failed}, {@code unknown}, {@code comment_failed}, {@code comment_unknown}, {@code thread_failed}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
