package herald.publishing;

import herald.audit.AuditLog;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspaces;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A workspace's posting schedule, the queue "add to queue" fills: the local times of each weekday, in the workspace's
 * own zone, which an account may replace with a schedule of its own. A queued post takes the first slot ahead that is
 * on the schedule of each of its accounts and that no other post of the workspace holds on one of the same accounts
 * (drafts with a time included, cancelled posts not), so each account's queue fills on its own. A slot the
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
    private final PostingSlots stored;
    private final TenantScope tenants;
    private final Workspaces workspaces;
    private final Connections connections;
    private final AuditLog audit;
    private final Clock clock;

    PostingSchedule(
            JdbcClient jdbc,
            PostingSlots stored,
            TenantScope tenants,
            Workspaces workspaces,
            Connections connections,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.stored = stored;
        this.connections = connections;
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.audit = audit;
        this.clock = clock;
    }

    /** The workspace's slots, by weekday and time; the default schedule when it has not set its own. */
    public List<Slot> slots(WorkspaceId workspace) {
        return tenants.read(workspace, () -> workspaceSlots(workspace));
    }

    /** The slots an account's queue fills: its own schedule's, else the workspace's. */
    public List<Slot> slots(WorkspaceId workspace, ConnectionId account) {
        return tenants.read(workspace, () -> slotsOf(workspace, account));
    }

    /** The accounts of the workspace that have a schedule of their own, with its slots. */
    public Map<ConnectionId, List<Slot>> ownSchedules(WorkspaceId workspace) {
        return tenants.read(workspace, () -> stored.ofAccounts(workspace));
    }

    /**
     * Replaces the workspace's schedule, which every account without its own follows.
     *
     * @param times for each weekday, its local times as {@code HH:mm}; a day left out has none
     * @throws InvalidInput on {@code slots.<day>} for a time that is not {@code HH:mm}, more than {@value #MAX_PER_DAY}
     *     times a day, or no time in the whole week
     */
    public List<Slot> replace(WorkspaceId workspace, Map<DayOfWeek, List<String>> times) {
        List<Slot> slots = WeeklySlots.parse(times);
        tenants.run(workspace, () -> {
            stored.replace(workspace, null, slots);
            audit.record(
                    workspace,
                    "posting_schedule.changed",
                    "workspace",
                    workspace.toString(),
                    WeeklySlots.describe(slots));
        });
        return slots(workspace);
    }

    /**
     * Adds one time to the schedule {@code account}'s queue fills (its own when it has one, else the workspace's, which
     * is what it adds to when {@code account} is null); nothing changes when the time is there already.
     *
     * @throws InvalidInput when that day has {@value #MAX_PER_DAY} times already
     * @throws herald.shared.NotFound when the account is not the workspace's
     */
    public List<Slot> add(WorkspaceId workspace, @Nullable ConnectionId account, Slot slot) {
        boolean own = account != null && ownSchedules(workspace).containsKey(account);
        List<Slot> current = own ? slots(workspace, account) : slots(workspace);
        if (current.contains(slot)) {
            return current;
        }
        Map<DayOfWeek, List<String>> times = new EnumMap<>(DayOfWeek.class);
        java.util.stream.Stream.concat(current.stream(), java.util.stream.Stream.of(slot))
                .forEach(s -> times.computeIfAbsent(s.day(), d -> new ArrayList<>())
                        .add(s.time().toString()));
        return own ? replace(workspace, account, times) : replace(workspace, times);
    }

    /**
     * Gives an account a schedule of its own in place of the workspace's, as {@link #replace(WorkspaceId, Map)}.
     *
     * @throws herald.shared.NotFound when the account is not the workspace's
     */
    public List<Slot> replace(WorkspaceId workspace, ConnectionId account, Map<DayOfWeek, List<String>> times) {
        connections.require(workspace, account);
        List<Slot> slots = WeeklySlots.parse(times);
        tenants.run(workspace, () -> {
            stored.replace(workspace, account, slots);
            var details = new LinkedHashMap<String, String>(WeeklySlots.describe(slots));
            details.put("connection", account.toString());
            audit.record(workspace, "posting_schedule.changed", "connection", account.toString(), details);
        });
        return slots(workspace, account);
    }

    /**
     * Drops an account's own schedule: its queue follows the workspace's again. Posts already queued keep their times.
     *
     * @throws herald.shared.NotFound when the account is not the workspace's
     */
    public List<Slot> followWorkspace(WorkspaceId workspace, ConnectionId account) {
        connections.require(workspace, account);
        tenants.run(workspace, () -> {
            if (!stored.stored(workspace, account).isEmpty()) {
                stored.replace(workspace, account, List.of());
                audit.record(
                        workspace,
                        "posting_schedule.changed",
                        "connection",
                        account.toString(),
                        Map.of("connection", account.toString(), "follows", "workspace"));
            }
        });
        return slots(workspace, account);
    }

    /** Every slot of the workspace's schedule (or {@code account}'s) in [{@code from}, {@code to}), held or not. */
    public List<Instant> between(WorkspaceId workspace, @Nullable ConnectionId account, Instant from, Instant to) {
        List<Slot> slots = account == null ? slots(workspace) : slots(workspace, account);
        return WeeklySlots.instants(slots, zone(workspace), from, to);
    }

    /** The next {@code count} slots free on all of {@code accounts} (held by no post at all when none are given). */
    public List<Instant> nextFree(WorkspaceId workspace, Collection<ConnectionId> accounts, int count) {
        Instant now = clock.instant();
        return tenants.read(workspace, () -> free(workspace, accounts, now, count));
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
            boolean shared =
                    accounts.stream().map(a -> slotsOf(workspace, a)).distinct().count() <= 1;
            throw new InvalidInput(
                    "scheduledAt",
                    shared
                            ? "The queue has no free slot in the next " + HORIZON.toDays() + " days on these accounts:"
                                    + " add times to the posting schedule, or choose a time."
                            : "These accounts' posting schedules share no free time in the next " + HORIZON.toDays()
                                    + " days: queue the post to each account on its own, or choose a time.");
        }
        return new PublishTime(free.getFirst(), zone(workspace).getId());
    }

    private List<Instant> free(WorkspaceId workspace, Collection<ConnectionId> accounts, Instant now, int count) {
        Instant from = now.plus(MARGIN);
        Instant to = now.plus(HORIZON);
        Set<Instant> taken = taken(workspace, accounts, from, to);
        return candidates(workspace, accounts, from, to).stream()
                .filter(at -> !taken.contains(at))
                .limit(count)
                .toList();
    }

    /** The slots of every one of {@code accounts}' schedules (the workspace's when none are given), in order. */
    private List<Instant> candidates(
            WorkspaceId workspace, Collection<ConnectionId> accounts, Instant from, Instant to) {
        ZoneId zone = zone(workspace);
        List<List<Slot>> schedules = accounts.isEmpty()
                ? List.of(workspaceSlots(workspace))
                : accounts.stream().map(a -> slotsOf(workspace, a)).distinct().toList();
        List<Instant> candidates = new ArrayList<>(WeeklySlots.instants(schedules.getFirst(), zone, from, to));
        for (List<Slot> other : schedules.subList(1, schedules.size())) {
            candidates.retainAll(new HashSet<>(WeeklySlots.instants(other, zone, from, to)));
        }
        return candidates;
    }

    private List<Slot> workspaceSlots(WorkspaceId workspace) {
        List<Slot> slots = stored.stored(workspace, null);
        return slots.isEmpty() ? DEFAULT : slots;
    }

    private List<Slot> slotsOf(WorkspaceId workspace, ConnectionId account) {
        List<Slot> own = stored.stored(workspace, account);
        return own.isEmpty() ? workspaceSlots(workspace) : own;
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

    /** The times of each weekday, Monday to Sunday, every day present (an empty list when it has none). */
    public static Map<DayOfWeek, List<LocalTime>> byDay(List<Slot> slots) {
        Map<DayOfWeek, List<LocalTime>> byDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            byDay.put(day, new ArrayList<>());
        }
        slots.forEach(slot -> byDay.get(slot.day()).add(slot.time()));
        return byDay;
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
