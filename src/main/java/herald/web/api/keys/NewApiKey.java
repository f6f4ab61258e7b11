package herald.web.api.keys;

import herald.identity.IssuedApiKey;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A key just created, with its token: shown in this response only (an idempotent replay of the request shows it as
 * null). Send it as {@code Authorization: Bearer <token>}.
 */
public record NewApiKey(
        UUID id,
        String name,
        String prefix,
        List<String> scopes,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Schema(description = "The secret. Store it now: Herald keeps only its hash.") String token) {

    public static NewApiKey of(IssuedApiKey issued) {
        var key = issued.key();
        return new NewApiKey(
                key.id().value(),
                key.name(),
                key.prefix(),
                ApiKeyView.scopes(key),
                key.createdAt(),
                key.expiresAt(),
                issued.token());
    }

    @Override
    public String toString() {
        return "NewApiKey[id=" + id + ", prefix=" + prefix + ", token=<hidden>]";
    }
}
