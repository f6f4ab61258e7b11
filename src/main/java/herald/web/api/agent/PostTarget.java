package herald.web.api.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import herald.publishing.Target;
import herald.publishing.TargetComment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One account of an agent's post as the agent API answers it (and the MCP tools, as structured content): its status,
 * its own text, and how its first comment and thread went.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostTarget(
        UUID connectionId,
        String platform,
        String account,
        String status,
        @Nullable URI url,
        @Nullable String error,
        @Nullable Instant publishedAt,
        @Schema(description = "The post's first comment on this account; absent when it has none.") @Nullable
                Comment comment,
        @Schema(
                        description = "This account's own text (from a variant), in place of the post's content;"
                                + " absent when it posts the post's content.")
                @Nullable
                String content,
        @Schema(
                        description = "This account's own first comment (from a variant), in place of the post's;"
                                + " absent when it has the post's.")
                @Nullable
                String firstComment,
        @Schema(
                        description = "How each part of the post's thread went on this account, in order (part 2"
                                + " first); absent when it publishes no thread.")
                @Nullable
                List<ThreadPart> thread,
        @Schema(
                        description = "post, or story: the post's one medium as a story.",
                        allowableValues = {"post", "story"})
                String format) {

    static PostTarget of(Target t) {
        return new PostTarget(
                t.connection().value(),
                t.provider(),
                t.account(),
                t.status().value(),
                t.platformUrl(),
                t.lastError(),
                t.publishedAt(),
                Comment.of(t.comment()),
                t.body(),
                t.firstComment(),
                t.thread().isEmpty()
                        ? null
                        : t.thread().stream().map(ThreadPart::of).toList(),
                t.format().value());
    }

    /** Where one part of a post's thread stands on one account. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgentThreadPart")
    public record ThreadPart(
            @Schema(description = "Its place in the thread: 2 for the first part after the post's own text.") int part,
            @Schema(
                            description = "waiting: for the post, or the part before, to be published. posting: being"
                                    + " published. posted: out (url). failed: error says why; the parts after it are"
                                    + " skipped. unknown: sent, and the platform could not say whether it took it; a"
                                    + " member settles it.",
                            allowableValues = {"waiting", "posting", "posted", "failed", "unknown", "skipped"})
                    String status,
            @Nullable URI url,
            @Nullable String error) {

        static ThreadPart of(herald.publishing.ThreadPart p) {
            return new ThreadPart(p.position() + 1, p.status().value(), p.url(), p.lastError());
        }
    }

    /** Where a post's first comment stands on one account. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgentPostComment")
    public record Comment(
            @Schema(
                            description = "waiting: for the post to be published on this account. posting: being"
                                    + " written. posted: under the post (url, where the platform gives one). failed:"
                                    + " error says why. unknown: sent, and the platform could not say whether it"
                                    + " took it; a member settles it. skipped: the post was not published here.",
                            allowableValues = {"waiting", "posting", "posted", "failed", "unknown", "skipped"})
                    String status,
            @Nullable URI url,
            @Schema(description = "The platform's words for the last failure, or why the outcome is unknown.") @Nullable
                    String error) {

        static @Nullable Comment of(@Nullable TargetComment c) {
            return c == null ? null : new Comment(c.status().value(), c.url(), c.lastError());
        }
    }
}
