package herald.web.api.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import herald.agents.AgentAccount;
import herald.agents.TargetOutcome;
import herald.assets.Asset;
import herald.publishing.Post;
import herald.publishing.Target;
import herald.publishing.TargetComment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the agent API answers. Shared with the MCP tools, which answer the same shapes as structured content. */
public final class AgentApiViews {

    private AgentApiViews() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(
            String platform,
            @Nullable UUID connectionId,
            @Nullable String account,
            @Nullable UUID postId,
            @Schema(
                            description = "held: scheduled, but publishing to the account is paused by a person; it"
                                    + " waits until they resume it.",
                            allowableValues = {
                                "pending_approval",
                                "scheduled",
                                "held",
                                "publishing",
                                "published",
                                "failed",
                                "unknown"
                            })
                    @Nullable
                    String status,
            @Nullable Instant scheduledAt,
            @Nullable URI url,
            @Schema(allowableValues = {"not_connected", "no_permission", "quota_exceeded", "invalid_content"}) @Nullable
                    String error,
            @Nullable String detail,
            @Schema(description = "The post's first comment on this account; absent when it has none.") @Nullable
                    Comment comment) {

        public static Outcome of(TargetOutcome o) {
            return new Outcome(
                    o.platform(),
                    o.connection() == null ? null : o.connection().value(),
                    o.account(),
                    o.post() == null ? null : o.post().value(),
                    o.status(),
                    o.scheduledAt(),
                    o.url(),
                    o.error() == null ? null : o.error().value(),
                    o.detail(),
                    Comment.of(o.comment()));
        }
    }

    public record Results(
            @Schema(description = "How many posts were created (one per account).") int created,
            List<Outcome> results) {

        public static Results of(List<TargetOutcome> outcomes) {
            return new Results(
                    (int) outcomes.stream().filter(TargetOutcome::created).count(),
                    outcomes.stream().map(Outcome::of).toList());
        }
    }

    public record Account(
            UUID connectionId,
            String platform,
            String name,
            String username,
            String status,
            List<String> capabilities,
            boolean requiresApproval,
            @Nullable Integer dailyCap,
            @Nullable Integer postsLeftToday) {

        public static Account of(AgentAccount a) {
            return new Account(
                    a.connection().value(),
                    a.platform(),
                    a.name(),
                    a.username(),
                    a.status(),
                    a.capabilities().stream().map(Enum::name).sorted().toList(),
                    a.requiresApproval(),
                    a.dailyCap(),
                    a.postsLeftToday());
        }
    }

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
                    List<ThreadPart> thread) {

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
                            : t.thread().stream().map(ThreadPart::of).toList());
        }
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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentPost(
            UUID id,
            String status,
            String content,
            List<UUID> mediaIds,
            @Nullable Instant scheduledAt,
            Instant createdAt,
            @Nullable String origin,
            @Nullable String createdBy,
            @Schema(
                            description = "The comment Herald writes under the post on each account once it is"
                                    + " published (X: a reply); absent when it has none. Each target's comment says"
                                    + " how that went.")
                    @Nullable
                    String firstComment,
            @Schema(description = "Whether its links get the workspace's UTM parameters when it is published.")
                    boolean tagLinks,
            @Schema(
                            description =
                                    "The parts that follow its content as a thread where the platform has threads;"
                                            + " absent for a single post.")
                    @Nullable
                    List<String> thread,
            List<PostTarget> targets,
            @Schema(
                            description = "How it repeats and where its series stands; absent when it does not repeat,"
                                    + " and in listings.")
                    @Nullable
                    AgentRepeat repeat) {

        /** The post as a listing shows it: without its series. */
        public static AgentPost of(Post post) {
            return of(post, (herald.publishing.PostRepeats.Series) null);
        }

        /** The post on its own, with its series when it is in one. */
        public static AgentPost of(Post post, herald.publishing.PostRepeats repeats) {
            return of(post, repeats.of(post.workspace(), post.id()).orElse(null));
        }

        private static AgentPost of(Post post, herald.publishing.PostRepeats.@Nullable Series series) {
            return new AgentPost(
                    post.id().value(),
                    post.status().value(),
                    post.body(),
                    post.media().stream().map(m -> m.value()).toList(),
                    post.scheduledAt(),
                    post.createdAt(),
                    post.provenance() == null
                            ? null
                            : post.provenance().origin().value(),
                    post.provenance() == null ? null : post.provenance().actorLabel(),
                    post.firstComment(),
                    post.tagLinks(),
                    post.thread().isEmpty() ? null : post.thread(),
                    post.targets().stream().map(PostTarget::of).toList(),
                    AgentRepeat.of(series));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentRepeat(
            @Schema(allowableValues = {"day", "week", "two_weeks", "four_weeks", "month"}) String every,
            @Schema(description = "The last local day a post of the series may fall on; absent: no end.") @Nullable
                    LocalDate until,
            @Schema(description = "Which post of its series this is: 1 for the first.") int occurrence,
            @Schema(description = "The post made after this one, once its time came.") @Nullable UUID nextPostId,
            @Schema(
                            description = "Why the series ended at this post (its last day passed, it was stopped, the"
                                    + " agent lost its grant, the next could not be made); absent while it goes on.")
                    @Nullable
                    String ended,
            @Schema(description = "Coming local days the series skips (no post is made on them); absent when none.")
                    @Nullable
                    List<LocalDate> skipped) {

        static @Nullable AgentRepeat of(herald.publishing.PostRepeats.@Nullable Series s) {
            if (s == null || s.repeat().every() == null) {
                return null;
            }
            return new AgentRepeat(
                    s.repeat().every().value(),
                    s.repeat().until(),
                    s.occurrence(),
                    s.next() == null ? null : s.next().value(),
                    s.ended(),
                    s.skippedDays().isEmpty() ? null : s.skippedDays());
        }
    }

    public record MediaAsset(
            UUID id,
            String filename,
            String type,
            String contentType,
            long sizeBytes,
            @Nullable Integer width,
            @Nullable Integer height,
            @Nullable Double durationSeconds,
            List<String> tags,
            String altText,
            String description,
            Instant createdAt) {

        public static MediaAsset of(Asset a) {
            return new MediaAsset(
                    a.id().value(),
                    a.filename(),
                    a.type().name().toLowerCase(java.util.Locale.ROOT),
                    a.contentType(),
                    a.sizeBytes(),
                    a.width(),
                    a.height(),
                    a.durationSeconds(),
                    a.tags(),
                    a.altText(),
                    a.description(),
                    a.createdAt());
        }
    }
}
