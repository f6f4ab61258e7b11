package herald.publishing;

import herald.audit.AuditLog;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspaces;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A workspace's posting schedule, the queue "add to queue" fills: the local times of each weekday, in the workspace's
 * own zone. A queued post takes the first slot ahead that no other post of the workspace holds on one of the same
 * accounts (drafts with a time included, cancelled posts not), so each account's queue fills on its own. A slot the
 * zone skips that day (the spring-forward gap) is passed over; one it repeats means the first of the two.
 */
@Component
public class PostingSchedule {

    /** One local time of one weekday. */
    public record Slot(DayOfWeek day, LocalTime time) implements Comparable<Slot> {

        @Override
        public int compareTo(Slot other) {
            int byDay = day.compareTo(other.day);
            return byDay != 0 ? byDay : time.compareTo(other.time);
        }
    }

    /** The schedule of a workspace that has not set its own: every day at 09:00, 12:00 and 17:00. */
    public static final List<Slot> DEFAULT = defaults();

    static final int MAX_PER_DAY = 12;
    /** How far ahead the queue looks for a free slot. */
    static final Duration HORIZON = Duration.ofDays(92);
    /** A slot closer than this to now is not offered: the post could not be checked and dispatched in time. */
    static final Duration MARGIN = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Workspaces workspaces;
    private final AuditLog audit;
    private final Clock clock;

    PostingSchedule(JdbcClient jdbc, TenantScope tenants, Workspaces workspaces, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.audit = audit;
        this.clock = clock;
    }

    /** The workspace's slots, by weekday and time; the default schedule when it has not set its own. */
    public List<Slot> slots(WorkspaceId workspace) {
        List<Slot> stored = tenants.read(workspace, () -> jdbc.sql(
                        "select weekday, at from posting_slots where workspace_id = :workspace order by weekday, at")
                .param("workspace", workspace.value())
                .query((rs, n) -> new Slot(DayOfWeek.of(rs.getInt("weekday")), rs.getObject("at", LocalTime.class)))
                .list());
        return stored.isEmpty() ? DEFAULT : stored;
    }

    /**
     * Replaces the workspace's schedule.
     *
     * @param times for each weekday, its local times as {@code HH:mm}; a day left out has none
     * @throws InvalidInput on {@code slots.<day>} for a time that is not {@code HH:mm}, more than {@value #MAX_PER_DAY}
     *     times a day, or no time in the whole week
     */
    public List<Slot> replace(WorkspaceId workspace, Map<DayOfWeek, List<String>> times) {
        List<Slot> slots = parse(times);
        tenants.run(workspace, () -> {
            jdbc.sql("delete from posting_slots where workspace_id = :workspace")
                    .param("workspace", workspace.value())
                    .update();
            for (Slot slot : slots) {
                jdbc.sql("insert into posting_slots (workspace_id, weekday, at) values (:workspace, :day, :at)")
                        .param("workspace", workspace.value())
                        .param("day", slot.day().getValue())
                        .param("at", slot.time())
                        .update();
            }
            audit.record(workspace, "posting_schedule.changed", "workspace", workspace.toString(), describe(slots));
        });
        return slots(workspace);
    }

    /** The next {@code count} slots free on all of {@code accounts} (held by no post at all when none are given). */
    public List<Instant> nextFree(WorkspaceId workspace, Collection<ConnectionId> accounts, int count) {
        Instant now = clock.instant();
        return tenants.read(workspace, () -> free(workspace, accounts, now, count));
    }

    /** Every slot of the workspace's schedule in [{@code from}, {@code to}), held or not, in order. */
    public List<Instant> between(WorkspaceId workspace, Instant from, Instant to) {
        return instants(slots(workspace), zone(workspace), from, to);
    }

