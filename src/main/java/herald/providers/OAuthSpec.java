package herald.providers;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A platform's OAuth 2.0 authorization-code flow as Herald uses it.
 *
 * @param authorizationEndpoint where the person consents
 * @param tokenEndpoint where codes and refresh tokens are exchanged
 * @param clientId Herald's client at the platform
 * @param scopes the scopes asked for, per account type
 * @param scopeSeparator how scopes are joined in the authorize URL (space for most, comma for Facebook)
 * @param pkce whether the flow sends an S256 code challenge (X and the Sandbox require it)
 * @param clientAuthentication how the client authenticates at the token endpoint
 */
public record OAuthSpec(
        URI authorizationEndpoint,
        URI tokenEndpoint,
        String clientId,
        Map<AccountType, List<String>> scopes,
        String scopeSeparator,
        boolean pkce,
        ClientAuthentication clientAuthentication) {

    public List<String> scopesFor(AccountType type) {
        return scopes.getOrDefault(type, List.of());
    }
}
