package herald.web.ui;

import herald.analytics.Analytics;
import herald.analytics.AnalyticsQuery;
import herald.analytics.AnalyticsReport;
import herald.analytics.Audience;
import herald.connections.Connections;
import herald.publishing.PostTags;
import herald.publishing.ShortLinkClicks;
import herald.tenancy.WorkspaceRules;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monthly report an agency sends its client (Buffer's and Hootsuite's PDF reports): one calendar month in the
 * workspace's zone, optionally of one account, with the month before beside it, on a page of its own that prints, or
 * saves as a PDF, without Herald's navigation. Every member may read it, as the analytics page.
 */
@Controller
class MonthlyReportController {

    /** How many past months the form offers. */
    static final int MONTHS = 12;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final Analytics analytics;
    private final Audience audience;
    private final Connections connections;
    private final ShortLinkClicks shortLinks;
    private final WorkspaceRules workspaceRules;
    private final PostTags tags;
    private final Clock clock;

    MonthlyReportController(
            Analytics analytics,
            Audience audience,
            Connections connections,
            ShortLinkClicks shortLinks,
            WorkspaceRules workspaceRules,
            PostTags tags,
            Clock clock) {
        this.tags = tags;
        this.shortLinks = shortLinks;
        this.workspaceRules = workspaceRules;
        this.analytics = analytics;
        this.audience = audience;
        this.connections = connections;
        this.clock = clock;
    }

    /** A month the form offers: {@code 2026-11}, "November 2026". */
    record MonthOption(String value, String label) {}

    /** A figure of the month beside the month before's, and the change in percent (null when there was none before). */
    record Compared(long now, long before) {

        public @Nullable Long change() {
            return before == 0 ? null : Math.round((now - before) * 100.0 / before);
        }

        /** "+12% on October", "−3% on October", or "October: none" for the form of the page. */
        public String against(String previous) {
            Long change = change();
            if (change == null) {
                return before == 0 && now == 0 ? "" : previous + ": none";
            }
            return (change > 0 ? "+" : change < 0 ? "−" : "±") + Math.abs(change) + "% on " + previous;
        }
    }

    @GetMapping("/w/{slug}/analytics/report")
    String report(
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String account,
            @RequestParam(required = false) @Nullable String tag,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        CurrentWorkspace current = Access.member(request);
        var zone = current.workspace().timezone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        YearMonth thisMonth = YearMonth.from(today);
        // An agency reports the month that ended; the current one is offered "so far".
        YearMonth shown = thisMonth.minusMonths(1);
        if (month != null && !month.isBlank()) {
            try {
                YearMonth asked = YearMonth.parse(month.strip());
                if (asked.isAfter(thisMonth)) {
                    model.addAttribute(
                            "problem", MONTH.format(asked) + " has not begun: showing " + MONTH.format(shown) + ".");
                    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                } else {
                    shown = asked;
                }
            } catch (DateTimeParseException e) {
                model.addAttribute(
                        "problem",
                        "'" + month + "' is not a month (such as 2026-11): showing " + MONTH.format(shown) + ".");
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        List<AccountOption> accounts = AccountOption.of(connections, current.id());
        @Nullable AccountOption chosen = AccountOption.find(accounts, account);
        var connection = chosen == null ? null : chosen.connection().id();

        LocalDate last = shown.atEndOfMonth().isAfter(today) ? today : shown.atEndOfMonth();
        AnalyticsQuery query = new AnalyticsQuery(shown.atDay(1), last, zone, connection, tag);
        YearMonth previous = shown.minusMonths(1);
        AnalyticsQuery before =
                new AnalyticsQuery(previous.atDay(1), previous.atEndOfMonth(), zone, connection, query.tag());
        AnalyticsReport report = analytics.report(current.id(), query);
        AnalyticsReport.Totals earlier = analytics.report(current.id(), before).totals();

        model.addAttribute("workspaceName", current.workspace().name());
        model.addAttribute("slug", current.workspace().slug());
        model.addAttribute("monthLabel", MONTH.format(shown) + (shown.equals(thisMonth) ? " (so far)" : ""));
        model.addAttribute(
                "previousLabel", previous.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH));
        model.addAttribute("month", shown.toString());
        model.addAttribute("months", months(thisMonth));
        model.addAttribute("accounts", accounts);
        model.addAttribute("account", chosen == null ? "" : chosen.id());
        model.addAttribute("accountName", chosen == null ? null : chosen.name());
        TagPicker.add(model, tags, current.id(), query.tag() == null ? "" : query.tag());
        model.addAttribute("zone", zone.getId());
        model.addAttribute("report", report);
        model.addAttribute("posts", new Compared(report.totals().posts(), earlier.posts()));
        model.addAttribute("views", new Compared(report.totals().views(), earlier.views()));
        model.addAttribute("engagements", new Compared(report.totals().engagements(), earlier.engagements()));
        var clicks = new Compared(
                shortLinks.clicksBetween(current.id(), query.from(), query.to(), connection, query.tag()),
                shortLinks.clicksBetween(current.id(), before.from(), before.to(), connection, query.tag()));
        model.addAttribute(
                "clicks",
                clicks.now() > 0 || clicks.before() > 0 || workspaceRules.shortensLinks(current.id()) ? clicks : null);
        model.addAttribute("chart", AnalyticsChart.of(report.days()));
        model.addAttribute("audience", audience.report(current.id(), query).accounts());
        model.addAttribute("time", new WorkspaceTime(zone));
        model.addAttribute("generatedAt", clock.instant());
        return "posts/report";
    }

    /** This month (so far) and the {@value #MONTHS} before it, newest first. */
    static List<MonthOption> months(YearMonth thisMonth) {
        List<MonthOption> months = new ArrayList<>();
        for (int back = 0; back <= MONTHS; back++) {
            YearMonth month = thisMonth.minusMonths(back);
            months.add(new MonthOption(month.toString(), MONTH.format(month) + (back == 0 ? " (so far)" : "")));
        }
        return months;
    }
}
