package herald.providers.sandbox;

import static herald.providers.ProviderJson.text;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The Sandbox's OAuth 2.0 token endpoint and the accounts a consent granted (docs/sandbox-api.md): the code exchange
 * with PKCE, refresh, revocation, and one token family per account listed by {@code /api/accounts}.
 */
final class SandboxLogin {

    private static final String ID = SandboxProvider.ID;

    private final SandboxApi api;
    private final SandboxErrors errors;
    private final Clock clock;

    SandboxLogin(SandboxApi api, SandboxErrors errors, Clock clock) {
        this.api = api;
        this.errors = errors;
        this.clock = clock;
    }

    TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri) {
        var form = TokenForms.authorizationCode(code, verifier, redirectUri);
        return grant(api.token(form, "the authorization code"), "the authorization code");
    }

    TokenGrant refresh(Secret refreshToken) {
        var form = TokenForms.refresh(refreshToken);
        return grant(api.token(form, "the token refresh"), "the token refresh");
    }

    void revoke(Secret token) {
        var form = TokenForms.revoke(token);
        PlatformAnswer answer = api.revoke(form, "the revocation");
        if (!answer.ok()) {
            throw errors.failure(answer, "the revocation");
        }
    }

    /** Each account the consent granted, with its own tokens; a consent that granted none is refused. */
    List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType) {
        String what = "the account list";
        PlatformAnswer answer = api.accounts(user.accessToken(), what);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        JsonNode data = errors.parse(answer, what).path("data");
        List<DiscoveredAccount> accounts = new ArrayList<>();
        Instant now = clock.instant();
        for (JsonNode account : data) {
            String id = text(account, "id");
            String handle = text(account, "handle");
            String access = text(account, "accessToken");
            if (id == null || handle == null || access == null) {
                throw new ProviderException(
                        ID, Kind.TRANSIENT, "The Sandbox answered " + what + " with an incomplete account.");
            }
            String refresh = text(account, "refreshToken");
            long expiresIn = account.path("expiresIn").asLong(0);
            String displayName = text(account, "displayName");
            accounts.add(new DiscoveredAccount(
                    id,
                    accountType,
                    handle,
                    displayName == null ? handle : displayName,
                    text(account, "avatarUrl"),
                    new TokenGrant(
                            Secret.of(access),
                            refresh == null ? null : Secret.of(refresh),
                            expiresIn > 0 ? now.plusSeconds(expiresIn) : null,
                            user.scopes())));
        }
        if (accounts.isEmpty()) {
            throw new ProviderException(ID, Kind.PERMISSION, "The consent on the Sandbox granted no account.");
        }
        return accounts;
    }

    private TokenGrant grant(PlatformAnswer answer, String what) {
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        JsonNode body = errors.parse(answer, what);
        String access = text(body, "access_token");
        if (access == null) {
            throw new ProviderException(
                    ID, Kind.TRANSIENT, "The Sandbox answered " + what + " without an access token.");
        }
        String refresh = text(body, "refresh_token");
        long expiresIn = body.path("expires_in").asLong(0);
        String scope = text(body, "scope");
        return new TokenGrant(
                Secret.of(access),
                refresh == null ? null : Secret.of(refresh),
                expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null,
                scope == null || scope.isBlank()
                        ? List.of()
                        : Arrays.asList(scope.strip().split("\\s+")));
    }
}
