package herald.vault;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The vault's keys and the latest rotation's progress.
 *
 * @param keys every key of the data keyset, newest first, with how many stored values it sealed
 * @param rotation the latest rotation, or null before the first
 */
public record VaultStatus(List<Key> keys, @Nullable Rotation rotation) {

    /** A key: {@code primary} seals, {@code enabled} still opens, {@code disabled} is retired (nothing uses it). */
    public record Key(long id, String state, Instant createdAt, long rows) {}

    /**
     * A rotation to the primary key {@code keyId} and its re-encryption job.
     *
     * @param reencrypted values moved to a newer key by the job so far
     * @param failed values the job could not open (they stay under their key, which then stays enabled)
     * @param remaining values still under a key other than the primary, now
     * @param finishedAt when the job ended, null while it runs
     */
    public record Rotation(
            long keyId,
            Instant startedAt,
            @Nullable Instant finishedAt,
            long reencrypted,
            long failed,
            long remaining) {

        public String state() {
            return finishedAt == null ? "running" : "finished";
        }
    }
}
