package herald.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import herald.providers.WireMockPlatform;
import herald.shared.WorkspaceId;
import herald.vault.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with Bluesky played by one WireMock server (and Herald's asset library on its own address),
 * shared by the tests that connect and publish Bluesky accounts through Herald's modules, so they share one application
 * context (and so one server, never stopped: a restarted one would listen on another port than the context's). Bluesky's
 * read timeout is a second, for the tests of answers lost after Bluesky took a post.
 */
public abstract class BlueskyTestBase extends ConnectionsTestBase {

    protected static final WireMockPlatform bluesky = new WireMockPlatform().running();

    protected static final String PASSWORD = "abcd-efgh-ijkl-mnop";

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        registry.add("herald.providers.bluesky.service-url", bluesky::baseUrl);
        registry.add("herald.providers.bluesky.read-timeout", () -> "1s");
    }

    /** Every test starts with a Bluesky that knows nothing (the server runs as long as the suite: see above). */
    @BeforeEach
    void forget() {
        bluesky.resetAll();
    }

    @Autowired
    protected AppPasswordConnects connects;

    /** Signs in as {@code handle} (the stub decides who that is) on Bluesky, or reconnects {@code reconnect}. */
    protected Connection signIn(WorkspaceId workspace, String handle, @Nullable ConnectionId reconnect) {
        return signIn(workspace, handle, reconnect, "bluesky");
    }

    protected Connection signIn(
            WorkspaceId workspace, String handle, @Nullable ConnectionId reconnect, String provider) {
        return connects.connect(
                        workspace,
                        new AppPasswordConnects.SignIn(
                                provider, handle, Secret.of(PASSWORD), ConnectFlow.UI, reconnect))
                .connections()
                .getFirst();
    }

    /** A Bluesky account as the stub plays it, with the session it answers a sign-in with. */
    public record Account(String tag, String did, String handle, String access, String refresh, Instant expiresAt) {

        public static Account fresh(String name) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            Instant expires = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            String did = "did:plc:" + name + tag;
            return new Account(tag, did, name + tag + ".bsky.social", jwt(did, expires), "refresh-" + tag, expires);
        }

        /** The same account with the tokens of its next session. */
        public Account renewed() {
            Instant expires = expiresAt.plus(1, ChronoUnit.HOURS);
            return new Account(tag, did, handle, jwt(did, expires), refresh + "-next", expires);
        }

        public String session() {
            return "{\"accessJwt\":\"" + access + "\",\"refreshJwt\":\"" + refresh + "\",\"handle\":\"" + handle
                    + "\",\"did\":\"" + did + "\",\"active\":true}";
        }

        /** The stub answers a sign-in as this account (whatever the handle typed) and its profile. */
        public void signsIn() {
            bluesky.stubFor(post(urlPathEqualTo("/xrpc/com.atproto.server.createSession"))
                    .willReturn(okJson(session())));
            bluesky.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile"))
                    .withQueryParam("actor", equalTo(did))
                    .willReturn(okJson("{\"did\":\"" + did + "\",\"handle\":\"" + handle
                            + "\",\"displayName\":\"Krusty " + tag + "\",\"followersCount\":3}")));
        }

        private static String jwt(String did, Instant expires) {
            var encoder = Base64.getUrlEncoder().withoutPadding();
            String header =
                    encoder.encodeToString("{\"alg\":\"ES256K\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
            String payload = encoder.encodeToString(("{\"scope\":\"com.atproto.appPass\",\"sub\":\"" + did
                            + "\",\"iat\":" + (expires.getEpochSecond() - 7200) + ",\"exp\":" + expires.getEpochSecond()
                            + ",\"jti\":\"" + UUID.randomUUID() + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return header + "." + payload + ".c2lnbmF0dXJl";
        }
    }
}
