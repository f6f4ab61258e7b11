package herald.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code sha256(prev_hash || canonical row)}. The canonical row is the fields in a fixed order, each length-prefixed
 * so that no two different rows share a representation; details are sorted by key.
 */
final class ChainHash {

    private ChainHash() {}

    /** {@code sha256(previous || canonical)}, as the database computes it when an entry is appended (AuditLog). */
    static byte[] of(byte @Nullable [] previous, byte[] canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            if (previous != null) {
                sha256.update(previous);
            }
            return sha256.digest(canonical);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical row, UTF-8: what the hash covers besides the previous hash. */
    static byte[] canonical(
            UUID workspace,
            UUID id,
            Instant occurredAt,
            Actor actor,
            String action,
            @Nullable String targetType,
            @Nullable String targetId,
            Map<String, String> details,
            @Nullable String ip,
            @Nullable String userAgent) {
        StringBuilder canonical = new StringBuilder();
        append(canonical, workspace.toString());
        append(canonical, id.toString());
        append(canonical, occurredAt.toString());
        append(canonical, actor.type().column());
        append(canonical, actor.id());
        append(canonical, actor.label());
        append(canonical, action);
        append(canonical, targetType);
        append(canonical, targetId);
        new TreeMap<>(details).forEach((key, value) -> {
            append(canonical, key);
            append(canonical, value);
        });
        append(canonical, ip);
        append(canonical, userAgent);
        return canonical.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder canonical, @Nullable String value) {
        if (value == null) {
            canonical.append("-1:");
        } else {
            canonical.append(value.length()).append(':').append(value);
        }
        canonical.append('|');
    }
}
