package herald.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code herald.sandbox.*}: whether the Sandbox is served, its admin token (blank: admin endpoints answer 404), the
 * registered OAuth clients, token lifetimes, the per-account rate-limit window and the media fetch caps.
 */
@ConfigurationProperties("herald.sandbox")
record SandboxSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String adminToken,
        @DefaultValue Map<String, Client> clients,
        @DefaultValue("2h") Duration accessTokenLifetime,
        @DefaultValue("30d") Duration refreshTokenLifetime,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Media media,
        @DefaultValue("60s") Duration stallAfterCreate,
        @Nullable Integer standalonePort) {

    /** A registered client: its display name, secret and the redirect URIs it may use (exact matches). */
    record Client(@DefaultValue("") String name, @DefaultValue("") String secret, List<String> redirectUris) {}

    /** A fixed window of {@code requests} per {@code window} for each account. */
    record RateLimit(@DefaultValue("300") int requests, @DefaultValue("15m") Duration window) {}

    /**
     * Media URLs are fetched with at most {@code maxBytes} and {@code timeout} each, from public addresses, Herald's own
     * host ({@code herald.public-url}) and the hosts named in {@code allowedHosts} only.
     */
    record Media(
            @DefaultValue("10485760") long maxBytes,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue List<String> allowedHosts) {}
}
