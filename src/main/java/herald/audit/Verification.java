package herald.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of walking a workspace's chain: {@code valid} when every entry's hash matches its content and its
 * predecessor; otherwise the first entry that does not.
 */
public record Verification(boolean valid, long checked, @Nullable Long firstBrokenSequence, @Nullable String reason) {

    static Verification intact(long checked) {
        return new Verification(true, checked, null, null);
    }

    static Verification brokenAt(long checked, long sequence, String reason) {
        return new Verification(false, checked, sequence, reason);
    }
}
