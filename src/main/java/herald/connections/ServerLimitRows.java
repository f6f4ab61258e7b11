package herald.connections;

import herald.providers.ServerLimits;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code server_limits}: what each Mastodon-like server says a post may carry, a global table. */
@Component
class ServerLimitRows implements ServerLimits {

    private final JdbcClient jdbc;

    ServerLimitRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Limits> find(String provider, String server) {
        return jdbc.sql(
                        """
                        select max_characters, max_media, url_characters from server_limits
                        where provider = :provider and server = :server""")
                .param("provider", provider)
                .param("server", server)
                .query((rs, n) -> new Limits(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .optional();
    }

    @Override
    public void keep(String provider, String server, Limits limits) {
        jdbc.sql(
                        """
                        insert into server_limits (provider, server, max_characters, max_media, url_characters)
                        values (:provider, :server, :characters, :media, :url)
                        on conflict (provider, server) do update set max_characters = excluded.max_characters,
                            max_media = excluded.max_media, url_characters = excluded.url_characters,
                            read_at = now()""")
                .param("provider", provider)
                .param("server", server)
                .param("characters", limits.maxCharacters())
                .param("media", limits.maxMedia())
                .param("url", limits.urlCharacters())
                .update();
    }
}
