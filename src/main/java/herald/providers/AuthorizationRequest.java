package herald.providers;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What Herald puts in an authorize URL: the single-use {@code state}, the exact redirect URI registered with the
 * platform, the PKCE S256 challenge (null when the platform does not take PKCE), the account type asked for, and the
 * server the person named for a platform that connects with {@link ConnectMethod#SERVER_OAUTH} (as {@link
 * SocialProvider#server} answered it; null elsewhere).
 */
public record AuthorizationRequest(
        String state,
        URI redirectUri,
        @Nullable String codeChallenge,
        AccountType accountType,
        @Nullable String server) {

    /** A request to a platform of one server. */
    public AuthorizationRequest(
            String state, URI redirectUri, @Nullable String codeChallenge, AccountType accountType) {
        this(state, redirectUri, codeChallenge, accountType, null);
    }
}
