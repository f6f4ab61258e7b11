package herald.providers;

import herald.vault.Secret;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tokens a platform issued. {@code refreshToken} is null when the answer had none (the stored one must then be kept);
 * {@code expiresAt} is null for tokens that do not expire. {@code toString()} shows no token.
 */
public record TokenGrant(
        Secret accessToken, @Nullable Secret refreshToken, @Nullable Instant expiresAt, List<String> scopes) {}
