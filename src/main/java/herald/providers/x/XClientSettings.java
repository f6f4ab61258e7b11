package herald.providers.x;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Herald's client registration with X (an app of the X developer portal) and where X answers. Every address is
 * configuration so that tests point the provider at WireMock; the defaults are X's real hosts.
 *
 * @param clientId the app's OAuth 2.0 client id ({@code HERALD_X_CLIENT_ID}); empty: X is not configured
 * @param clientSecret its secret ({@code HERALD_X_CLIENT_SECRET}), sent by HTTP Basic: Herald is a confidential client
 * @param authorizeUrl the consent page the browser opens
 * @param tokenUrl where codes and refresh tokens are exchanged
 * @param revokeUrl where tokens are revoked
 * @param apiUrl the API v2 host: posts, users, timelines
 * @param uploadUrl the host of the v2 media upload endpoints ({@code /2/media/upload/...})
 * @param postUrl where a post is seen in a browser: {@code {postUrl}/{username}/status/{id}}
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; after sending a post, no answer in time is an unknown outcome
 * @param uploadTimeout how long one media upload request (a chunk of up to {@code chunkSize}) may take
 * @param chunkSize the size of one append of a chunked media upload
 * @param processingTimeout how long to wait for X to process an uploaded video or GIF before trying again later
 */
@ConfigurationProperties("herald.providers.x")
record XClientSettings(
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("https://x.com/i/oauth2/authorize") URI authorizeUrl,
        @DefaultValue("https://api.x.com/2/oauth2/token") URI tokenUrl,
        @DefaultValue("https://api.x.com/2/oauth2/revoke") URI revokeUrl,
        @DefaultValue("https://api.x.com") URI apiUrl,
        @DefaultValue("https://api.x.com") URI uploadUrl,
        @DefaultValue("https://x.com") URI postUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("2m") Duration uploadTimeout,
        @DefaultValue("4MB") DataSize chunkSize,
        @DefaultValue("5m") Duration processingTimeout) {

    URI api(String path) {
        return join(apiUrl, path);
    }

    URI upload(String path) {
        return join(uploadUrl, path);
    }

    /** A post's public URL; without the handle, X's own redirect to it. */
    URI post(String username, String id) {
        return join(postUrl, "/" + (username.isBlank() ? "i/web" : username) + "/status/" + id);
    }

    private static URI join(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }

    @Override
    public String toString() {
        return "XClientSettings[apiUrl=" + apiUrl + ", clientId=" + clientId + "]";
    }
}
