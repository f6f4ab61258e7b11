package herald.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import herald.providers.WireMockPlatform;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole application with a Mastodon server played by one WireMock server on this machine (a local server the test
 * configuration allows, reached as {@link #server()}), shared by the tests that connect and publish Mastodon accounts
 * through Herald's modules. It adds no properties, so these tests share the connection tests' application context; the
 * server runs as long as the suite.
 */
public abstract class MastodonTestBase extends ConnectionsTestBase {

    protected static final WireMockPlatform mastodon = new WireMockPlatform().running();

    /** A server that takes statuses of 1,000 characters, twice Mastodon's default. */
    protected static final String INSTANCE = "{\"domain\":\"localhost\",\"title\":\"Mastodon\",\"version\":\"4.3.2\","
            + "\"configuration\":{\"statuses\":{\"max_characters\":1000,\"max_media_attachments\":4}}}";

    @Autowired
    protected OAuthFlows flows;

    /** Every test starts with a Mastodon server that knows nothing but that it is one. */
    @BeforeEach
    void forget() {
        mastodon.resetAll();
        mastodon.stubFor(get(urlPathEqualTo("/api/v2/instance")).willReturn(okJson(INSTANCE)));
    }

    /** The server as a person names it, and as Herald names it in handles: {@code localhost:<port>}. */
    protected static String server() {
        return "localhost:" + mastodon.port();
    }

    /** The server registers Herald with these client credentials. */
    protected static void registers(String clientId, String clientSecret) {
        mastodon.stubFor(post(urlPathEqualTo("/api/v1/apps"))
                .willReturn(okJson("{\"id\":\"77\",\"name\":\"Herald\",\"client_id\":\"" + clientId
                        + "\",\"client_secret\":\"" + clientSecret + "\"}")));
    }

    /** The server answers a code with {@code access}, whose account is {@code id}, {@code username}. */
    protected static void consents(String access, String id, String username) {
        mastodon.stubFor(post(urlPathEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\","
                        + "\"scope\":\"read:accounts read:statuses write:statuses write:media\","
                        + "\"created_at\":1733400000}")));
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/accounts/verify_credentials"))
                .withHeader("Authorization", equalTo("Bearer " + access))
                .willReturn(okJson("{\"id\":\"" + id + "\",\"username\":\"" + username + "\",\"acct\":\"" + username
                        + "\",\"display_name\":\"" + username + " on Mastodon\","
                        + "\"avatar_static\":\"https://files.example/" + username + ".png\"}")));
    }

    /** Connects the account the server {@link #consents} to, through the whole OAuth flow of an API client. */
    protected Connection connect(WorkspaceId workspace) {
        var session = flows.start(
                workspace,
                new OAuthFlows.Start("mastodon", "personal", ConnectFlow.API, null, server()),
                Initiator.apiKey("test-key", "tests"));
        String state = query(session.authorizationUrl().getRawQuery()).get("state");
        return flows.complete("mastodon", new OAuthFlows.Callback(state, "code", null, null), null)
                .connections()
                .getFirst();
    }

    protected static Map<String, String> query(String raw) {
        return Arrays.stream(raw.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    protected static Map<String, String> query(URI uri) {
        return query(uri.getRawQuery());
    }
}
