package herald.providers.mastodon;

import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import herald.vault.Secret;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Mastodon connection's access token stands for: the token, the server that issued it, and Herald's client
 * there (whose secret revoking the token needs). Herald's connections keep one secret per token, so the four travel
 * packed in it as compact JSON, sealed like any other token; every call of the provider unpacks it and goes to the
 * server it names, a server Herald checked when the person named it. {@code toString()} shows no secret.
 */
record MastodonCredential(String server, String clientId, Secret clientSecret, Secret accessToken) {

    /** The credential as the one secret Herald stores for the connection's access token. */
    Secret pack(JsonMapper json) {
        var node = json.createObjectNode()
                .put("server", server)
                .put("client_id", clientId)
                .put("client_secret", clientSecret.reveal())
                .put("access_token", accessToken.reveal());
        return Secret.of(json.writeValueAsString(node));
    }

    /**
     * The credential packed in {@code token}. A token that holds none is not one Herald made for Mastodon: the
     * connection cannot be used until it is connected again.
     */
    static MastodonCredential unpack(JsonMapper json, Secret token) {
        JsonNode node = ProviderJson.tree(json, token.reveal());
        String server = node == null ? null : ProviderJson.text(node, "server");
        String clientId = node == null ? null : ProviderJson.text(node, "client_id");
        String clientSecret = node == null ? null : ProviderJson.text(node, "client_secret");
        String accessToken = node == null ? null : ProviderJson.text(node, "access_token");
        if (server == null || clientId == null || clientSecret == null || accessToken == null) {
            throw new ProviderException(
                    MastodonProvider.ID,
                    Kind.AUTH_REVOKED,
                    "The connection's Mastodon token is not one Herald can use (it names no server); connect the"
                            + " account again.");
        }
        return new MastodonCredential(server, clientId, Secret.of(clientSecret), Secret.of(accessToken));
    }
}
