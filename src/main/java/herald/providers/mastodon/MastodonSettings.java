package herald.providers.mastodon;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Herald reaches Mastodon servers. There is no one address: every person names their own server, and Herald calls
 * it over {@code https://} once it has checked that the name resolves to public addresses only (SSRF), a check the
 * HTTP client repeats at every connection. {@code localServers} are the exceptions an operator names: servers on
 * Herald's own machine or network (a local Mastodon, the tests' stub), reached over plain {@code http://} although
 * they resolve to internal addresses.
 *
 * @param enabled whether Mastodon is offered ({@code HERALD_MASTODON_ENABLED}); Herald registers itself at each server,
 *     so there is nothing else to configure
 * @param localServers hosts (without port) Herald may call although they are internal, over http ({@code
 *     HERALD_MASTODON_LOCAL_SERVERS}, comma-separated)
 * @param clientName the name Herald registers under at each server, shown on the consent page
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; after sending a post, no answer in time is an unknown outcome
 * @param uploadTimeout how long one medium's upload may take
 * @param processingWait how long to wait for a server to process an uploaded video before the attempt gives up (and
 *     its retry waits for the same upload again)
 * @param processingPoll how often to ask whether it is processed
 */
@ConfigurationProperties("herald.providers.mastodon")
record MastodonSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue List<String> localServers,
        @DefaultValue("Herald") String clientName,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("60s") Duration uploadTimeout,
        @DefaultValue("120s") Duration processingWait,
        @DefaultValue("2s") Duration processingPoll) {

    static final String ENABLED_ENV = "HERALD_MASTODON_ENABLED";

    MastodonSettings {
        localServers = localServers == null ? List.of() : List.copyOf(localServers);
    }

    /** The environment variables to set before Herald can use Mastodon: only turning it back on. */
    List<String> missing() {
        return enabled ? List.of() : List.of(ENABLED_ENV);
    }
}
