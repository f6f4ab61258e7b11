package herald.links;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code herald.link-cards.*}: what reading a page may reach and take, and how long a card is kept.
 *
 * @param enabled whether Herald reads pages for cards at all (off: the composer shows the link's host, and Bluesky and
 *     LinkedIn cards name the host as their title)
 * @param allowedHosts hosts a page may be read from although they resolve to internal addresses (a test's stub); any
 *     other internal address is refused
 * @param maxBytes the most of a page read: the head, where the tags are, comes first
 * @param connectTimeout how long connecting may take
 * @param readTimeout how long the server may be silent while answering
 * @param fetchTimeout how long one read may take in all
 * @param lifetime how long a card (or a page's failure to give one) is kept before the page is read again
 */
@ConfigurationProperties("herald.link-cards")
record LinkCardSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("1048576") int maxBytes,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("8s") Duration fetchTimeout,
        @DefaultValue("1d") Duration lifetime) {}
