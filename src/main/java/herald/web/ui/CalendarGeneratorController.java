package herald.web.ui;

import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.content.CalendarRun;
import herald.content.CalendarRunId;
import herald.content.Calendars;
import herald.content.NewCalendar;
import herald.content.Personas;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import herald.web.api.calendars.CalendarStream;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The calendar generator: a month, a number of posts, AI for all or some, a persona and the accounts; then the run's
 * page with a live progress bar (the run's events, read from the database whichever node runs it), its log, and the
 * calendar month where the drafts appear.
 */
@Controller
class CalendarGeneratorController {

    private final Calendars calendars;
    private final CalendarStream stream;
    private final Connections connections;
    private final Personas personas;
    private final Clock clock;

    CalendarGeneratorController(
            Calendars calendars, CalendarStream stream, Connections connections, Personas personas, Clock clock) {
        this.calendars = calendars;
        this.stream = stream;
        this.connections = connections;
        this.personas = personas;
        this.clock = clock;
    }

    /** What the form shows again after a refusal. */
    public record Form(String month, int posts, boolean aiForAll, @Nullable String personaId, List<String> accounts) {

        public boolean chosen(Object account) {
            return accounts.contains(account.toString());
        }
    }

    @GetMapping("/w/{slug}/calendar/generate")
    String form(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        YearMonth next = YearMonth.from(
                        LocalDate.ofInstant(clock.instant(), current.workspace().timezone()))
                .plusMonths(1);
        List<Connection> accounts = active(current);
        return render(
                current,
                model,
                new Form(
                        next.toString(),
                        8,
                        false,
                        null,
                        accounts.stream().map(a -> a.id().value().toString()).toList()),
                null);
    }

    @PostMapping("/w/{slug}/calendar/generate")
    String start(
            @RequestParam(defaultValue = "") String month,
            @RequestParam(defaultValue = "0") String posts,
            @RequestParam(defaultValue = "false") boolean aiForAll,
            @RequestParam(defaultValue = "") String personaId,
            @RequestParam(name = "accounts", required = false) @Nullable List<String> accounts,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        List<String> chosen = accounts == null ? List.of() : accounts;
        int count = parse(posts);
        Form form = new Form(month, count, aiForAll, personaId.isBlank() ? null : personaId, chosen);
        try {
            CalendarRun run = calendars.start(
                    current.id(),
                    new NewCalendar(
                            month,
                            count,
                            aiForAll,
                            personaId.isBlank() ? null : UUID.fromString(personaId),
                            chosen.stream().map(ConnectionId::of).toList()));
            return "redirect:/w/" + current.workspace().slug() + "/calendar/runs/" + run.id();
        } catch (InvalidInput | Conflict e) {
            return render(current, model, form, e.getMessage());
        } catch (IllegalArgumentException e) {
            return render(current, model, form, "That account or persona is not one of this workspace's.");
        }
    }

    @GetMapping("/w/{slug}/calendar/runs/{id}")
    String run(@PathVariable UUID id, HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.member(request);
        CalendarRunId runId = new CalendarRunId(id);
        CalendarRun run = calendars.get(current.id(), runId);
        model.addAttribute("section", "calendar-generate");
        model.addAttribute("run", run);
        model.addAttribute("lines", calendars.log(current.id(), runId, 0));
        model.addAttribute("percent", run.total() == 0 ? 0 : run.done() * 100 / run.total());
        model.addAttribute("monthStart", run.month().atDay(1).toString());
        model.addAttribute("time", new WorkspaceTime(current.workspace().timezone()));
        return "posts/calendar-run";
    }

    @GetMapping(value = "/w/{slug}/calendar/runs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(
            @PathVariable UUID id,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            HttpServletRequest request) {
        CurrentWorkspace current = Access.member(request);
        long after = 0;
        if (lastEventId != null && lastEventId.strip().matches("\\d{1,18}")) {
            after = Long.parseLong(lastEventId.strip());
        }
        return stream.open(current.id(), new CalendarRunId(id), after);
    }

    @PostMapping("/w/{slug}/calendar/runs/{id}/cancel")
    String cancel(
            @PathVariable UUID id,
            HttpServletRequest request,
            org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            calendars.cancel(current.id(), new CalendarRunId(id));
            flash.addFlashAttribute("notice", "Cancelled. No draft was created.");
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/calendar/runs/" + id;
    }

    private String render(CurrentWorkspace current, Model model, Form form, @Nullable String problem) {
        model.addAttribute("section", "calendar-generate");
        model.addAttribute("form", form);
        model.addAttribute(
                "accounts",
                AccountOption.of(connections, current.id()).stream()
                        .filter(o -> o.connection().active())
                        .toList());
        model.addAttribute("personas", personas.all(current.id()));
        model.addAttribute("runs", calendars.recent(current.id(), 10));
        model.addAttribute("time", new WorkspaceTime(current.workspace().timezone()));
        model.addAttribute("refusal", problem);
        model.addAttribute("zone", current.workspace().timezone().getId());
        return "posts/calendar-generate";
    }

    private List<Connection> active(CurrentWorkspace current) {
        return connections.list(current.id()).stream()
                .filter(Connection::active)
                .toList();
    }

    private static int parse(String posts) {
        try {
            return Integer.parseInt(posts.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
