package herald.content;

import java.time.YearMonth;

/**
 * A workspace's AI usage in one calendar month of its time zone, against its plan's limit.
 *
 * @param limit the plan's {@code aiTokensPerMonth}
 * @param generations calls made, failed ones included
 */
public record AiMonthUsage(
        YearMonth month,
        long promptTokens,
        long completionTokens,
        long costMicros,
        int generations,
        int failures,
        long limit) {

    public long tokens() {
        return promptTokens + completionTokens;
    }

    /** Share of the limit used, 0–100 and beyond when calls in flight overshot it. */
    public int percent() {
        return limit <= 0 ? 0 : (int) Math.min(999, tokens() * 100 / limit);
    }

    public boolean usedUp() {
        return tokens() >= limit;
    }
}
