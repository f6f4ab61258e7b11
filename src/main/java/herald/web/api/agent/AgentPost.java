package herald.web.api.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import herald.publishing.Post;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A post as the agent API answers it (and the MCP tools, as structured content), with its accounts and series. */
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
                        description = "The parts that follow its content as a thread where the platform has threads;"
                                + " absent for a single post.")
                @Nullable
                List<String> thread,
        @Schema(
                        description = "Each thread part's media (asset ids), side by side with thread; absent when no"
                                + " part has any.")
                @Nullable
                List<List<UUID>> threadMediaIds,
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
                post.provenance() == null ? null : post.provenance().origin().value(),
                post.provenance() == null ? null : post.provenance().actorLabel(),
                post.firstComment(),
                post.tagLinks(),
                post.thread().isEmpty() ? null : post.thread(),
                post.threadContent().hasMedia()
                        ? post.threadMedia().stream()
                                .map(ids -> ids.stream().map(m -> m.value()).toList())
                                .toList()
                        : null,
                post.targets().stream().map(PostTarget::of).toList(),
                AgentRepeat.of(series));
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
}
