package herald.providers.linkedin;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Herald's app registration with LinkedIn and where LinkedIn answers (every URL is configuration, so WireMock can stand
 * in for LinkedIn in tests).
 *
 * @param clientId the app's client id ({@code HERALD_LINKEDIN_CLIENT_ID})
 * @param clientSecret its secret, sent in the form body to the token and revoke endpoints
 *     ({@code HERALD_LINKEDIN_CLIENT_SECRET})
 * @param version the {@code LinkedIn-Version} header, {@code YYYYMM}: LinkedIn sunsets each version after about a
 *     year ({@code HERALD_LINKEDIN_VERSION})
 * @param authorizationUrl where the person consents
 * @param tokenUrl where codes and refresh tokens are exchanged
 * @param revokeUrl where tokens are revoked
 * @param apiUrl the REST API ({@code /v2/userinfo}, {@code /rest/posts}, ...)
 * @param postUrl a post's public address, {@code {urn}} standing for the post's URN
 * @param memberScopes scopes asked for a personal profile
 * @param organizationScopes scopes asked for company pages
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param uploadTimeout how long an image upload may take
 */
@ConfigurationProperties("herald.providers.linkedin")
record LinkedInClientSettings(
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("202605") String version,
        @DefaultValue("https://www.linkedin.com/oauth/v2/authorization") URI authorizationUrl,
        @DefaultValue("https://www.linkedin.com/oauth/v2/accessToken") URI tokenUrl,
        @DefaultValue("https://www.linkedin.com/oauth/v2/revoke") URI revokeUrl,
        @DefaultValue("https://api.linkedin.com") URI apiUrl,
        @DefaultValue("https://www.linkedin.com/feed/update/{urn}") String postUrl,
        @DefaultValue({"openid", "profile", "w_member_social"}) List<String> memberScopes,
        @DefaultValue({"w_organization_social", "r_organization_social", "r_organization_admin"})
                List<String> organizationScopes,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("60s") Duration uploadTimeout) {

    static final String CLIENT_ID_ENV = "HERALD_LINKEDIN_CLIENT_ID";
    static final String CLIENT_SECRET_ENV = "HERALD_LINKEDIN_CLIENT_SECRET";
    static final String VERSION_ENV = "HERALD_LINKEDIN_VERSION";

    /** The environment variables still to set before Herald can use LinkedIn. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (clientId.isBlank()) {
            missing.add(CLIENT_ID_ENV);
        }
        if (clientSecret.isBlank()) {
            missing.add(CLIENT_SECRET_ENV);
        }
        if (!version.matches("\\d{6}(\\.\\d{2})?")) {
            missing.add(VERSION_ENV + " (YYYYMM, e.g. 202605; it is '" + version + "')");
        }
        return missing;
    }

    URI api(String pathAndQuery) {
        return URI.create(trim(apiUrl) + pathAndQuery);
    }

    URI postUrl(String urn) {
        return URI.create(postUrl.replace("{urn}", urn));
    }

    private static String trim(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public String toString() {
        return "LinkedInClientSettings[clientId=" + clientId + ", version=" + version + ", apiUrl=" + apiUrl + "]";
    }
}
