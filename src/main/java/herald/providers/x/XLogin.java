package herald.providers.x;

import static herald.providers.x.XTimeline.text;

import herald.providers.AccountType;
import herald.providers.DiscoveredAccount;
import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.TokenForms;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * X's OAuth 2.0 token endpoint (platform-contracts.md 1.1) as a confidential client with PKCE: the code exchange,
 * refresh and revocation, each naming the client id in the form as X asks, and the one account a consent connects
 * ({@code /2/users/me}).
 */
final class XLogin {

    private static final String ID = XProvider.ID;

    private final XClientSettings settings;
    private final XApiClient api;
    private final XErrors errors;
    private final XTimeline timeline;
    private final Clock clock;

    XLogin(XClientSettings settings, XApiClient api, XErrors errors, XTimeline timeline, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.errors = errors;
        this.timeline = timeline;
        this.clock = clock;
    }

    TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri) {
        var form = TokenForms.authorizationCode(code, verifier, redirectUri);
        form.add("client_id", settings.clientId());
        return grant(
                api.postForm(settings.tokenUrl(), form, "the authorization code"), "the authorization code", false);
    }

    TokenGrant refresh(Secret refreshToken) {
        var form = TokenForms.refresh(refreshToken);
        form.add("client_id", settings.clientId());
        return grant(api.postForm(settings.tokenUrl(), form, "the token refresh"), "the token refresh", true);
    }

    void revoke(Secret token) {
        var form = TokenForms.revoke(token);
        form.add("client_id", settings.clientId());
        PlatformAnswer answer = api.postForm(settings.revokeUrl(), form, "the revocation");
        // X answers a token it no longer knows with 400 invalid_request: revoking a dead token is no error.
        if (!answer.ok() && answer.status() != 400) {
            throw errors.tokenFailure(answer, "the revocation", false);
        }
    }

    List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType) {
        String what = "the account's profile";
        JsonNode me = timeline.me(user.accessToken(), "?user.fields=profile_image_url", what);
        String username = text(me, "username");
        String name = text(me, "name");
        return List.of(new DiscoveredAccount(
                text(me, "id"),
                accountType,
                username,
                name.isBlank() ? username : name,
                me.hasNonNull("profile_image_url") ? me.get("profile_image_url").asString() : null,
                user));
    }

    private TokenGrant grant(PlatformAnswer answer, String what, boolean refreshing) {
        if (!answer.ok()) {
            throw errors.tokenFailure(answer, what, refreshing);
        }
        JsonNode body = errors.parse(answer, what);
        String access = text(body, "access_token");
        if (access.isBlank()) {
            throw new ProviderException(ID, Kind.TRANSIENT, "X answered " + what + " without an access token.");
        }
        String refresh = text(body, "refresh_token");
        long expiresIn = body.path("expires_in").asLong(0);
        String scope = text(body, "scope");
        return new TokenGrant(
                Secret.of(access),
                refresh.isBlank() ? null : Secret.of(refresh),
                expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null,
                scope.isBlank() ? List.of() : Arrays.asList(scope.strip().split("\\s+")));
    }
}
