package herald.providers.meta;

import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Facebook Login as both Meta providers use it (platform-contracts.md 2.1): the code exchange, the long-lived user
 * token, the granted permissions, the Pages with their own tokens, and revocation. No PKCE: the app's secret proves
 * the caller at the token endpoint.
 */
public final class GraphLogin {

    private static final int MAX_PAGES = 20;

    private final GraphClient graph;
    private final String provider;
    private final String platform;
    private final Clock clock;

    public GraphLogin(GraphClient graph, String provider, String platform, Clock clock) {
        this.graph = graph;
        this.provider = provider;
        this.platform = platform;
        this.clock = clock;
    }

    /**
     * Exchanges the code for the short-lived user token, and that at once for the long-lived one (about 60 days): Page
     * tokens read with a long-lived user token do not expire, those read with a short-lived one last an hour.
     */
    public TokenGrant exchange(String code, URI redirectUri) {
        var query = new LinkedHashMap<String, String>();
        query.put("redirect_uri", redirectUri.toString());
        query.put("code", code);
        JsonNode answer = graph.token(query, "the authorization code", code);
        return extend(Secret.of(accessToken(answer, "the authorization code")));
    }

    /**
     * {@code grant_type=fb_exchange_token}: a long-lived user token for a valid user token. Meta has no refresh token;
     * the long-lived token is its own credential for this exchange, so the grant names it as its refresh token.
     */
    public TokenGrant extend(Secret userToken) {
        var query = new LinkedHashMap<String, String>();
        query.put("grant_type", "fb_exchange_token");
        query.put("fb_exchange_token", userToken.reveal());
        String what = "the long-lived token exchange";
        JsonNode answer = graph.token(query, what, userToken.reveal());
        Secret token = Secret.of(accessToken(answer, what));
        long expiresIn = answer.path("expires_in").asLong(0);
        return new TokenGrant(token, token, expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null, List.of());
    }

    /**
     * The permissions the person granted ({@code GET /me/permissions}). A declined {@code required} one is a
     * {@code PERMISSION} error that names it, since nothing could be published without it.
     */
    public List<String> granted(Secret userToken, List<String> required) {
        JsonNode answer = graph.get("me/permissions", Map.of(), userToken, "the granted permissions", null);
        List<String> granted = new ArrayList<>();
        for (JsonNode permission : answer.path("data")) {
            if ("granted".equals(permission.path("status").asString(""))) {
                granted.add(permission.path("permission").asString(""));
            }
        }
        List<String> missing =
                required.stream().filter(scope -> !granted.contains(scope)).toList();
        if (!missing.isEmpty()) {
            throw new ProviderException(
                    provider,
                    Kind.PERMISSION,
                    "Herald needs the " + String.join(", ", missing) + " permission" + (missing.size() > 1 ? "s" : "")
                            + " on " + platform + ", which the consent did not grant. Connect again and keep "
                            + (missing.size() > 1 ? "them" : "it") + " ticked.");
        }
        return List.copyOf(granted);
    }

    /** The person's Pages ({@code GET /me/accounts}) with {@code fields}, every page of the answer. */
    public List<JsonNode> pages(Secret userToken, String fields) {
        List<JsonNode> pages = new ArrayList<>();
        @Nullable String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            var query = new LinkedHashMap<String, String>();
            query.put("fields", fields);
            query.put("limit", "100");
            if (after != null) {
                query.put("after", after);
            }
            JsonNode answer = graph.get("me/accounts", query, userToken, "the list of Pages", null);
            answer.path("data").forEach(pages::add);
            JsonNode paging = answer.path("paging");
            after = paging.path("cursors").path("after").asString(null);
            if (!paging.hasNonNull("next") || after == null) {
                break;
            }
        }
        return pages;
    }

    /**
     * Revokes where Facebook lets a token be revoked on its own. A user token de-authorizes the app for that person
     * ({@code DELETE /me/permissions}). A Page token cannot be revoked by itself: it lives until the person removes
     * the app or loses the Page role, and revoking the person's whole grant would also cut every other Page they
     * connected (in this or another workspace), so Herald only forgets it. An invalid token needs nothing.
     */
    public void revoke(Secret token) {
        JsonNode data = graph.debug(token, "the token check before revoking").path("data");
        if (!data.path("is_valid").asBoolean(false)) {
            return;
        }
        if ("USER".equals(data.path("type").asString(""))) {
            graph.delete("me/permissions", token, "the revocation");
        }
    }

    private String accessToken(JsonNode answer, String what) {
        String token = answer.path("access_token").asString("");
        if (token.isBlank()) {
            throw new ProviderException(
                    provider, Kind.TRANSIENT, platform + " answered " + what + " without an access token.");
        }
        return token;
    }
}
