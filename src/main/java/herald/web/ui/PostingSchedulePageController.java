package herald.web.ui;

import herald.publishing.PostingSchedule;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The posting schedule: the weekly local times "Add to queue" fills, one line of times per weekday, and the next free
 * slots. Every member sees it; editors change it.
 */
@Controller
class PostingSchedulePageController {

    /** Free slots shown ahead. */
    static final int AHEAD = 5;

    private final PostingSchedule schedule;

    PostingSchedulePageController(PostingSchedule schedule) {
        this.schedule = schedule;
    }

    /** One weekday's line of the form. */
    public record Day(String field, String name, String times) {}

    @GetMapping("/w/{slug}/schedule")
    String show(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.member(request);
        Map<String, String> lines = new LinkedHashMap<>();
        PostingSchedule.byDay(schedule.slots(current.id()))
                .forEach((day, times) -> lines.put(
                        field(day),
                        String.join(
                                ", ", times.stream().map(LocalTime::toString).toList())));
        return page(current, model, lines, new FormErrors());
    }

    @PostMapping("/w/{slug}/schedule")
    String save(
            @RequestParam Map<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
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
            schedule.replace(current.id(), times);
            flash.addFlashAttribute("notice", "The posting schedule was saved. Posts already queued keep their times.");
            return "redirect:/w/" + current.workspace().slug() + "/schedule";
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            String field = e.field().startsWith("slots.") ? e.field().substring("slots.".length()) : FormErrors.FORM;
            return page(current, model, lines, new FormErrors().add(field, e.getMessage()));
        }
    }

    private String page(CurrentWorkspace current, Model model, Map<String, String> lines, FormErrors errors) {
        model.addAttribute("section", "schedule");
        model.addAttribute(
                "days",
                Arrays.stream(DayOfWeek.values())
                        .map(d -> new Day(
                                field(d), d.getDisplayName(TextStyle.FULL, Locale.ENGLISH), lines.get(field(d))))
                        .toList());
        model.addAttribute("isDefault", schedule.slots(current.id()).equals(PostingSchedule.DEFAULT));
        model.addAttribute("next", schedule.nextFree(current.id(), List.of(), AHEAD));
        model.addAttribute("zone", current.workspace().timezone().getId());
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("canEdit", current.roleAtLeast(Role.EDITOR));
        return "posts/schedule";
    }

    private static String field(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }
}
