package herald.content;

import herald.connections.ConnectionId;
import herald.publishing.PostId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One generation of a month of drafts, as it stands.
 *
 * @param done captions written so far, of {@code total}
 * @param error why it failed or was cancelled, in words a person can act on
 * @param usage the AI tokens and cost of its captions
 * @param createdBy who asked (an e-mail, a key's name)
 * @param postIds the drafts, once it succeeded
 */
public record CalendarRun(
        CalendarRunId id,
        YearMonth month,
        int posts,
        boolean aiForAll,
        @Nullable UUID personaId,
        List<ConnectionId> connections,
        Status status,
        int done,
        int total,
        @Nullable String error,
        AiUsage usage,
        @Nullable String createdBy,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        List<PostId> postIds) {

    public CalendarRun {
        connections = List.copyOf(connections);
        postIds = List.copyOf(postIds);
    }

    /** Where a run is: {@code queued → running → succeeded | failed | cancelled}. */
    public enum Status {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }

        static Status of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** One line of a run's log, in order; {@code done} is the progress after it. */
    public record Line(long seq, Instant at, String level, String message, @Nullable PostId postId, int done) {}
}
