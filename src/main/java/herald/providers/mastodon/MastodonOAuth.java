package herald.providers.mastodon;

import herald.providers.AccountType;
import herald.providers.AuthorizationRequest;
import herald.providers.DiscoveredAccount;
import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import herald.providers.ServerClients.ServerClient;
import herald.providers.TokenForms;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth 2.0 at the person's own server (platform-contracts.md 6.1), with Herald's client there: the consent ({@code
 * /oauth/authorize}, PKCE S256, which Mastodon 4.3 checks and older servers ignore), the code's exchange ({@code
 * /oauth/token}), the account the token belongs to ({@code verify_credentials}) and the token's revocation ({@code
 * /oauth/revoke}). The token Herald keeps is a {@link MastodonCredential}: the token with its server and client.
 */
final class MastodonOAuth {

    private final MastodonServers servers;
    private final MastodonApi api;
    private final MastodonErrors errors;
    private final JsonMapper json;

    MastodonOAuth(MastodonServers servers, MastodonApi api, MastodonErrors errors, JsonMapper json) {
        this.servers = servers;
        this.api = api;
        this.errors = errors;
        this.json = json;
    }

    URI authorizationUrl(AuthorizationRequest request) {
        String server = server(request.server());
        ServerClient client = servers.kept(server, request.redirectUri());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.clientId());
        query.put("redirect_uri", request.redirectUri().toString());
        query.put("scope", MastodonServers.SCOPES);
        query.put("state", request.state());
        if (request.codeChallenge() != null) {
            query.put("code_challenge", request.codeChallenge());
            query.put("code_challenge_method", "S256");
        }
        return URI.create(api.url(server, "/oauth/authorize") + "?"
                + query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&")));
    }

    TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri, @Nullable String named) {
        String server = server(named);
        ServerClient client = servers.kept(server, redirectUri);
        LinkedMultiValueMap<String, String> form = TokenForms.authorizationCode(code, verifier, redirectUri);
        form.add("client_id", client.clientId());
        form.add("client_secret", client.clientSecret().reveal());
        String what = "the authorization code's exchange";
        PlatformAnswer answer = api.form(server, null, "/oauth/token", form, what);
        if (!answer.ok()) {
            if (answer.status() == 429 || answer.status() >= 500) {
                throw errors.failure(answer, what);
            }
            throw new ProviderException(
                    MastodonProvider.ID,
                    Kind.PERMISSION,
                    "The Mastodon server " + server + " did not accept the consent"
                            + (errors.code(answer) == null ? "" : " (" + errors.code(answer) + ")")
                            + errors.said(answer) + " Connect the account again.");
        }
        JsonNode token = errors.parse(answer, what);
        String access = ProviderJson.text(token, "access_token");
        if (access == null) {
            throw new ProviderException(
                    MastodonProvider.ID,
                    Kind.TRANSIENT,
                    "The Mastodon server " + server + " answered " + what + " without an access token.");
        }
        String scope = ProviderJson.text(token, "scope");
        var credential = new MastodonCredential(server, client.clientId(), client.clientSecret(), Secret.of(access));
        // Mastodon's tokens do not expire (no expires_in) and it issues no refresh token.
        return new TokenGrant(
                credential.pack(json),
                null,
                null,
                scope == null ? List.of() : Arrays.asList(scope.strip().split("\\s+")));
    }

    /** The account the token belongs to: {@code {id}@{server}}, its handle {@code {acct}@{server}}, name and avatar. */
    DiscoveredAccount discover(TokenGrant grant, AccountType type) {
        MastodonCredential account = MastodonCredential.unpack(json, grant.accessToken());
        JsonNode me = verifyCredentials(account);
        String id = ProviderJson.text(me, "id");
        String acct = ProviderJson.text(me, "acct");
        if (acct == null) {
            acct = ProviderJson.text(me, "username");
        }
        if (id == null || acct == null) {
            throw new ProviderException(
                    MastodonProvider.ID,
                    Kind.TRANSIENT,
                    "The Mastodon server " + account.server() + " answered without the account's id and name.");
        }
        String username = acct + "@" + account.server();
        String name = ProviderJson.text(me, "display_name");
        return new DiscoveredAccount(
                id + "@" + account.server(),
                type,
                username,
                name == null ? username : name,
                ProviderJson.text(me, "avatar_static"),
                grant);
    }

    /** {@code GET /api/v1/accounts/verify_credentials}: the account the token belongs to. */
    JsonNode verifyCredentials(MastodonCredential account) {
        String what = "the question whose account this is";
        PlatformAnswer answer =
                api.get(account.server(), account.accessToken(), "/api/v1/accounts/verify_credentials", what);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        return errors.parse(answer, what);
    }

    /**
     * {@code POST /oauth/revoke} with Herald's client there. Mastodon answers a token it does not know (revoked
     * already, or at a server that forgot it) as revoked; a 400 or 401 for it is no error either.
     */
    void revoke(Secret token) {
        MastodonCredential account = MastodonCredential.unpack(json, token);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("client_id", account.clientId());
        form.add("client_secret", account.clientSecret().reveal());
        form.add("token", account.accessToken().reveal());
        String what = "the token's revocation";
        PlatformAnswer answer = api.form(account.server(), null, "/oauth/revoke", form, what);
        if (!answer.ok() && answer.status() != 400 && answer.status() != 401) {
            throw errors.failure(answer, what);
        }
    }

    private static String server(@Nullable String server) {
        if (server == null || server.isBlank()) {
            throw new ProviderException(
                    MastodonProvider.ID,
                    Kind.PERMISSION,
                    "Mastodon connects at the server a person names; this consent names none. Start connecting again.");
        }
        return server;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
