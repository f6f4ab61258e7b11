package herald.web.api.keys;

import herald.identity.ApiKey;
import herald.identity.ApiKeyScope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API key as listed: never its token, only the prefix that tells keys apart. */
record ApiKeyView(
        UUID id,
        String name,
        @Schema(description = "The visible start of the token, like hk_Ab12Cd34.") String prefix,
        @Schema(description = "read, write and/or admin.") List<String> scopes,
        @Schema(description = "active, expired or revoked.") String status,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    static ApiKeyView of(ApiKey key, Instant now) {
        String status = key.revokedAt() != null ? "revoked" : key.activeAt(now) ? "active" : "expired";
        return new ApiKeyView(
                key.id().value(),
                key.name(),
                key.prefix(),
                scopes(key),
                status,
                key.createdAt(),
                key.expiresAt(),
                key.lastUsedAt(),
                key.revokedAt());
    }

    static List<String> scopes(ApiKey key) {
        return key.scopes().stream().map(ApiKeyScope::value).sorted().toList();
    }
}
