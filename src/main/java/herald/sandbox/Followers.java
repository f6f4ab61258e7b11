package herald.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An account's audience on the Sandbox (docs/sandbox-api.md): made up, but the same for the same account and instant
 * on every node, different from account to account, and growing with the account's age, a few followers a day.
 */
final class Followers {

    private Followers() {}

    /** 100 to 580 followers at the start, and 1 to 7 more a day, gained through the day. */
    static long of(UUID account, Instant createdAt, Instant now) {
        long seed = seed(account);
        long minutes = Math.max(0, Duration.between(createdAt, now).toMinutes());
        return 100 + seed * 5 + minutes * perDay(account) / (24 * 60);
    }

    /** How many followers the account gains a day. */
    static long perDay(UUID account) {
        return 1 + seed(account) % 7;
    }

    /** 20 to 116 accounts it follows, for good. */
    static long following(UUID account) {
        return 20 + seed(account);
    }

    private static long seed(UUID account) {
        return Math.floorMod(account.getMostSignificantBits(), 97);
    }
}
