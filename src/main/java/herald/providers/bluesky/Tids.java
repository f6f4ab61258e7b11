package herald.providers.bluesky;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/**
 * Record keys as atproto's TID spec makes them: a 64-bit number, its top bit 0, then 53 bits of microseconds since the
 * Unix epoch and 10 bits of a random clock identifier, written as 13 characters of base32-sortable ({@value
 * #ALPHABET}), so that keys sort as their times do. Herald makes a post's key before it sends the post, so that a
 * second attempt writes to the same key and cannot publish it twice.
 */
final class Tids {

    static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    static final int LENGTH = 13;

    private final Clock clock;
    private final int clockId;
    private long last;

    /** @param clockId the 10-bit clock identifier, random per generator */
    Tids(Clock clock, int clockId) {
        if (clockId < 0 || clockId > 1023) {
            throw new IllegalArgumentException("A TID's clock identifier has 10 bits: " + clockId);
        }
        this.clock = clock;
        this.clockId = clockId;
    }

    /** A generator with a random clock identifier, so that two Herald nodes writing at the same microsecond differ. */
    static Tids random(Clock clock) {
        return new Tids(clock, new SecureRandom().nextInt(1024));
    }

    /** The next key: the clock's microsecond, or one past the last key's when the clock has not moved on. */
    synchronized String next() {
        Instant now = clock.instant();
        long micros = Math.multiplyExact(now.getEpochSecond(), 1_000_000L) + now.getNano() / 1_000;
        last = Math.max(micros, last + 1);
        return encode(last, clockId);
    }

    static String encode(long micros, int clockId) {
        long value = (micros << 10) | clockId;
        char[] out = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(out);
    }

    /** Whether {@code key} is a TID: 13 characters of the alphabet, the first keeping the top bit 0. */
    static boolean valid(String key) {
        if (key.length() != LENGTH || "234567abcdefghij".indexOf(key.charAt(0)) < 0) {
            return false;
        }
        return key.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
