package herald.agents;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An agent's key as shown to its workspace: the prefix that tells keys apart, never the secret. */
public record AgentKey(
        AgentKeyId id,
        AgentId agent,
        String prefix,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
