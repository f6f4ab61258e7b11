package herald.providers.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static herald.providers.WireMockPlatform.NOW;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import herald.providers.MediaDownloadsTests;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderFailures;
import herald.providers.WireMockPlatform;
import herald.vault.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bluesky as a {@link WireMockPlatform} plays it: the PDS's XRPC at {@code /xrpc/{nsid}}, Herald's asset library at
 * {@code /herald/media}, built from platform-contracts.md 6.2 and the atproto lexicons. The provider's clock is fixed
 * at {@link WireMockPlatform#NOW} and its TIDs have clock id {@value #CLOCK_ID}, so each test knows its record keys.
 */
final class BlueskyStub {

    static final String DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";
    static final String HANDLE = "ada.bsky.social";
    static final int CLOCK_ID = 7;
    /** Generous, for a build machine shared by many builds. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    /** The read timeout of the {@link #impatient} provider that stall tests use. */
    static final Duration IMPATIENT = Duration.ofSeconds(1);
    /** How long a stalled stub takes to answer: well past {@link #IMPATIENT}. */
    static final int STALL = 4_000;

    static final String CREATE = "/xrpc/com.atproto.repo.createRecord";
    static final String GET_RECORD = "/xrpc/com.atproto.repo.getRecord";
    static final String LIST_RECORDS = "/xrpc/com.atproto.repo.listRecords";
    static final String UPLOAD = "/xrpc/com.atproto.repo.uploadBlob";
    static final String RESOLVE = "/xrpc/com.atproto.identity.resolveHandle";
    static final String SESSION = "/xrpc/com.atproto.server.createSession";
    static final String REFRESH = "/xrpc/com.atproto.server.refreshSession";
    static final String DELETE_SESSION = "/xrpc/com.atproto.server.deleteSession";
    static final String PROFILE = "/xrpc/app.bsky.actor.getProfile";
    static final String POSTS = "/xrpc/app.bsky.feed.getPosts";

    private BlueskyStub() {}

    static BlueskySettings settings(WireMockPlatform server, Duration readTimeout) {
        return new BlueskySettings(
                true,
                URI.create(server.baseUrl()),
                URI.create("https://bsky.app"),
                Duration.ofSeconds(2),
                readTimeout,
                READ_TIMEOUT);
    }

    static BlueskyProvider provider(WireMockPlatform server) {
        return provider(settings(server, READ_TIMEOUT), server);
    }

    /** A provider that waits only {@link #IMPATIENT} for an answer, for the tests of stalls. */
    static BlueskyProvider impatient(WireMockPlatform server) {
        return provider(settings(server, IMPATIENT), server);
    }

    static BlueskyProvider provider(BlueskySettings settings, WireMockPlatform server) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new BlueskyProvider(
                settings, JsonMapper.builder().build(), clock, server.downloads("/herald"), new Tids(clock, CLOCK_ID));
    }

    /** A provider for checks that call no platform: its PDS is an address nothing answers. */
    static BlueskyProvider offline() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var settings = new BlueskySettings(
                true,
                URI.create("http://127.0.0.1:9"),
                URI.create("https://bsky.app"),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        return new BlueskyProvider(
                settings,
                JsonMapper.builder().build(),
                clock,
                MediaDownloadsTests.reading("https://herald.test"),
                new Tids(clock, CLOCK_ID));
    }

    /** The record key of the {@code n}th TID (from 0) a fresh provider makes. */
    static String rkey(int n) {
        return Tids.encode(NOW.getEpochSecond() * 1_000_000L + n, CLOCK_ID);
    }

    static String at(String rkey) {
        return "at://" + DID + "/app.bsky.feed.post/" + rkey;
    }

    /** A session JWT as a PDS signs it (the signature is not checked by Herald, so any will do). */
    static String jwt(String sub, Instant expiresAt, String scope) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"at+jwt\",\"alg\":\"ES256K\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(
                "{\"scope\":\"%s\",\"sub\":\"%s\",\"iat\":%d,\"exp\":%d,\"aud\":\"did:web:bsky.social\"}"
                        .formatted(scope, sub, NOW.getEpochSecond(), expiresAt.getEpochSecond())
                        .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".c2lnbmF0dXJl";
    }

    /** The access JWT of Ada's session: its {@code sub} is her DID. */
    static Secret access() {
        return Secret.of(jwt(DID, NOW.plus(Duration.ofHours(2)), "com.atproto.appPass"));
    }

    /** A record as getRecord answers it, or as listRecords lists it. */
    static String record(String uri, String cid, String text, Instant createdAt, String more) {
        return """
                {"uri":"%s","cid":"%s","value":{"$type":"app.bsky.feed.post","text":"%s","createdAt":"%s"%s}}"""
                .formatted(uri, cid, escape(text), createdAt, more.isEmpty() ? "" : "," + more);
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** An XRPC error answer. */
    static ResponseDefinitionBuilder error(int status, String name, String message) {
        return json(status, "{\"error\":\"%s\",\"message\":\"%s\"}".formatted(name, message));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static ProviderException assertKind(ThrowingCallable call, Kind kind, String messagePart) {
        return ProviderFailures.assertKind(call, BlueskyProvider.ID, kind, messagePart);
    }
}
