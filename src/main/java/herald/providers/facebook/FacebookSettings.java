package herald.providers.facebook;

import herald.providers.meta.GraphApi;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Herald's Meta app and where Facebook answers (docs/platforms/facebook.md).
 *
 * @param clientId the Meta app id ({@code HERALD_FACEBOOK_CLIENT_ID})
 * @param clientSecret its secret ({@code HERALD_FACEBOOK_CLIENT_SECRET})
 * @param graphVersion the pinned Graph API version ({@code HERALD_FACEBOOK_GRAPH_VERSION})
 * @param dialogUrl where the Login dialog lives, {@code https://www.facebook.com}
 * @param graphUrl where the Graph API answers, {@code https://graph.facebook.com}
 * @param webUrl where posts are seen, for their public URL
 * @param scopes the permissions asked for
 * @param maxPhotos how many photos one post carries
 * @param maxPhotoSize the largest photo
 * @param maxTextLength the longest message
 */
@ConfigurationProperties("herald.providers.facebook")
record FacebookSettings(
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("v26.0") String graphVersion,
        @DefaultValue("https://www.facebook.com") URI dialogUrl,
        @DefaultValue("https://graph.facebook.com") URI graphUrl,
        @DefaultValue("https://www.facebook.com") URI webUrl,
        @DefaultValue({
                    "pages_show_list",
                    "pages_manage_posts",
                    "pages_read_engagement",
                    "read_insights",
                    "pages_manage_engagement"
                })
                List<String> scopes,
        @DefaultValue("10") int maxPhotos,
        @DefaultValue("4MB") DataSize maxPhotoSize,
        @DefaultValue("63206") int maxTextLength,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    GraphApi graph() {
        return new GraphApi(graphUrl, graphVersion, clientId, clientSecret, connectTimeout, readTimeout);
    }

    @Override
    public String toString() {
        return "FacebookSettings[clientId=" + clientId + ", graphVersion=" + graphVersion + ", graphUrl=" + graphUrl
                + "]";
    }
}
