package herald.web.ui;

import herald.analytics.Analytics;
import herald.analytics.AnalyticsQuery;
import herald.analytics.AnalyticsReport;
import herald.analytics.Audience;
import herald.analytics.AudienceExport;
import herald.analytics.AudienceReport;
import herald.analytics.BestTimes;
import herald.analytics.FiguresExport;
import herald.connections.Connections;
import herald.publishing.PostId;
import herald.publishing.PostTags;
import herald.publishing.PostingSchedule;
import herald.publishing.ShortLinkClicks;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.tenancy.WorkspaceRules;
import herald.web.CsvDownload;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Analytics, as Buffer shows them: how the posts published in the last days did, in all, by account and by day, and
 * the posts that did best, from the figures Herald reads from each platform after publishing; of one account, or of
 * the posts with one tag (a campaign's report, as Hootsuite's campaigns give one), when asked.
 */
@Controller
class AnalyticsPageController {

    /** The periods offered, in days up to today. */
    static final List<Integer> PERIODS = List.of(7, 30, 90);

    private final Analytics analytics;
    private final FiguresExport export;
    private final Audience audience;
    private final AudienceExport audienceExport;
    private final Connections connections;
    private final PostingSchedule schedule;
    private final ShortLinkClicks shortLinks;
    private final WorkspaceRules workspaceRules;
    private final PostTags tags;
    private final Clock clock;

    AnalyticsPageController(
            Analytics analytics,
            FiguresExport export,
            Audience audience,
            AudienceExport audienceExport,
            Connections connections,
            PostingSchedule schedule,
            ShortLinkClicks shortLinks,
            WorkspaceRules workspaceRules,
            PostTags tags,
            Clock clock) {
        this.tags = tags;
        this.shortLinks = shortLinks;
        this.workspaceRules = workspaceRules;
        this.analytics = analytics;
        this.export = export;
        this.audience = audience;
        this.audienceExport = audienceExport;
        this.connections = connections;
        this.schedule = schedule;
        this.clock = clock;
    }

    @GetMapping("/w/{slug}/analytics")
    String show(
            @RequestParam(required = false) @Nullable String account,
            @RequestParam(required = false) @Nullable Integer days,
            @RequestParam(required = false) @Nullable String tag,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.member(request);
        int period = period(days);
        List<AccountOption> accounts = AccountOption.of(connections, current.id());
        @Nullable AccountOption chosen = AccountOption.find(accounts, account);
        var zone = current.workspace().timezone();
        AnalyticsQuery query = query(current, period, chosen, tag);
        AnalyticsReport report = analytics.report(current.id(), query);
        model.addAttribute("section", "analytics");
        model.addAttribute(
                "audience",
                audience.report(current.id(), query).accounts().stream()
                        .map(a -> new AudienceLine(a, AudienceChart.of(a.days())))
                        .toList());
        model.addAttribute("report", report);
        // Link clicks where links are shortened, or were: by the UTC day of each click, whenever its post went out.
        var clicksByDay = shortLinks.byDay(
                current.id(),
                query.from(),
                query.to(),
                chosen == null ? null : chosen.connection().id(),
                query.tag());
        long clicks = clicksByDay.values().stream().mapToLong(Long::longValue).sum();
        boolean counted = clicks > 0 || workspaceRules.shortensLinks(current.id());
        model.addAttribute("clicks", counted ? clicks : null);
        model.addAttribute(
                "clicksChart", counted ? AnalyticsChart.clicks(clicksByDay, query.from(), query.to()) : null);
        model.addAttribute(
                "postClicks",
                shortLinks.clicks(
                        current.id(), report.top().stream().map(t -> t.post()).toList()));
        model.addAttribute("chart", AnalyticsChart.of(report.days()));
        model.addAttribute(
                "best",
                analytics.bestTimes(
                        current.id(),
                        zone,
                        chosen == null ? null : chosen.connection().id()));
        model.addAttribute("bestMin", BestTimes.MIN_POSTS);
        model.addAttribute("bestDays", BestTimes.DAYS);
        model.addAttribute("period", period);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("accounts", accounts);
        model.addAttribute("account", chosen == null ? "" : chosen.id());
        TagPicker.add(model, tags, current.id(), query.tag() == null ? "" : query.tag());
        model.addAttribute("time", new WorkspaceTime(zone));
        model.addAttribute("zone", zone.getId());
        Map<String, String> asked = Map.of(
                "account",
                chosen == null ? "" : chosen.id(),
                "days",
                String.valueOf(period),
                "tag",
                query.tag() == null ? "" : query.tag());
        model.addAttribute(
                "download", new QueryLinks("/w/" + current.workspace().slug() + "/analytics/export.csv", asked));
        model.addAttribute(
                "audienceDownload",
                new QueryLinks("/w/" + current.workspace().slug() + "/analytics/audience.csv", asked));
        return "posts/analytics";
    }

