package herald.web.ui;

import herald.analytics.AnalyticsReport;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analytics page's chart as SVG coordinates computed on the server, as {@link AiUsageChart} draws its own: a bar
 * per day of the engagements of the posts published that day, scaled to the busiest day, with a label every few days.
 */
record AnalyticsChart(int width, int height, long most, List<Bar> bars) {

    static final int WIDTH = 720;
    static final int HEIGHT = 200;
    static final int TOP = 16;
    static final int BOTTOM = 28;

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** Labels nearer the edges than this are aligned to their bar's edge, not centred, so none is cut off. */
    static final int EDGE = 24;

    /**
     * One day's bar; {@code label} empty on the days between labels, drawn at {@code labelX} with the SVG {@code
     * text-anchor} {@code labelAnchor}.
     */
    record Bar(int x, int y, int width, int height, String label, String title, int labelX, String labelAnchor) {

        Bar(int x, int y, int width, int height, String label, String title) {
            this(x, y, width, height, label, title, labelX(x, width), labelAnchor(x, width));
        }

        private static int labelX(int x, int width) {
            return switch (labelAnchor(x, width)) {
                case "start" -> x;
                case "end" -> x + width;
                default -> x + width / 2;
            };
        }

        private static String labelAnchor(int x, int width) {
            int centre = x + width / 2;
            return centre < EDGE ? "start" : centre > WIDTH - EDGE ? "end" : "middle";
        }
    }

    /** Whether no day of the period has an engagement: the chart says so instead of showing an empty plot. */
    public boolean empty() {
        return bars.stream().allMatch(bar -> bar.height() == 0);
    }

    static AnalyticsChart of(List<AnalyticsReport.Day> days) {
        return of(
                days.stream().map(AnalyticsReport.Day::day).toList(),
                days.stream().map(AnalyticsReport.Day::engagements).toList(),
                i -> {
                    AnalyticsReport.Day day = days.get(i);
                    return LABEL.format(day.day()) + ": " + String.format(Locale.ENGLISH, "%,d", day.engagements())
                            + " engagements, " + String.format(Locale.ENGLISH, "%,d", day.views()) + " views, "
                            + day.targets() + (day.targets() == 1 ? " post" : " posts");
                });
    }

    /** A bar per day from {@code from} to {@code to} of the clicks on the workspace's short links that day. */
    static AnalyticsChart clicks(java.util.Map<LocalDate, Long> clicks, LocalDate from, LocalDate to) {
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        List<Long> values = days.stream().map(d -> clicks.getOrDefault(d, 0L)).toList();
        return of(
                days,
                values,
                i -> LABEL.format(days.get(i)) + ": " + String.format(Locale.ENGLISH, "%,d", values.get(i))
                        + (values.get(i) == 1 ? " click" : " clicks"));
    }

    /** A bar per day of {@code values}, scaled to the largest, titled by {@code title} of its index. */
    private static AnalyticsChart of(
            List<LocalDate> days, List<Long> values, java.util.function.IntFunction<String> title) {
        long most = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(0));
        int plot = HEIGHT - TOP - BOTTOM;
        double slot = (double) WIDTH / days.size();
        int every = Math.max(1, (int) Math.ceil(days.size() / 8.0));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            long value = values.get(i);
            int h = (int) Math.round((double) value * plot / most);
            if (value > 0 && h < 2) {
                h = 2;
            }
            bars.add(new Bar(
                    (int) Math.round(i * slot + slot / 6),
                    TOP + plot - h,
                    Math.max(1, (int) Math.round(slot * 2 / 3)),
                    h,
                    i % every == 0 ? LABEL.format(days.get(i)) : "",
                    title.apply(i)));
        }
        return new AnalyticsChart(WIDTH, HEIGHT, most, bars);
    }
}
