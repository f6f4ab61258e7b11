package herald.providers;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What Herald puts in an authorize URL: the single-use {@code state}, the exact redirect URI registered with the
 * platform, the PKCE S256 challenge (null when the platform does not take PKCE) and the account type asked for.
 */
public record AuthorizationRequest(
        String state, URI redirectUri, @Nullable String codeChallenge, AccountType accountType) {}
