package herald.connections;

import herald.providers.ServerClients;
import herald.vault.EncryptedColumn;
import herald.vault.SecretSlot;
import herald.vault.Vault;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code server_clients}: Herald's clients at the servers of Mastodon-like platforms, a global table (a client serves
 * every workspace that connects from its server). The secret is sealed in the row's global slot.
 */
@Component
class ServerClientRows implements ServerClients {

    static final EncryptedColumn SECRET =
            EncryptedColumn.global("server_clients", "client_secret", "server_client.secret");

    private final JdbcClient jdbc;
    private final Vault vault;

    ServerClientRows(JdbcClient jdbc, Vault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @Override
    public Optional<ServerClient> find(String provider, String server, URI redirectUri) {
        return jdbc.sql(
                        """
                        select id, client_id, client_secret from server_clients
                        where provider = :provider and server = :server and redirect_uri = :redirect""")
                .param("provider", provider)
                .param("server", server)
                .param("redirect", redirectUri.toString())
                .query((rs, n) -> new ServerClient(
                        rs.getString("client_id"),
                        vault.open(
                                SecretSlot.global(rs.getObject("id", UUID.class), SECRET.purpose()),
                                rs.getBytes("client_secret"))))
                .optional();
    }

    @Override
    public ServerClient keep(String provider, String server, URI redirectUri, ServerClient client) {
        UUID id = UUID.randomUUID();
        byte[] sealed = vault.seal(SecretSlot.global(id, SECRET.purpose()), client.clientSecret());
        jdbc.sql(
                        """
                        insert into server_clients (id, provider, server, redirect_uri, client_id, client_secret)
                        values (:id, :provider, :server, :redirect, :clientId, :secret)
                        on conflict (provider, server, redirect_uri) do nothing""")
                .param("id", id)
                .param("provider", provider)
                .param("server", server)
                .param("redirect", redirectUri.toString())
                .param("clientId", client.clientId())
                .param("secret", sealed)
                .update();
        return find(provider, server, redirectUri)
                .orElseThrow(() -> new IllegalStateException("A kept server client is gone: " + server));
    }
}
