package herald.web.ui;

import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.Posts;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Scheduled and published posts on a month or week grid in the workspace's timezone. Editors drag a post to another
 * day (calendar.js), which keeps its time of day, or use its Move button (keyboard, no drag) to choose a new date and
 * time; both go through the publishing edit use case, so a post that has started publishing stays where it is and the
 * person is told why.
 */
@Controller
class CalendarController {

    private final Posts posts;
    private final CalendarPage page;
    private final herald.connections.Connections connections;
    private final herald.publishing.PostTags tags;
    private final Clock clock;

    CalendarController(
            Posts posts,
            CalendarPage page,
            herald.connections.Connections connections,
            herald.publishing.PostTags tags,
            Clock clock) {
        this.connections = connections;
        this.tags = tags;
        this.posts = posts;
        this.page = page;
        this.clock = clock;
    }

    @GetMapping("/w/{slug}/calendar")
    String calendar(
            @RequestParam(defaultValue = "month") String view,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String account,
            @RequestParam(required = false) @Nullable String tag,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.member(request);
        WorkspaceTime time = new WorkspaceTime(current.workspace().timezone());
        LocalDate day = parse(date).orElse(time.today(clock.instant()));
        List<AccountOption> accounts = AccountOption.of(connections, current.id());
        @Nullable AccountOption chosen = AccountOption.find(accounts, account);
        String tagged = tag == null ? "" : tag.strip();
        boolean week = "week".equals(view);
        model.addAttribute("section", "calendar");
        model.addAttribute(
                "calendar",
                page.build(
                        current,
                        week,
                        day,
                        time.today(clock.instant()),
                        chosen == null ? null : chosen.connection().id(),
                        tagged.isEmpty() ? null : tagged));
        model.addAttribute("time", time);
        model.addAttribute("accounts", accounts);
        model.addAttribute("account", chosen == null ? "" : chosen.id());
        TagPicker.add(model, tags, current.id(), tagged);
        var filters = new java.util.LinkedHashMap<String, String>();
        filters.put("view", week ? "week" : "month");
        filters.put("account", chosen == null ? "" : chosen.id());
        filters.put("tag", tagged);
        model.addAttribute("links", new QueryLinks("/w/" + current.workspace().slug() + "/calendar", filters));
        return "posts/calendar";
    }

    /** A drop on another day, from calendar.js: JSON with the outcome in plain words. */
    @PostMapping("/w/{slug}/calendar/{id}/move")
    @ResponseBody
    ResponseEntity<Map<String, String>> move(
            @PathVariable UUID id, @RequestParam String date, HttpServletRequest request) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        var zone = current.workspace().timezone();
        Post post = posts.get(current.id(), new PostId(id));
        var day = parse(date);
        if (day.isEmpty()) {
            return answer(HttpStatus.BAD_REQUEST, "That is not a day.");
        }
        LocalTime at = post.scheduledAt() == null
                ? LocalTime.of(9, 0)
                : post.scheduledAt().atZone(zone).toLocalTime();
        try {
            PostMoves.to(posts, current, post.id(), day.get().atTime(at).toString());
            return answer(HttpStatus.OK, "Moved to " + day.get() + " at " + at + ".");
        } catch (Conflict e) {
            return answer(HttpStatus.CONFLICT, "This post has started publishing, so it can no longer move.");
        } catch (InvalidInput e) {
            return answer(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        }
    }

    /**
     * The keyboard's way to move a post (and the drag's, without script): a date and time in the workspace's zone from
     * the Move dialog, then back to the same view of the calendar with the outcome in words.
     */
    @PostMapping("/w/{slug}/calendar/reschedule")
    String reschedule(
            @RequestParam UUID post,
            @RequestParam(defaultValue = "") String scheduledAt,
            @RequestParam(defaultValue = "month") String view,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String account,
            @RequestParam(required = false) @Nullable String tag,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            Post moved = PostMoves.to(posts, current, new PostId(post), scheduledAt);
            WorkspaceTime time = new WorkspaceTime(current.workspace().timezone());
            flash.addFlashAttribute("notice", "Moved to " + time.local(moved.scheduledAt()) + ".");
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", "This post has started publishing, so it can no longer move.");
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        var back = new QueryLinks("/w/" + current.workspace().slug() + "/calendar", Map.of())
                .and("view", "week".equals(view) ? "week" : "month")
                .and("date", parse(date).map(LocalDate::toString).orElse(null))
                .and("account", account)
                .and("tag", tag);
        return "redirect:" + back.href();
    }

    private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }

    private static java.util.Optional<LocalDate> parse(@Nullable String date) {
        if (date == null || date.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
