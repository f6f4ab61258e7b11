package herald.web.ui;

import herald.connections.Connections;
import herald.publishing.Post;
import herald.publishing.PostOverview;
import herald.publishing.PostingSchedule;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The queue, as Buffer shows it: the coming days in the workspace's zone, each with its posts in order and the posting
 * schedule's times no post holds yet, every one of them a click away from a post at that time. For one account, only
 * its posts hold its slots, as "Add to queue" counts them.
 */
@Controller
class QueueController {

    /** Days shown, and the most posts read for them. */
    static final List<Integer> SPANS = List.of(7, 14, 28);

    static final int MAX_POSTS = 500;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final PostOverview overview;
    private final PostingSchedule schedule;
    private final Connections connections;
    private final Clock clock;

    QueueController(PostOverview overview, PostingSchedule schedule, Connections connections, Clock clock) {
        this.overview = overview;
        this.schedule = schedule;
        this.connections = connections;
        this.clock = clock;
    }

    /** One line of a day: a post, or a slot of the schedule no post holds ({@code post} null). */
    public record Entry(Instant at, String time, @Nullable Post post) {

        public boolean open() {
            return post == null;
        }
    }

    /** A day with something in it. */
    public record Day(LocalDate date, String label, List<Entry> entries) {}

    @GetMapping("/w/{slug}/queue")
    String show(
            @RequestParam(required = false) @Nullable String account,
            @RequestParam(required = false) @Nullable Integer days,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.member(request);
        int span = days != null && SPANS.contains(days) ? days : SPANS.get(1);
        List<AccountOption> accounts = AccountOption.of(connections, current.id());
        @Nullable AccountOption chosen = AccountOption.find(accounts, account);
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(span));
        List<Post> found = overview.timed(
                current.id(), chosen == null ? null : chosen.connection().id(), now, until, MAX_POSTS + 1);
        List<Post> shown = found.size() > MAX_POSTS ? found.subList(0, MAX_POSTS) : found;
        // A cut list reaches only as far as its last post: slots after it may well be held by posts not read.
        Instant end = found.size() > MAX_POSTS ? shown.getLast().scheduledAt() : until;
        WorkspaceTime time = new WorkspaceTime(current.workspace().timezone());

        model.addAttribute("section", "queue");
        model.addAttribute(
                "days",
                days(
                        entries(
                                shown,
                                schedule.between(
                                        current.id(),
                                        chosen == null
                                                ? null
                                                : chosen.connection().id(),
                                        now,
                                        end),
                                time),
                        time,
                        now));
        model.addAttribute("span", span);
        model.addAttribute("spans", SPANS);
        model.addAttribute("cut", found.size() > MAX_POSTS);
        model.addAttribute("accounts", accounts);
        model.addAttribute("account", chosen == null ? "" : chosen.id());
        model.addAttribute(
                "compose",
                new QueryLinks(
                        "/w/" + current.workspace().slug() + "/compose",
                        Map.of("account", chosen == null ? "" : chosen.id())));
        model.addAttribute("time", time);
        model.addAttribute("zone", current.workspace().timezone().getId());
        return "posts/queue";
    }

    private static List<Entry> entries(List<Post> posts, List<Instant> slots, WorkspaceTime time) {
        List<Entry> entries = new ArrayList<>();
        Set<Instant> held = new HashSet<>();
        for (Post post : posts) {
            Instant at = post.scheduledAt();
            held.add(at);
            entries.add(new Entry(at, TIME.format(at.atZone(time.zone())), post));
        }
        for (Instant slot : slots) {
            if (!held.contains(slot)) {
                entries.add(new Entry(slot, TIME.format(slot.atZone(time.zone())), null));
            }
        }
        entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::open));
        return entries;
    }

    private static List<Day> days(List<Entry> entries, WorkspaceTime time, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, time.zone());
        Map<LocalDate, List<Entry>> byDate = new LinkedHashMap<>();
        entries.forEach(
                entry -> byDate.computeIfAbsent(LocalDate.ofInstant(entry.at(), time.zone()), d -> new ArrayList<>())
                        .add(entry));
        return byDate.entrySet().stream()
                .map(day -> new Day(day.getKey(), label(day.getKey(), today), day.getValue()))
                .toList();
    }

    private static String label(LocalDate date, LocalDate today) {
        String day = DAY.format(date);
        if (date.equals(today)) {
            return "Today · " + day;
        }
        return date.equals(today.plusDays(1)) ? "Tomorrow · " + day : day;
    }
}
