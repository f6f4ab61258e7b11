package herald.providers.instagram;

import herald.providers.meta.GraphApi;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Instagram Business through Facebook Login (docs/platforms/instagram.md). The app, version and hosts default to the
 * Facebook provider's, since one Meta app serves both.
 *
 * @param maxHashtags the most hashtags a caption may carry (30 by the API reference; Instagram announced 5 in 2025)
 * @param pollInterval how long to wait between two reads of a container's status
 * @param containerWait how long one attempt waits for Instagram to process a container before it lets a later
 *     attempt continue with the same container
 */
@ConfigurationProperties("herald.providers.instagram")
record InstagramSettings(
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("v26.0") String graphVersion,
        @DefaultValue("https://www.facebook.com") URI dialogUrl,
        @DefaultValue("https://graph.facebook.com") URI graphUrl,
        @DefaultValue("https://www.instagram.com") URI webUrl,
        @DefaultValue({
                    "instagram_basic",
                    "instagram_content_publish",
                    "instagram_manage_insights",
                    "instagram_manage_comments",
                    "pages_show_list",
                    "pages_read_engagement"
                })
                List<String> scopes,
        @DefaultValue("30") int maxHashtags,
        @DefaultValue("2200") int maxCaptionLength,
        @DefaultValue("10") int maxCarousel,
        @DefaultValue("8MB") DataSize maxImageSize,
        @DefaultValue("1GB") DataSize maxVideoSize,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("5m") Duration containerWait,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    GraphApi graph() {
        return new GraphApi(graphUrl, graphVersion, clientId, clientSecret, connectTimeout, readTimeout);
    }

    /** How many status reads one attempt makes before it gives the container to a later attempt. */
    int polls() {
        return (int) Math.max(1, containerWait.toMillis() / Math.max(1, pollInterval.toMillis()));
    }

    @Override
    public String toString() {
        return "InstagramSettings[clientId=" + clientId + ", graphVersion=" + graphVersion + ", graphUrl=" + graphUrl
                + "]";
    }
}