    /** An account's audience and its chart, as the page shows them. */
    record AudienceLine(AudienceReport.Account account, AudienceChart chart) {}

    /** Adds a best time to the posting schedule (the account's own, when the page shows one that has one). */
    @PostMapping("/w/{slug}/analytics/best-times")
    String schedule(
            @RequestParam String day,
            @RequestParam int hour,
            @RequestParam(required = false) @Nullable String account,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        @Nullable AccountOption chosen = AccountOption.find(AccountOption.of(connections, current.id()), account);
        String back = "redirect:/w/" + current.workspace().slug() + "/analytics"
                + (chosen == null ? "" : "?account=" + chosen.id());
        DayOfWeek weekday;
        try {
            weekday = DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", "'" + day + "' is not a day of the week.");
            return back;
        }
        if (hour < 0 || hour > 23) {
            flash.addFlashAttribute("problem", "An hour is from 0 to 23.");
            return back;
        }
        var slot = new PostingSchedule.Slot(weekday, LocalTime.of(hour, 0));
        try {
            schedule.add(
                    current.id(), chosen == null ? null : chosen.connection().id(), slot);
            flash.addFlashAttribute(
                    "notice",
                    weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + slot.time()
                            + " is in the posting schedule" + (chosen == null ? "" : " of " + chosen.name()) + ".");
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return back;
    }

    /** The page's period, account and tag as a CSV file: one line per published post and account. */
    @GetMapping("/w/{slug}/analytics/export.csv")
    void download(
            @RequestParam(required = false) @Nullable String account,
            @RequestParam(required = false) @Nullable Integer days,
            @RequestParam(required = false) @Nullable String tag,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        CurrentWorkspace current = Access.member(request);
        AnalyticsQuery query = query(
                current, period(days), AccountOption.find(AccountOption.of(connections, current.id()), account), tag);
        export.write(
                current.id(),
                query,
                CsvDownload.start(
                        response, FiguresExport.filename(current.workspace().slug(), query)));
    }

    /** The page's period and account's audience as a CSV file: one line per account and daily snapshot. */
    @GetMapping("/w/{slug}/analytics/audience.csv")
    void downloadAudience(
            @RequestParam(required = false) @Nullable String account,
            @RequestParam(required = false) @Nullable Integer days,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        CurrentWorkspace current = Access.member(request);
        AnalyticsQuery query = asked(current, account, days);
        audienceExport.write(
                current.id(),
                query,
                CsvDownload.start(
                        response, AudienceExport.filename(current.workspace().slug(), query)));
    }

    /** The period and account a download asks for, as the page shows them. */
    private AnalyticsQuery asked(CurrentWorkspace current, @Nullable String account, @Nullable Integer days) {
        return query(current, period(days), AccountOption.find(AccountOption.of(connections, current.id()), account));
    }

    private static int period(@Nullable Integer days) {
        return days != null && PERIODS.contains(days) ? days : 30;
    }

    private AnalyticsQuery query(CurrentWorkspace current, int period, @Nullable AccountOption account) {
        return query(current, period, account, null);
    }

    private AnalyticsQuery query(
            CurrentWorkspace current, int period, @Nullable AccountOption account, @Nullable String tag) {
        var zone = current.workspace().timezone();
        return AnalyticsQuery.last(
                period,
                LocalDate.ofInstant(clock.instant(), zone),
                zone,
                account == null ? null : account.connection().id(),
                tag);
    }

    /** Reads the post's figures from its platforms now (editors; at most every few minutes), back to its page. */
    @PostMapping("/w/{slug}/posts/{id}/figures")
    String refresh(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            var read = analytics.refresh(
                    current.id(), new PostId(id), current.workspace().timezone());
            long failed = read.stream().filter(m -> m.lastError() != null).count();
            flash.addFlashAttribute(
                    failed == 0 ? "notice" : "problem",
                    failed == 0 ? "Figures read just now." : "Some figures could not be read: see each account below.");
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id + "#figures";
    }
}
