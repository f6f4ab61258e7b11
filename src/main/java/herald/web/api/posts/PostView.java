package herald.web.api.posts;

import herald.assets.AssetId;
import herald.publishing.AttemptHistory;
import herald.publishing.Post;
import herald.publishing.Provenance;
import herald.publishing.SentBack;
import herald.publishing.TargetId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A post as the API shows it, with every target's status and what the platform said. */
@Schema(name = "Post")
record PostView(
        UUID id,
        String body,
        @Nullable String link,
        List<UUID> mediaIds,
        @Schema(
                        allowableValues = {
                            "draft",
                            "pending_approval",
                            "scheduled",
                            "publishing",
                            "published",
                            "partially_failed",
                            "failed",
                            "cancelled"
                        })
                String status,
        @Schema(description = "When it is due (UTC); null for a draft without a time.", nullable = true) @Nullable
                Instant scheduledAt,
        @Schema(description = "The IANA zone it was scheduled in.", nullable = true) @Nullable String timezone,
        List<TargetView> targets,
        @Schema(
                        description = "How the post was created and by whom; null for posts older than this record.",
                        nullable = true)
                @Nullable
                CreatedBy createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The workspace's labels on it.") List<String> tags,
        @Schema(description = "Whether its links get the workspace's UTM parameters when it is published.")
                boolean tagLinks,
        @Schema(
                        description = "Whether its links are published as short links that count clicks (the"
                                + " workspace's setting when it was created); their clicks: listPostLinks.")
                boolean shortLinks,
        @Schema(
                        description = "The comment Herald writes under the post on each account once it is published;"
                                + " null for none. Each target's comment says how that went.",
                        nullable = true)
                @Nullable
                String firstComment,
        @Schema(
                        description =
                                "How it repeats and where its series stands; null when it does not repeat. Only in"
                                        + " a single post's view; left out of listings.",
                        nullable = true)
                @Nullable
                RepeatView repeat,
        @Schema(
                        description = "Why a draft is a draft again: a decider rejected it with this note, to change"
                                + " and submit again. Null otherwise, and once it is submitted again. Only in a"
                                + " single post's view.",
                        nullable = true)
                @Nullable
                SentBackView sentBack,
        @Schema(
                        description = "The parts that follow its text on the accounts whose platform has threads (X,"
                                + " the Sandbox), each published as a reply to the one before; empty for a single"
                                + " post. Each target's thread says how its parts went (docs/threads.md).")
                List<String> thread,
        @Schema(description = "Each part's media (asset ids), side by side with thread; empty lists for none.")
                List<List<UUID>> threadMediaIds,
        @Schema(
                        description = "The language it is written in when it says its own (BCP 47); null: the"
                                + " workspace's postLanguage.",
                        nullable = true)
                @Nullable
                String language) {

    @Schema(name = "PostSentBack")
    record SentBackView(
            String note,
            @Schema(description = "Who rejected it: a member's e-mail, a client through a review link.") String by,
            Instant at) {

        static @Nullable SentBackView of(@Nullable SentBack s) {
            return s == null ? null : new SentBackView(s.note(), s.by(), s.at());
        }
    }

    @Schema(name = "PostRepeatState")
    record RepeatView(
            @Schema(allowableValues = {"day", "week", "two_weeks", "four_weeks", "month"}) String every,
            @Schema(description = "The last local day an occurrence may fall on.", nullable = true) @Nullable
                    LocalDate until,
            @Schema(description = "Which occurrence of its series this post is: 1 for the first.") int occurrence,
            @Schema(description = "The post made after this one, once its time came.", nullable = true) @Nullable
                    UUID nextPostId,
            @Schema(description = "The post this one repeats.", nullable = true) @Nullable UUID previousPostId,
            @Schema(
                            description = "Why the series ended at this post (its last day passed, stopped, the next"
                                    + " could not be made); null while it goes on.",
                            nullable = true)
                    @Nullable
                    String ended,
            @Schema(
                            description = "When the next posts of the series are due (UTC), at most five and up to a"
                                    + " year ahead, while this post is its latest and is scheduled or sent; empty"
                                    + " otherwise.")
                    List<Instant> upcoming,
            @Schema(description = "The coming local days the series skips, the soonest first.")
                    List<LocalDate> skipped) {

        static @Nullable RepeatView of(herald.publishing.PostRepeats.@Nullable Series s, List<Instant> upcoming) {
            if (s == null || s.repeat().every() == null) {
                return null;
            }
            return new RepeatView(
                    s.repeat().every().value(),
                    s.repeat().until(),
                    s.occurrence(),
                    s.next() == null ? null : s.next().value(),
                    s.previous() == null ? null : s.previous().value(),
                    s.ended(),
                    upcoming,
                    s.skippedDays());
        }
    }

    @Schema(name = "PostProvenance")
    record CreatedBy(
            @Schema(allowableValues = {"ui", "api", "agent_api", "mcp", "system"}) String origin,
            @Schema(description = "user, api_key, agent, system or operator.") String actorType,
            @Schema(nullable = true) @Nullable String actorId,
            @Schema(description = "A member's e-mail, a key's or an agent's name.", nullable = true) @Nullable
                    String actorLabel) {

        static @Nullable CreatedBy of(@Nullable Provenance p) {
            return p == null ? null : new CreatedBy(p.origin().value(), p.actorType(), p.actorId(), p.actorLabel());
        }
    }

    /** A post in a listing: without the attempt logs. */
    static PostView of(Post p) {
        return of(p, null);
    }

    /** A post on its own, with every target's attempt log. */
    static PostView of(Post p, @Nullable Map<TargetId, List<AttemptHistory.Attempt>> attempts) {
        return of(p, attempts, null, List.of(), null);
    }

    /** A post on its own, with its series and why it was sent back, when it was. */
    static PostView of(
            Post p,
            @Nullable Map<TargetId, List<AttemptHistory.Attempt>> attempts,
            herald.publishing.PostRepeats.@Nullable Series series,
            List<Instant> upcoming,
            @Nullable SentBack sentBack) {
        return new PostView(
                p.id().value(),
                p.body(),
                p.link(),
                p.media().stream().map(AssetId::value).toList(),
                p.status().value(),
                p.scheduledAt(),
                p.timezone(),
                p.targets().stream()
                        .map(t -> TargetView.of(t, attempts == null ? null : attempts.getOrDefault(t.id(), List.of())))
                        .toList(),
                CreatedBy.of(p.provenance()),
                p.createdAt(),
                p.updatedAt(),
                p.tags(),
                p.tagLinks(),
                p.shortLinks(),
                p.firstComment(),
                RepeatView.of(series, upcoming),
                SentBackView.of(sentBack),
                p.thread(),
                p.threadMedia().stream()
                        .map(ids -> ids.stream().map(AssetId::value).toList())
                        .toList(),
                p.language());
    }
}
