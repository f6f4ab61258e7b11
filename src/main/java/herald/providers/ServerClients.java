package herald.providers;

import herald.vault.Secret;
import java.net.URI;
import java.util.Optional;

/**
 * Herald's clients at the servers of a platform where every server is its own authorization server (Mastodon, {@link
 * ConnectMethod#SERVER_OAUTH}): one per platform, server and redirect URI, registered by the provider the first time
 * someone connects from that server and kept (the secret sealed) so that the next connect reuses it. Implemented where
 * Herald stores things; providers only ask and tell.
 */
public interface ServerClients {

    /** Herald's client at {@code server} for {@code redirectUri}, if it registered one. */
    Optional<ServerClient> find(String provider, String server, URI redirectUri);

    /**
     * Keeps a client the provider just registered, and answers the one kept: when two connects registered at once, the
     * first kept wins and the other's registration is left unused at the server.
     */
    ServerClient keep(String provider, String server, URI redirectUri, ServerClient client);

    /** A client as the server registered it. {@code toString()} shows no secret. */
    record ServerClient(String clientId, Secret clientSecret) {}
}
