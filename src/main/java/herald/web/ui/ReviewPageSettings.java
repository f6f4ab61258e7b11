package herald.web.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public review pages' request limits ({@code herald.review-links.*}): per link (its token) and per client
 * address, each an hourly allowance shared by every node.
 *
 * @param enabled whether the limits are enforced
 */
@ConfigurationProperties("herald.review-links")
public record ReviewPageSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("600") int perLinkPerHour,
        @DefaultValue("1200") int perAddressPerHour) {}
