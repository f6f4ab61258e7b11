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
 */
@ConfigurationProperties("herald.providers.sandbox")
record SandboxClientSettings(
        URI baseUrl,
        String clientId,
        String clientSecret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout) {

    URI endpoint(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    @Override
    public String toString() {
        return "SandboxClientSettings[baseUrl=" + baseUrl + ", clientId=" + clientId + "]";
    }
}
