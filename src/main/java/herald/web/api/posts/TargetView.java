package herald.web.api.posts;

import herald.publishing.AttemptHistory;
import herald.publishing.Target;
import herald.publishing.TargetComment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One target of a post as the API shows it: its account, status, what the platform said, its comment and thread. */
@Schema(name = "PostTarget")
record TargetView(
        UUID id,
        UUID connectionId,
        String provider,
        @Schema(description = "The account, e.g. Sandbox @krusty.") String account,
        @Schema(description = "This platform's own text, when it differs from the post's.", nullable = true) @Nullable
                String body,
        @Schema(
                        description = "held: scheduled, but publishing to its account is paused; it waits until"
                                + " the account is resumed.",
                        allowableValues = {
                            "scheduled",
                            "held",
                            "publishing",
                            "published",
                            "failed",
                            "unknown",
                            "cancelled"
                        })
                String status,
        int attempts,
        @Nullable String platformPostId,
        @Nullable URI platformUrl,
        @Schema(
                        description = "The platform's words for the last failure, or why the outcome is unknown"
                                + " and what to do.",
                        nullable = true)
                @Nullable
                String lastError,
        @Schema(description = "When the next attempt is due, for a scheduled target.", nullable = true) @Nullable
                Instant nextAttemptAt,
        @Nullable Instant publishedAt,
        @Schema(
                        description = "Every call Herald made (or began) to the platform for this target, oldest"
                                + " first. Only in a single post's view; left out of listings.",
                        nullable = true)
                @Nullable
                List<AttemptView> attemptLog,
        @Schema(description = "This account's own first comment, when it differs from the post's.", nullable = true)
                @Nullable
                String firstComment,
        @Schema(description = "How its first comment went; null when it has none.", nullable = true) @Nullable
                CommentView comment,
        @Schema(
                        description = "How each part of the post's thread went on this account, in order (part 2"
                                + " first); empty when it publishes no thread.")
                List<ThreadPartView> thread,
        @Schema(
                        description = "post, or story: the post's one medium as a story (docs/stories.md).",
                        allowableValues = {"post", "story"})
                String format,
        @Schema(description = "True when this account gets no first comment although the post has one.")
                boolean noFirstComment) {

    static TargetView of(Target t, @Nullable List<AttemptHistory.Attempt> log) {
        return new TargetView(
                t.id().value(),
                t.connection().value(),
                t.provider(),
                t.account(),
                t.body(),
                t.status().value(),
                t.attempts(),
                t.platformPostId(),
                t.platformUrl(),
                t.lastError(),
                t.nextAttemptAt(),
                t.publishedAt(),
                log == null ? null : log.stream().map(AttemptView::of).toList(),
                t.firstComment(),
                CommentView.of(t.comment()),
                t.thread().stream().map(ThreadPartView::of).toList(),
                t.format().value(),
                t.commentOff());
    }

    @Schema(name = "TargetThreadPart")
    record ThreadPartView(
            @Schema(description = "Its place in the thread: 2 for the first part after the post's own text.") int part,
            @Schema(
                            description = "waiting: for the post, or the part before, to be published. posting: being"
                                    + " published (or retried). skipped: the post or a part before did not go out."
                                    + " unknown: sent, and the platform could not say whether it took it (confirm it"
                                    + " with its address, or publish it again).",
                            allowableValues = {"waiting", "posting", "posted", "failed", "unknown", "skipped"})
                    String status,
            int attempts,
            @Schema(description = "The part's own address on the platform.", nullable = true) @Nullable URI url,
            @Schema(description = "The platform's words for the last failure, or why it is unknown.", nullable = true)
                    @Nullable
                    String lastError,
            @Nullable Instant postedAt) {

        static ThreadPartView of(herald.publishing.ThreadPart p) {
            return new ThreadPartView(
                    p.position() + 1, p.status().value(), p.attempts(), p.url(), p.lastError(), p.postedAt());
        }
    }

    @Schema(name = "TargetComment")
    record CommentView(
            @Schema(
                            description = "waiting: for the target to be published. posting: being written (or"
                                    + " retried). skipped: the target was not published. unknown: sent, and the"
                                    + " platform could not say whether it took it (confirm it or write it again).",
                            allowableValues = {"waiting", "posting", "posted", "failed", "unknown", "skipped"})
                    String status,
            int attempts,
            @Schema(description = "The comment's own address, where the platform gives one.", nullable = true) @Nullable
                    URI url,
            @Schema(description = "The platform's words for the last failure, or why it is unknown.", nullable = true)
                    @Nullable
                    String lastError,
            @Nullable Instant postedAt) {

        static @Nullable CommentView of(@Nullable TargetComment c) {
            return c == null
                    ? null
                    : new CommentView(c.status().value(), c.attempts(), c.url(), c.lastError(), c.postedAt());
        }
    }

    @Schema(name = "PublishAttempt")
    record AttemptView(
            @Schema(description = "1 for the target's first attempt.") int number,
            Instant startedAt,
            @Schema(description = "Null while it is running (or its node stopped mid-call).", nullable = true) @Nullable
                    Instant finishedAt,
            @Schema(description = "The Herald node that ran it.") String node,
            @Schema(
                            description = "Whether it first asked the platform if an earlier attempt had already"
                                    + " published the post.")
                    boolean reconciling,
            @Schema(
                            description = "How it ended; null while unfinished. reconciled: the platform already had"
                                    + " the post. retry: a temporary failure, tried again later. fenced: a newer"
                                    + " attempt took over.",
                            allowableValues = {"published", "reconciled", "retry", "failed", "unknown", "fenced"},
                            nullable = true)
                    @Nullable
                    String outcome,
            @Schema(description = "What went wrong, in the platform's words or Herald's explanation.", nullable = true)
                    @Nullable
                    String error) {

        static AttemptView of(AttemptHistory.Attempt a) {
            return new AttemptView(
                    a.number(), a.startedAt(), a.finishedAt(), a.node(), a.reconciling(), a.outcome(), a.detail());
        }
    }
}
