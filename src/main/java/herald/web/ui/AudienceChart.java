package herald.web.ui;

import herald.analytics.AudienceReport;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An account's followers over the period as a small line, its SVG coordinates computed on the server as {@link
 * AnalyticsChart} computes its bars: one point per snapshot, scaled between the period's fewest and most followers
 * (a line from zero would be flat for any account with a following).
 */
record AudienceChart(int width, int height, String points, List<Dot> dots) {

    static final int WIDTH = 240;
    static final int HEIGHT = 56;
    static final int PAD = 4;

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** One snapshot's point, with what it says. */
    record Dot(int x, int y, String title) {}

    static AudienceChart of(List<AudienceReport.Day> days) {
        long fewest =
                days.stream().mapToLong(AudienceReport.Day::followers).min().orElse(0);
        long most = days.stream().mapToLong(AudienceReport.Day::followers).max().orElse(0);
        int plotWidth = WIDTH - 2 * PAD;
        int plotHeight = HEIGHT - 2 * PAD;
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            AudienceReport.Day day = days.get(i);
            int x = PAD
                    + (days.size() == 1 ? plotWidth / 2 : (int) Math.round((double) i * plotWidth / (days.size() - 1)));
            int y = most == fewest
                    ? HEIGHT / 2
                    : PAD + (int) Math.round((double) (most - day.followers()) * plotHeight / (most - fewest));
            dots.add(new Dot(
                    x,
                    y,
                    LABEL.format(day.day()) + ": " + String.format(Locale.ENGLISH, "%,d", day.followers())
                            + " followers"));
        }
        String points = dots.stream().map(d -> d.x() + "," + d.y()).collect(Collectors.joining(" "));
        return new AudienceChart(WIDTH, HEIGHT, points, dots);
    }
}
