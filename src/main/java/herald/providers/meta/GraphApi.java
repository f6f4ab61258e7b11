package herald.providers.meta;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where and as which Meta app Herald calls the Graph API. Everything is configuration, so tests and stand-ins can
 * replace Meta's hosts.
 *
 * @param graphUrl the Graph API host, {@code https://graph.facebook.com}
 * @param version the pinned Graph API version, e.g. {@code v26.0}
 * @param clientId the Meta app's id
 * @param clientSecret the Meta app's secret: sent only to the token endpoint and used to sign {@code appsecret_proof}
 */
public record GraphApi(
        URI graphUrl,
        String version,
        String clientId,
        String clientSecret,
        Duration connectTimeout,
        Duration readTimeout) {

    /** {@code {graphUrl}/{version}/{path}?{query}}, every value URL-encoded (Graph field lists hold braces). */
    public URI url(String path, Map<String, String> query) {
        String base = graphUrl.toString().replaceAll("/+$", "");
        String url = base + "/" + version + "/" + path.replaceAll("^/+", "");
        if (query.isEmpty()) {
            return URI.create(url);
        }
        return URI.create(url + "?" + form(query));
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The app access token {@code {app-id}|{app-secret}} that {@code debug_token} asks for. */
    String appToken() {
        return clientId + "|" + clientSecret;
    }

    @Override
    public String toString() {
        return "GraphApi[graphUrl=" + graphUrl + ", version=" + version + ", clientId=" + clientId + "]";
    }
}
