package herald.providers;

import herald.vault.Secret;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The form bodies of OAuth 2.0's token endpoint (RFC 6749 §4.1.3, §6; RFC 7009 §2.1) that every platform takes alike.
 * A platform adds its own fields (X: {@code client_id}) to the map before sending it.
 */
public final class TokenForms {

    private TokenForms() {}

    /** Exchanges an authorization code, with the PKCE verifier (RFC 7636) when the authorization sent a challenge. */
    public static LinkedMultiValueMap<String, String> authorizationCode(
            String code, @Nullable Secret verifier, URI redirectUri) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri.toString());
        if (verifier != null) {
            form.add("code_verifier", verifier.reveal());
        }
        return form;
    }

    /** Trades a refresh token for a new access token. */
    public static LinkedMultiValueMap<String, String> refresh(Secret refreshToken) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken.reveal());
        return form;
    }

    /** Revokes {@code token}. */
    public static LinkedMultiValueMap<String, String> revoke(Secret token) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("token", token.reveal());
        return form;
    }
}
