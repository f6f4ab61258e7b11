package herald.publishing;

import herald.audit.Actor;
import herald.audit.AuditContext;
import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Repeating posts. A post that repeats has a row in {@code post_repeats} (V145): its interval, its last day, the
 * series' first local time and zone, and which occurrence it is. Once its time has come, {@link #makeNext} creates the
 * next occurrence, a post of its own with the same words, media, accounts, first comment and tags at the next local
 * time, which repeats in turn; a failed or cancelled occurrence does not stop the series, a person does ({@link
 * #stop}), as does its last day or an occurrence that cannot be made (an account disconnected, the plan's posts per
 * day used up), which is recorded on the series with the reason.
 */
@Component
public class PostRepeats {

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final RepeatRows rows;
    private final NextOccurrences next;
    private final AuditLog audit;
    private final Clock clock;

    PostRepeats(
            JdbcClient jdbc, TenantScope tenants, RepeatRows rows, NextOccurrences next, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.rows = rows;
        this.next = next;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A post's place in its series.
     *
     * @param next the occurrence made after it; null until its time came
     * @param ended why the series ended at it; null while it goes on
     * @param previous the occurrence it was made from; null for the first
     */
    public record Series(
            Repeat repeat,
            int occurrence,
            LocalDateTime start,
            ZoneId zone,
            @Nullable PostId next,
            @Nullable String ended,
            @Nullable PostId previous,
            Set<LocalDate> skipped) {

        public Series {
            skipped = Set.copyOf(skipped);
        }

        /** Whether another occurrence is still to be made from this one. */
        public boolean open() {
            return next == null && ended == null;
        }

        /**
         * The posts still to be made after this one that fall in {@code [from, to)} and after {@code now}, passing over
         * the skipped days, soonest first, at most {@code most}.
         */
        List<Repeat.Next> after(Instant now, Instant from, Instant to, int most) {
            return repeat.between(start, occurrence, zone, now, from, to, most, skipped);
        }

        /** The days skipped, the soonest first. */
        public List<LocalDate> skippedDays() {
            return skipped.stream().sorted().toList();
        }
    }

    /** The post's series, if it repeats or was made by one. */
    public Optional<Series> of(WorkspaceId workspace, PostId post) {
        return tenants.read(workspace, () -> {
            Optional<Series> own = row(workspace, post);
            if (own.isEmpty()) {
                return own;
            }
            PostId previous = jdbc.sql("select post_id from post_repeats where workspace_id = :w and next_post_id = :p")
                    .param("w", workspace.value())
                    .param("p", post.value())
                    .query((rs, n) -> new PostId(rs.getObject(1, UUID.class)))
                    .optional()
                    .orElse(null);
            Series found = own.get();
            return Optional.of(new Series(
                    found.repeat(),
                    found.occurrence(),
                    found.start(),
                    found.zone(),
                    found.next(),
                    found.ended(),
                    previous,
                    found.skipped()));
        });
    }

    /** Those of {@code posts} whose series goes on from them (each is to make a next occurrence). */
    public Set<PostId> repeating(WorkspaceId workspace, Collection<PostId> posts) {
        if (posts.isEmpty()) {
            return Set.of();
        }
        return tenants.read(
                workspace,
                () -> new HashSet<>(jdbc.sql(
                                """
                        select post_id from post_repeats
                         where workspace_id = :w and post_id = any(:ids) and next_post_id is null and ended is null""")
                        .param("w", workspace.value())
                        .param("ids", posts.stream().map(PostId::value).toArray(UUID[]::new))
                        .query((rs, n) -> new PostId(rs.getObject(1, UUID.class)))
                        .list()));
    }

    /**
     * Ends the series the post belongs to, at its latest occurrence: no occurrence is made after it. An occurrence
     * already made stays as it is (cancel it to skip it).
     *
     * @throws Conflict when the post is in no series, or its series already ended
     */
    public void stop(WorkspaceId workspace, PostId post) {
        Actor actor = AuditContext.actor();
        String why = actor.type() == Actor.Type.AGENT
                ? "Stopped by the agent " + actor.label() + "."
                : "Stopped by a person.";
        PostId last = tenants.call(workspace, () -> {
            PostId at = latestOpen(workspace, post);
            rows.end(workspace, at, why);
            return at;
        });
        audit.record(workspace, "post.repeat_stopped", "post", last.toString(), Map.of("from", post.toString()));
    }

    /**
     * Takes one coming day out of the series the post belongs to (a holiday, a closed kitchen): no post is made that
     * day, and the series goes on with the one after. Skipping a day already skipped changes nothing.
     *
     * @throws Conflict when the post is in no series, or its series ended
     * @throws InvalidInput when the series posts on no such day in the coming year
     */
    public void skip(WorkspaceId workspace, PostId post, LocalDate day) {
        PostId last = tenants.call(workspace, () -> {
            PostId at = latestOpen(workspace, post);
            Series series = row(workspace, at).orElseThrow();
            Instant now = clock.instant();
            boolean postsThatDay = series.after(now, now, now.plus(UpcomingRepeats.HORIZON), 1000).stream()
                    .anyMatch(next -> next.at().toLocalDate().equals(day));
            if (!postsThatDay && !series.skipped().contains(day)) {
                throw new InvalidInput(
                        "date", "The series makes no post on " + day + " in the coming year: choose one of its days.");
            }
            jdbc.sql(
                            """
                            update post_repeats set skipped = array_append(skipped, cast(:day as date))
                             where workspace_id = :w and post_id = :p and not (cast(:day as date) = any(skipped))""")
                    .param("day", java.sql.Date.valueOf(day))
                    .param("w", workspace.value())
                    .param("p", at.value())
                    .update();
            return at;
        });
        audit.record(workspace, "post.repeat_skipped", "post", last.toString(), Map.of("date", day.toString()));
    }

    /** Puts a skipped day back into the series: its post is made after all. @throws Conflict as {@link #skip} */
    public void unskip(WorkspaceId workspace, PostId post, LocalDate day) {
        PostId last = tenants.call(workspace, () -> {
            PostId at = latestOpen(workspace, post);
            jdbc.sql(
                            """
                            update post_repeats set skipped = array_remove(skipped, cast(:day as date))
                             where workspace_id = :w and post_id = :p""")
                    .param("day", java.sql.Date.valueOf(day))
                    .param("w", workspace.value())
                    .param("p", at.value())
                    .update();
            return at;
        });
        audit.record(workspace, "post.repeat_unskipped", "post", last.toString(), Map.of("date", day.toString()));
    }

    /** The latest post of the series {@code post} belongs to, its row locked. Inside a transaction. */
    private PostId latestOpen(WorkspaceId workspace, PostId post) {
        PostId at = post;
        for (int hop = 0; hop < 10_000; hop++) {
            var row = jdbc.sql(
                            """
                            select next_post_id, ended from post_repeats
                             where workspace_id = :w and post_id = :p for update""")
                    .param("w", workspace.value())
                    .param("p", at.value())
                    .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                    .optional()
                    .orElse(null);
            if (row == null) {
                throw new Conflict("repeat", "This post does not repeat.");
            }
            if (row[1] != null) {
                throw new Conflict("repeat", "This post's series has already ended: " + row[1]);
            }
            if (row[0] == null) {
                return at;
            }
            at = new PostId((UUID) row[0]);
        }
        throw new IllegalStateException("A series of more than 10000 posts: " + post);
    }

    /** The post's own row of its series (without the post before it). */
    private Optional<Series> row(WorkspaceId workspace, PostId post) {
        return jdbc.sql("select * from post_repeats where workspace_id = :w and post_id = :p")
                .param("w", workspace.value())
                .param("p", post.value())
                .query(PostRepeats::series)
                .optional();
    }

    /**
     * Makes the next occurrence of a post whose time has come, exactly once however many nodes try ({@link
     * NextOccurrences}).
     *
     * @return the new post, or empty when there was nothing to make
     */
    public Optional<PostId> makeNext(WorkspaceId workspace, PostId post) {
        return next.make(workspace, post, of(workspace, post));
    }

    /** A row of {@code post_repeats}, without the post before it. */
    static Series series(ResultSet rs, int row) throws SQLException {
        UUID next = rs.getObject("next_post_id", UUID.class);
        LocalDate until = rs.getObject("until", LocalDate.class);
        return new Series(
                new Repeat(Repeat.Every.of(rs.getString("every")), until),
                rs.getInt("occurrence"),
                rs.getTimestamp("starts_at").toLocalDateTime(),
                ZoneId.of(rs.getString("zone")),
                next == null ? null : new PostId(next),
                rs.getString("ended"),
                null,
                RepeatRows.skipped(rs));
    }

    /** The occurrences whose next is due, across workspaces, for the sweep. */
    List<Due> due(int limit) {
        return jdbc.sql("select * from herald_repeats_due(:now, :limit)")
                .param("now", Timestamp.from(clock.instant()))
                .param("limit", limit)
                .query((rs, n) ->
                        new Due(new WorkspaceId(rs.getObject(1, UUID.class)), new PostId(rs.getObject(2, UUID.class))))
                .list();
    }

    record Due(WorkspaceId workspace, PostId post) {}
}
