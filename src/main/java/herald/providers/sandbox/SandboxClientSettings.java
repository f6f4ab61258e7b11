package herald.providers.sandbox;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Herald's client registration with the Sandbox platform.
 *
 * @param baseUrl where the Sandbox answers, {@code ${herald.public-url}/sandbox} when it runs inside Herald
 * @param clientId Herald's OAuth client id there
 * @param clientSecret its secret, sent by HTTP Basic to the token and revoke endpoints
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer before the call counts as transient
 * @param refreshWhenIdleFor the longest a connection goes without a refresh: the Sandbox's refresh tokens lapse (30
 *     days by default), so idle connections are refreshed at least this often
 */
@ConfigurationProperties("herald.providers.sandbox")
record SandboxClientSettings(
        URI baseUrl,
        String clientId,
        String clientSecret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("1d") Duration refreshWhenIdleFor) {

    URI endpoint(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    @Override
    public String toString() {
        return "SandboxClientSettings[baseUrl=" + baseUrl + ", clientId=" + clientId + "]";
    }
}
