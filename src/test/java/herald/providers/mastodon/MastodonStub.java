package herald.providers.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.WireMockPlatform.NOW;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderFailures;
import herald.providers.ServerClients;
import herald.providers.ServerLimits;
import herald.providers.WireMockPlatform;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Mastodon server as a {@link WireMockPlatform} plays it, built from platform-contracts.md 6.1 and Mastodon's API
 * documentation: the server is {@code localhost:{port}}, which the provider may call over http because its settings
 * name {@code localhost} a local server. Herald's asset library is at {@code /herald/media}. The provider's clock is
 * fixed at {@link WireMockPlatform#NOW}.
 */
final class MastodonStub {

    static final URI REDIRECT = URI.create("https://herald.test/connections/callback/mastodon");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ACCOUNT_ID = "109348";
    static final String ACCESS = "mastodon-access-token-1";
    static final String CLIENT_ID = "client-id-1";
    static final String CLIENT_SECRET = "client-secret-1";
    /** Generous, for a build machine shared by many builds. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    /** The read timeout of the {@link #impatient} provider that stall tests use. */
    static final Duration IMPATIENT = Duration.ofSeconds(1);
    /** How long a stalled stub takes to answer: well past {@link #IMPATIENT}. */
    static final int STALL = 4_000;

    static final String STATUSES = "/api/v1/statuses";
    static final String MEDIA = "/api/v2/media";
    static final String VERIFY = "/api/v1/accounts/verify_credentials";
    static final String TIMELINE = "/api/v1/accounts/" + ACCOUNT_ID + "/statuses";

    private MastodonStub() {}

    static String server(WireMockPlatform wiremock) {
        return "localhost:" + wiremock.port();
    }

    static MastodonSettings settings(Duration readTimeout) {
        return new MastodonSettings(
                true,
                List.of("localhost"),
                "Herald",
                Duration.ofSeconds(2),
                readTimeout,
                READ_TIMEOUT,
                Duration.ofMillis(600),
                Duration.ofMillis(20));
    }

    static MastodonProvider provider(WireMockPlatform wiremock, Clients clients) {
        return provider(settings(READ_TIMEOUT), wiremock, clients);
    }

    /** A provider that waits only {@link #IMPATIENT} for an answer, for the tests of stalls. */
    static MastodonProvider impatient(WireMockPlatform wiremock, Clients clients) {
        return provider(settings(IMPATIENT), wiremock, clients);
    }

    static MastodonProvider provider(MastodonSettings settings, WireMockPlatform wiremock, Clients clients) {
        return new MastodonProvider(
                settings, JSON, Clock.fixed(NOW, ZoneOffset.UTC), wiremock.downloads("/herald"), clients, clients);
    }

    /** A provider for checks that call no server. */
    static MastodonProvider offline() {
        return offline(new Clients());
    }

    /** A provider for checks that call no server, knowing what {@code offlineClients} kept. */
    static MastodonProvider offline(Clients offlineClients) {
        return new MastodonProvider(
                settings(READ_TIMEOUT),
                JSON,
                Clock.fixed(NOW, ZoneOffset.UTC),
                herald.providers.MediaDownloadsTests.reading("https://herald.test"),
                offlineClients,
                offlineClients);
    }

    /** The token Herald keeps for Ada's account at the stub's server. */
    static Secret token(WireMockPlatform wiremock) {
        return new MastodonCredential(server(wiremock), CLIENT_ID, Secret.of(CLIENT_SECRET), Secret.of(ACCESS))
                .pack(JSON);
    }

    /** The server answers as Mastodon 4.3 does to {@code GET /api/v2/instance}. */
    static void isMastodon(WireMockPlatform wiremock) {
        wiremock.stubFor(
                get("/api/v2/instance")
                        .willReturn(
                                okJson(
                                        """
                        {"domain":"localhost","title":"Mastodon","version":"4.3.2","source_url":"https://github.com/mastodon/mastodon",
                         "configuration":{"statuses":{"max_characters":500,"max_media_attachments":4,
                           "characters_reserved_per_url":23}}}""")));
    }

    /** The server registers Herald as {@link #CLIENT_ID}. */
    static void registers(WireMockPlatform wiremock) {
        wiremock.stubFor(post("/api/v1/apps")
                .willReturn(okJson(
                        """
                        {"id":"563419","name":"Herald","website":"https://herald.test","scopes":["read:accounts",
                         "read:statuses","write:statuses","write:media"],"redirect_uris":["%s"],
                         "client_id":"%s","client_secret":"%s","client_secret_expires_at":0}"""
                                .formatted(REDIRECT, CLIENT_ID, CLIENT_SECRET))));
    }

    /** The account the token belongs to. */
    static void verifies(WireMockPlatform wiremock) {
        wiremock.stubFor(get(urlPathEqualTo(VERIFY)).willReturn(okJson(account())));
    }

    static String account() {
        return """
                {"id":"%s","username":"ada","acct":"ada","display_name":"Ada Lovelace","locked":false,"bot":false,
                 "avatar":"https://files.example/ada.gif","avatar_static":"https://files.example/ada.png",
                 "followers_count":1200,"following_count":87,"statuses_count":431}"""
                .formatted(ACCOUNT_ID);
    }

    /** A status as the API answers it. */
    static String status(String id, Instant createdAt, String content, String inReplyTo, int media) {
        StringBuilder attachments = new StringBuilder();
        for (int i = 0; i < media; i++) {
            attachments.append(i == 0 ? "" : ",").append("{\"id\":\"m%d\",\"type\":\"image\"}".formatted(i));
        }
        return """
                {"id":"%s","created_at":"%s","in_reply_to_id":%s,"visibility":"public",
                 "uri":"https://localhost/users/ada/statuses/%s","url":"https://localhost/@ada/%s",
                 "replies_count":0,"reblogs_count":0,"favourites_count":0,"content":"%s","reblog":null,
                 "account":{"id":"%s","username":"ada","acct":"ada"},"media_attachments":[%s]}"""
                .formatted(
                        id,
                        createdAt,
                        inReplyTo == null ? "null" : "\"" + inReplyTo + "\"",
                        id,
                        id,
                        content.replace("\"", "\\\""),
                        ACCOUNT_ID,
                        attachments);
    }

    static ResponseDefinitionBuilder error(int status, String message) {
        return json(status, "{\"error\":\"" + message + "\"}");
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static ProviderException assertKind(ThrowingCallable call, Kind kind, String messagePart) {
        return ProviderFailures.assertKind(call, MastodonProvider.ID, kind, messagePart);
    }

    /** Herald's clients at servers, kept in memory: the provider's collaborator, as the connections module keeps them. */
    static final class Clients implements ServerClients, ServerLimits {

        final Map<String, ServerClient> kept = new ConcurrentHashMap<>();
        /** What each server said a status may carry, by {@code provider server}. */
        final Map<String, Limits> limits = new ConcurrentHashMap<>();

        final AtomicInteger keeps = new AtomicInteger();
        /** A client another connect kept first, which {@link #keep} answers instead of the one given. */
        ServerClient first;

        @Override
        public Optional<ServerClient> find(String provider, String server, URI redirectUri) {
            return Optional.ofNullable(kept.get(provider + " " + server + " " + redirectUri));
        }

        @Override
        public ServerClient keep(String provider, String server, URI redirectUri, ServerClient client) {
            keeps.incrementAndGet();
            return kept.computeIfAbsent(
                    provider + " " + server + " " + redirectUri, key -> first != null ? first : client);
        }

        @Override
        public Optional<Limits> find(String provider, String server) {
            return Optional.ofNullable(limits.get(provider + " " + server));
        }

        @Override
        public void keep(String provider, String server, Limits limits) {
            this.limits.put(provider + " " + server, limits);
        }

        /** Herald is a client of {@code server} already. */
        Clients with(String server) {
            kept.put(
                    MastodonProvider.ID + " " + server + " " + REDIRECT,
                    new ServerClient(CLIENT_ID, Secret.of(CLIENT_SECRET)));
            return this;
        }
    }
}
