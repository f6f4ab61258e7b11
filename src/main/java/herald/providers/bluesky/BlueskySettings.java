package herald.providers.bluesky;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Herald reaches Bluesky. Every XRPC call goes to {@code serviceUrl}, Herald's configured PDS or entryway, never
 * to an address a person typed or a DID document named (that would let anyone point Herald's requests, with a
 * token, anywhere: SSRF); so accounts hosted on another PDS than the entryway's are not reached (see
 * docs/platforms/bluesky.md).
 *
 * @param enabled whether Bluesky is offered ({@code HERALD_BLUESKY_ENABLED}); it needs no app registration
 * @param serviceUrl the PDS or entryway every XRPC call goes to ({@code HERALD_BLUESKY_SERVICE_URL})
 * @param webUrl where a post is seen in a browser: {@code {webUrl}/profile/{handle}/post/{rkey}}
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; after sending a post, no answer in time is an unknown outcome
 * @param uploadTimeout how long one image upload may take
 */
@ConfigurationProperties("herald.providers.bluesky")
record BlueskySettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("https://bsky.social") URI serviceUrl,
        @DefaultValue("https://bsky.app") URI webUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("60s") Duration uploadTimeout) {

    static final String ENABLED_ENV = "HERALD_BLUESKY_ENABLED";

    /** The environment variables to set before Herald can use Bluesky: only turning it back on. */
    List<String> missing() {
        return enabled ? List.of() : List.of(ENABLED_ENV);
    }

    /** The XRPC method {@code nsid} with its query, e.g. {@code ("com.atproto.repo.getRecord", "repo", did, ...)}. */
    URI xrpc(String nsid, String... parameters) {
        StringBuilder url = new StringBuilder(trim(serviceUrl)).append("/xrpc/").append(nsid);
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            url.append(i == 0 ? '?' : '&')
                    .append(parameters[i])
                    .append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        return URI.create(url.toString());
    }

    /** A post's public address on the web app; {@code actor} is the account's handle, or its DID. */
    URI postUrl(String actor, String rkey) {
        return URI.create(trim(webUrl) + "/profile/" + actor + "/post/" + rkey);
    }

    private static String trim(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
