package herald.sandbox;

import java.util.List;
import java.util.UUID;

/** A new access and refresh token pair of one family, in the clear: only its hashes are stored. */
record IssuedTokens(
        UUID familyId, String accessToken, String refreshToken, long expiresIn, String scope, List<UUID> accountIds) {}
