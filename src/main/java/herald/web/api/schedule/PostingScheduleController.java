package herald.web.api.schedule;

import herald.connections.ConnectionId;
import herald.publishing.PostingSchedule;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/posting-schedule")
@Tag(
        name = "Posting schedule",
        description = "The weekly local times a post with scheduledAt \"queue\" is placed at: the first one on the"
                + " schedule of each of its accounts that no other post holds on the same accounts. An account follows"
                + " the workspace's schedule unless it has one of its own.")
class PostingScheduleController {

    private final PostingSchedule schedule;

    PostingScheduleController(PostingSchedule schedule) {
        this.schedule = schedule;
    }

    @Schema(name = "PostingSchedule")
    record View(
            @Schema(description = "The workspace's zone, which the times are in.") String timezone,
            @Schema(description = "Whether this is the default schedule (every day at 09:00, 12:00 and 17:00).")
                    boolean isDefault,
            @Schema(
                            description = "Times (HH:mm) by weekday, monday to sunday.",
                            example = "{\"monday\":[\"09:00\",\"17:30\"],\"tuesday\":[\"12:00\"]}")
                    Map<String, List<String>> slots) {}

    @Schema(name = "PostingScheduleChange")
    record Change(
            @Schema(description = "Times (HH:mm) by weekday; a day left out has none. At most 12 a day.") @Nullable
                    Map<String, List<String>> slots) {}

    @Schema(name = "FreeSlots")
    record Free(List<Instant> slots) {}

    @Schema(name = "AccountPostingSchedule")
    record AccountView(
            UUID connectionId,
            @Schema(description = "The workspace's zone, which the times are in.") String timezone,
            @Schema(description = "Whether the account has times of its own; if not, these are the workspace's.")
                    boolean own,
            @Schema(description = "Times (HH:mm) by weekday, monday to sunday.") Map<String, List<String>> slots) {}

    @Schema(name = "AccountPostingSchedules")
    record AccountViews(List<AccountView> items) {}

    @GetMapping
    @Operation(operationId = "getPostingSchedule", summary = "Get the posting schedule")
    View get(CurrentWorkspace current) {
        return view(current, schedule.slots(current.id()));
    }

    @PutMapping
    @Operation(
            operationId = "replacePostingSchedule",
            summary = "Replace the posting schedule",
            description = "Posts already queued keep their times.")
    View replace(CurrentWorkspace current, @RequestBody Change change) {
        return view(current, schedule.replace(current.id(), times(change)));
    }

    private static Map<DayOfWeek, List<String>> times(Change change) {
        Map<DayOfWeek, List<String>> times = new EnumMap<>(DayOfWeek.class);
        if (change.slots() != null) {
            change.slots().forEach((day, list) -> times.put(day(day), list));
        }
        return times;
    }

    @GetMapping("/accounts")
    @Operation(
            operationId = "listAccountPostingSchedules",
            summary = "The accounts with schedules of their own",
            description = "Every other account follows the workspace's schedule.")
    AccountViews accounts(CurrentWorkspace current) {
        return new AccountViews(schedule.ownSchedules(current.id()).entrySet().stream()
                .map(own -> accountView(current, own.getKey(), own.getValue(), true))
                .toList());
    }

    @GetMapping("/accounts/{connectionId}")
    @Operation(operationId = "getAccountPostingSchedule", summary = "Get the schedule an account's queue fills")
    AccountView account(CurrentWorkspace current, @PathVariable UUID connectionId) {
        ConnectionId account = new ConnectionId(connectionId);
        return accountView(
                current,
                account,
                schedule.slots(current.id(), account),
                schedule.ownSchedules(current.id()).containsKey(account));
    }

    @PutMapping("/accounts/{connectionId}")
    @Operation(
            operationId = "replaceAccountPostingSchedule",
            summary = "Give an account times of its own",
            description = "In place of the workspace's. Posts already queued keep their times.")
    AccountView replaceAccount(CurrentWorkspace current, @PathVariable UUID connectionId, @RequestBody Change change) {
        ConnectionId account = new ConnectionId(connectionId);
        return accountView(current, account, schedule.replace(current.id(), account, times(change)), true);
    }

    @DeleteMapping("/accounts/{connectionId}")
    @Operation(
            operationId = "followWorkspacePostingSchedule",
            summary = "Let an account follow the workspace's schedule again",
            description = "Drops its own times. Posts already queued keep their times.")
    AccountView followWorkspace(CurrentWorkspace current, @PathVariable UUID connectionId) {
        ConnectionId account = new ConnectionId(connectionId);
        return accountView(current, account, schedule.followWorkspace(current.id(), account), false);
    }

    @GetMapping("/next")
    @Operation(
            operationId = "nextFreeSlots",
            summary = "The next free slots",
            description = "The next slots no post holds on any of the given accounts (that no post holds at all"
                    + " when none are given): where \"queue\" would place a post to those accounts now.")
    Free next(
            CurrentWorkspace current,
            @Parameter(description = "1 to 20; default 5.") @RequestParam(defaultValue = "5") int count,
            @Parameter(description = "Repeat for several accounts.") @RequestParam(required = false) @Nullable
                    List<UUID> connectionId) {
        if (count < 1 || count > 20) {
            throw new herald.shared.InvalidInput("count", "count must be between 1 and 20.");
        }
        List<ConnectionId> accounts = connectionId == null
                ? List.of()
                : connectionId.stream().map(ConnectionId::new).toList();
        return new Free(schedule.nextFree(current.id(), accounts, count));
    }

    private static View view(CurrentWorkspace current, List<PostingSchedule.Slot> slots) {
        return new View(current.workspace().timezone().getId(), slots.equals(PostingSchedule.DEFAULT), byDay(slots));
    }

    private static AccountView accountView(
            CurrentWorkspace current, ConnectionId account, List<PostingSchedule.Slot> slots, boolean own) {
        return new AccountView(account.value(), current.workspace().timezone().getId(), own, byDay(slots));
    }

    private static Map<String, List<String>> byDay(List<PostingSchedule.Slot> slots) {
        Map<String, List<String>> byDay = new LinkedHashMap<>();
        PostingSchedule.byDay(slots)
                .forEach((day, times) -> byDay.put(
                        day.name().toLowerCase(Locale.ROOT),
                        times.stream().map(LocalTime::toString).toList()));
        return byDay;
    }

    private static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new herald.shared.InvalidInput(
                    "slots", "'" + name + "' is not a weekday: use monday, tuesday, … sunday.");
        }
    }
}
