package herald.providers.linkedin;

import static herald.providers.WireMockPlatform.NOW;

import herald.providers.WireMockPlatform;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * LinkedIn as a {@link WireMockPlatform} plays it (OAuth at {@code /oauth/v2}, the API at the root, uploads at
 * {@code /dms-uploads}), with Herald's asset library at {@code /herald/media}, built from platform-contracts section 4.
 */
final class LinkedInStub {

    static final String VERSION = "202611";
    /** Generous, for a build machine shared by many builds. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    /** The read timeout of the {@link #impatient} provider that stall tests use. */
    static final Duration IMPATIENT = Duration.ofSeconds(1);
    /** How long a stalled stub takes to answer: well past {@link #IMPATIENT}. */
    static final int STALL = 4_000;

    private LinkedInStub() {}

    static LinkedInClientSettings settings(WireMockPlatform server, String postUrl) {
        return settings(server, postUrl, READ_TIMEOUT);
    }

    static LinkedInClientSettings settings(WireMockPlatform server, String postUrl, Duration readTimeout) {
        String base = server.baseUrl();
        return new LinkedInClientSettings(
                "li-client",
                "li-s3cret",
                VERSION,
                URI.create(base + "/oauth/v2/authorization"),
                URI.create(base + "/oauth/v2/accessToken"),
                URI.create(base + "/oauth/v2/revoke"),
                URI.create(base),
                postUrl,
                List.of("openid", "profile", "w_member_social"),
                List.of("w_organization_social", "r_organization_social", "r_organization_admin"),
                Duration.ofSeconds(2),
                readTimeout,
                READ_TIMEOUT);
    }

    static LinkedInProvider provider(WireMockPlatform server, String postUrl) {
        return provider(settings(server, postUrl), server);
    }

    /** A provider that waits only {@link #IMPATIENT} for an answer, for the tests of stalls. */
    static LinkedInProvider impatient(WireMockPlatform server, String postUrl) {
        return provider(settings(server, postUrl, IMPATIENT), server);
    }

    static LinkedInProvider provider(LinkedInClientSettings settings, WireMockPlatform server) {
        return new LinkedInProvider(
                settings, server.downloads("/herald"), JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static String token(String access, String refresh) {
        return """
                {"access_token":"%s","expires_in":5184000,"scope":"openid,profile,w_member_social"%s}"""
                .formatted(
                        access,
                        refresh == null
                                ? ""
                                : ",\"refresh_token\":\"%s\",\"refresh_token_expires_in\":31536000".formatted(refresh));
    }

    /** A post as the posts finder lists it. */
    static String listed(String urn, String commentary, Instant createdAt, String content) {
        return """
                {"id":"%s","author":"urn:li:person:contract","commentary":"%s","visibility":"PUBLIC",\
                "lifecycleState":"PUBLISHED","createdAt":%d,"publishedAt":%d,"lastModifiedAt":%d%s}"""
                .formatted(
                        urn,
                        commentary.replace("\\", "\\\\").replace("\"", "\\\""),
                        createdAt.toEpochMilli(),
                        createdAt.toEpochMilli(),
                        createdAt.toEpochMilli(),
                        content == null ? "" : ",\"content\":" + content);
    }
}
