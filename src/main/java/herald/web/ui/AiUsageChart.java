package herald.web.ui;

import herald.content.AiMonthUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * The usage chart as SVG coordinates computed on the server (the page's CSP allows no inline styles and Herald adds
 * no chart library): a bar per month scaled to the larger of the limit and the busiest month, and the limit's line.
 */
record AiUsageChart(int width, int height, int limitY, List<Bar> bars) {

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    static final int TOP = 20;
    static final int BOTTOM = 30;

    /** One month's bar; {@code over} when it reached the limit. */
    record Bar(int x, int y, int width, int height, String label, String title, boolean current, boolean over) {}

    static AiUsageChart of(List<AiMonthUsage> months) {
        long limit = months.getLast().limit();
        long top = Math.max(
                1,
                Math.max(
                        limit,
                        months.stream().mapToLong(AiMonthUsage::tokens).max().orElse(0)));
        int plot = HEIGHT - TOP - BOTTOM;
        int slot = WIDTH / months.size();
        var bars = new ArrayList<Bar>();
        for (int i = 0; i < months.size(); i++) {
            AiMonthUsage month = months.get(i);
            int h = (int) Math.round((double) month.tokens() * plot / top);
            if (month.tokens() > 0 && h < 2) {
                h = 2;
            }
            bars.add(new Bar(
                    i * slot + slot / 5,
                    TOP + plot - h,
                    slot * 3 / 5,
                    h,
                    month.month().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH),
                    month.month() + ": " + String.format(java.util.Locale.ENGLISH, "%,d", month.tokens()) + " of "
                            + String.format(java.util.Locale.ENGLISH, "%,d", month.limit()) + " tokens ("
                            + month.percent() + "%)",
                    i == months.size() - 1,
                    month.usedUp()));
        }
        int limitY = TOP + plot - (int) Math.round((double) limit * plot / top);
        return new AiUsageChart(WIDTH, HEIGHT, limitY, bars);
    }
}
