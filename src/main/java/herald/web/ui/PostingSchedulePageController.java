package herald.web.ui;

import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.publishing.PostingSchedule;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The posting schedule: the weekly local times "Add to queue" fills, one line of times per weekday, and the next free
 * slots; the workspace's, or with {@code ?account=} one account's, which follows the workspace's until it is given
 * times of its own. Every member sees them; editors change them.
 */
@Controller
class PostingSchedulePageController {

    /** Free slots shown ahead. */
    static final int AHEAD = 5;

    private final PostingSchedule schedule;
    private final Connections connections;

    PostingSchedulePageController(PostingSchedule schedule, Connections connections) {
        this.schedule = schedule;
        this.connections = connections;
    }

    /** One weekday's line of the form. */
    public record Day(String field, String name, String times) {}

    /** A choice of whose schedule the page shows: the workspace's ({@code id} empty) or an account's. */
    public record Owner(String id, String label, boolean own, boolean current) {}

    @GetMapping("/w/{slug}/schedule")
    String show(@RequestParam(required = false) @Nullable UUID account, HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.member(request);
        @Nullable AccountOption chosen = chosen(current, account);
        Map<String, String> lines = new LinkedHashMap<>();
        PostingSchedule.byDay(
                        chosen == null
                                ? schedule.slots(current.id())
                                : schedule.slots(
                                        current.id(), chosen.connection().id()))
                .forEach((day, times) -> lines.put(
                        field(day),
                        String.join(
                                ", ", times.stream().map(LocalTime::toString).toList())));
        return page(current, chosen, model, lines, new FormErrors());
    }

    @PostMapping("/w/{slug}/schedule/follow")
    String follow(@RequestParam UUID account, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        AccountOption chosen = java.util.Objects.requireNonNull(chosen(current, account));
        schedule.followWorkspace(current.id(), chosen.connection().id());
        flash.addFlashAttribute(
                "notice", chosen.name() + " follows the workspace's times again. Posts already queued keep theirs.");
        return "redirect:/w/" + current.workspace().slug() + "/schedule?account=" + account;
    }

    @PostMapping("/w/{slug}/schedule")
    String save(
            @RequestParam Map<String, String> params,
            @RequestParam(required = false) @Nullable UUID account,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        @Nullable AccountOption chosen = chosen(current, account);
        Map<String, String> lines = new LinkedHashMap<>();
        Map<DayOfWeek, List<String>> times = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String line = params.getOrDefault(field(day), "");
            lines.put(field(day), line);
            times.put(
                    day,
                    Arrays.stream(line.split("[,;\\s]+"))
                            .filter(t -> !t.isBlank())
                            .toList());
        }
        try {
            if (chosen == null) {
                schedule.replace(current.id(), times);
                flash.addFlashAttribute(
                        "notice", "The posting schedule was saved. Posts already queued keep their times.");
                return "redirect:/w/" + current.workspace().slug() + "/schedule";
            }
            schedule.replace(current.id(), chosen.connection().id(), times);
            flash.addFlashAttribute(
                    "notice", chosen.name() + " has times of its own now. Posts already queued keep their times.");
            return "redirect:/w/" + current.workspace().slug() + "/schedule?account=" + chosen.id();
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            String field = e.field().startsWith("slots.") ? e.field().substring("slots.".length()) : FormErrors.FORM;
            return page(current, chosen, model, lines, new FormErrors().add(field, e.getMessage()));
        }
    }

    /** The workspace's account {@code account}, or none for the workspace's own schedule; 404 for another's. */
    private @Nullable AccountOption chosen(CurrentWorkspace current, @Nullable UUID account) {
        if (account == null) {
            return null;
        }
        ConnectionId id =
                connections.require(current.id(), new ConnectionId(account)).id();
        return java.util.Objects.requireNonNull(AccountOption.find(
                AccountOption.of(connections, current.id()), id.value().toString()));
    }

    private String page(
            CurrentWorkspace current,
            @Nullable AccountOption chosen,
            Model model,
            Map<String, String> lines,
            FormErrors errors) {
        Set<ConnectionId> own = schedule.ownSchedules(current.id()).keySet();
        List<Owner> owners = new ArrayList<>();
        owners.add(new Owner("", "Workspace", false, chosen == null));
        AccountOption.of(connections, current.id()).stream()
                .filter(a ->
                        a.connection().active() || own.contains(a.connection().id()))
                .forEach(a -> owners.add(new Owner(
                        a.id(),
                        a.label(),
                        own.contains(a.connection().id()),
                        chosen != null && chosen.id().equals(a.id()))));
        model.addAttribute("owners", owners);
        model.addAttribute("chosen", chosen);
        model.addAttribute(
                "ownTimes", chosen != null && own.contains(chosen.connection().id()));
        model.addAttribute("section", "schedule");
        model.addAttribute(
                "days",
                Arrays.stream(DayOfWeek.values())
                        .map(d -> new Day(
                                field(d), d.getDisplayName(TextStyle.FULL, Locale.ENGLISH), lines.get(field(d))))
                        .toList());
        model.addAttribute(
                "isDefault", chosen == null && schedule.slots(current.id()).equals(PostingSchedule.DEFAULT));
        model.addAttribute(
                "next",
                schedule.nextFree(
                        current.id(),
                        chosen == null ? List.of() : List.of(chosen.connection().id()),
                        AHEAD));
        model.addAttribute("zone", current.workspace().timezone().getId());
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("canEdit", current.roleAtLeast(Role.EDITOR));
        return "posts/schedule";
    }

    private static String field(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }
}