    /**
     * The first free slot for a post to {@code accounts}, taken under the workspace's queue lock, so that two posts
     * queued at once do not land on the same slot. Must run inside the transaction that stores the post.
     *
     * @throws InvalidInput on {@code scheduledAt} when no slot is free within {@link #HORIZON}
     */
    PublishTime take(WorkspaceId workspace, Collection<ConnectionId> accounts, Instant now) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('posting_queue:' || :workspace))")
                .param("workspace", workspace.toString())
                .query()
                .singleValue();
        List<Instant> free = free(workspace, accounts, now, 1);
        if (free.isEmpty()) {
            throw new InvalidInput(
                    "scheduledAt",
                    "The queue has no free slot in the next " + HORIZON.toDays() + " days on these accounts: add times"
                            + " to the posting schedule, or choose a time.");
        }
        return new PublishTime(free.getFirst(), zone(workspace).getId());
    }

    private List<Instant> free(WorkspaceId workspace, Collection<ConnectionId> accounts, Instant now, int count) {
        Instant from = now.plus(MARGIN);
        Instant to = now.plus(HORIZON);
        Set<Instant> taken = taken(workspace, accounts, from, to);
        return instants(slots(workspace), zone(workspace), from, to).stream()
                .filter(at -> !taken.contains(at))
                .limit(count)
                .toList();
    }

    /**
     * Every instant of {@code slots} in [{@code from}, {@code to}), in order: a local time the zone skips that day is
     * left out, one it repeats is taken at its first (earlier-offset) occurrence.
     */
    static List<Instant> instants(List<Slot> slots, ZoneId zone, Instant from, Instant to) {
        Map<DayOfWeek, List<LocalTime>> byDay = byDay(slots);
        List<Instant> instants = new ArrayList<>();
        for (LocalDate day = LocalDate.ofInstant(from, zone);
                day.atStartOfDay(zone).toInstant().isBefore(to);
                day = day.plusDays(1)) {
            for (LocalTime time : byDay.get(day.getDayOfWeek())) {
                LocalDateTime local = day.atTime(time);
                var offsets = zone.getRules().getValidOffsets(local);
                if (offsets.isEmpty()) {
                    continue;
                }
                Instant at = local.atOffset(offsets.getFirst()).toInstant();
                if (!at.isBefore(from) && at.isBefore(to)) {
                    instants.add(at);
                }
            }
        }
        return instants;
    }

    private Set<Instant> taken(WorkspaceId workspace, Collection<ConnectionId> accounts, Instant from, Instant to) {
        return new HashSet<>(jdbc.sql(
                        """
                        select p.scheduled_at from posts p
                        where p.workspace_id = :workspace and p.status <> 'cancelled' and p.scheduled_at is not null
                          and coalesce(p.scheduled_at, p.created_at) >= :from
                          and coalesce(p.scheduled_at, p.created_at) < :to
                          and (cardinality(cast(:accounts as uuid[])) = 0 or exists (
                              select 1 from post_targets t where t.workspace_id = p.workspace_id and t.post_id = p.id
                                and t.connection_id = any(cast(:accounts as uuid[]))))""")
                .param("workspace", workspace.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("accounts", accounts.stream().map(ConnectionId::value).toArray(java.util.UUID[]::new))
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list());
    }

    private ZoneId zone(WorkspaceId workspace) {
        return workspaces.require(workspace).timezone();
    }

    static List<Slot> parse(Map<DayOfWeek, List<String>> times) {
        var slots = new TreeSet<Slot>();
        times.forEach((day, list) -> {
            String field = "slots." + day.name().toLowerCase(Locale.ROOT);
            var ofDay = new TreeSet<LocalTime>();
            for (String text : list == null ? List.<String>of() : list) {
                if (text == null || text.isBlank()) {
                    continue;
                }
                try {
                    ofDay.add(LocalTime.parse(text.strip()).withSecond(0).withNano(0));
                } catch (DateTimeParseException e) {
                    throw new InvalidInput(
                            field,
                            "'" + text.strip() + "' on " + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                                    + " is not a time such as 09:00 or 17:30.");
                }
            }
            if (ofDay.size() > MAX_PER_DAY) {
                throw new InvalidInput(
                        field,
                        day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " has " + ofDay.size() + " times; at most "
                                + MAX_PER_DAY + ".");
            }
            ofDay.forEach(time -> slots.add(new Slot(day, time)));
        });
        if (slots.isEmpty()) {
            throw new InvalidInput("slots", "Give at least one time in the week, e.g. 09:00 on Monday.");
        }
        return List.copyOf(slots);
    }

    /** The times of each weekday, Monday to Sunday, every day present (an empty list when it has none). */
    public static Map<DayOfWeek, List<LocalTime>> byDay(List<Slot> slots) {
        Map<DayOfWeek, List<LocalTime>> byDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            byDay.put(day, new ArrayList<>());
        }
        slots.forEach(slot -> byDay.get(slot.day()).add(slot.time()));
        return byDay;
    }

    private static Map<String, String> describe(List<Slot> slots) {
        Map<String, String> details = new LinkedHashMap<>();
        byDay(slots).forEach((day, times) -> {
            if (!times.isEmpty()) {
                details.put(
                        day.name().toLowerCase(Locale.ROOT),
                        String.join(",", times.stream().map(LocalTime::toString).toList()));
            }
        });
        return details;
    }

    private static List<Slot> defaults() {
        var slots = new ArrayList<Slot>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (LocalTime time : List.of(LocalTime.of(9, 0), LocalTime.of(12, 0), LocalTime.of(17, 0))) {
                slots.add(new Slot(day, time));
            }
        }
        return List.copyOf(slots);
    }
}
