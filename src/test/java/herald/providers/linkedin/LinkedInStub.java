package herald.providers.linkedin;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import herald.providers.MediaDownloads;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WireMock stand-in for LinkedIn (OAuth at {@code /oauth/v2}, the API at the root, uploads at {@code /dms-uploads})
 * and for Herald's asset library ({@code /herald/media}), built from platform-contracts section 4.
 */
final class LinkedInStub {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final String VERSION = "202611";
    /** Generous, for a build machine shared by many builds. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    /** The read timeout of the {@link #impatient} provider that stall tests use. */
    static final Duration IMPATIENT = Duration.ofSeconds(1);
    /** How long a stalled stub takes to answer: well past {@link #IMPATIENT}. */
    static final int STALL = 4_000;

    private LinkedInStub() {}

    static WireMockServer start() {
        var server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return server;
    }

    static LinkedInClientSettings settings(WireMockServer server, String postUrl) {
        return settings(server, postUrl, READ_TIMEOUT);
    }

    static LinkedInClientSettings settings(WireMockServer server, String postUrl, Duration readTimeout) {
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

    static LinkedInProvider provider(WireMockServer server, String postUrl) {
        return provider(settings(server, postUrl), server);
    }

    /** A provider that waits only {@link #IMPATIENT} for an answer, for the tests of stalls. */
    static LinkedInProvider impatient(WireMockServer server, String postUrl) {
        return provider(settings(server, postUrl, IMPATIENT), server);
    }

    static LinkedInProvider provider(LinkedInClientSettings settings, WireMockServer server) {
        return new LinkedInProvider(
                settings, downloads(server), JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Herald's media reader, trusting the stub's {@code /herald/} as Herald's public URL. */
    static MediaDownloads downloads(WireMockServer server) {
        try {
            Constructor<MediaDownloads> constructor =
                    MediaDownloads.class.getDeclaredConstructor(String.class, List.class);
            constructor.setAccessible(true);
            return constructor.newInstance(server.baseUrl() + "/herald", List.of());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
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
