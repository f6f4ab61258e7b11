package herald.inbox;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a post's comments are read next: after a twelfth of its age, clamped between {@code soonest} and {@code
 * latest}, and never once it is {@code window} old. A young post is where people talk; an old one rarely gets a new
 * comment, and each reading is a call against the platform's limits.
 */
record ReadPlan(Duration soonest, Duration latest, Duration window) {

    static ReadPlan of(InboxSettings settings) {
        return new ReadPlan(settings.soonest(), settings.latest(), settings.window());
    }

    /** The next reading after one made at {@code readAt}, or null when the post is too old to be read again. */
    @Nullable
    Instant next(Instant publishedAt, Instant readAt) {
        Instant end = publishedAt.plus(window);
        Duration age = Duration.between(publishedAt, readAt);
        Duration gap = age.isNegative() ? soonest : age.dividedBy(12);
        gap = gap.compareTo(soonest) < 0 ? soonest : gap.compareTo(latest) > 0 ? latest : gap;
        Instant next = readAt.plus(gap);
        return next.isAfter(end) ? null : next;
    }
}
