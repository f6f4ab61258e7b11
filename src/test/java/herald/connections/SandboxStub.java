package herald.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A WireMock stand-in for the Sandbox platform, one per JVM, shared by the connection tests. Every token it issues is
 * unique, so a test counts only the requests carrying its own tokens.
 */
public final class SandboxStub {

    public static final WireMockServer server = start();

    private SandboxStub() {}

    private static WireMockServer start() {
        var server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public static String baseUrl() {
        return server.baseUrl() + "/sandbox";
    }

    /** An account the consent grants, with the tokens the account list answers. */
    public record Account(String id, String handle, String accessToken, String refreshToken, long expiresIn) {

        public static Account fresh(String handle) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            return new Account(
                    "acct-" + handle + "-" + tag, handle, "at-" + handle + "-" + tag, "rt-" + handle + "-" + tag, 7200);
        }

        String json() {
            return """
                    {"id":"%s","handle":"%s","displayName":"%s","avatarUrl":"https://img.test/%s.png",\
                    "accessToken":"%s","refreshToken":%s,"expiresIn":%d}"""
                    .formatted(
                            id,
                            handle,
                            handle.toUpperCase(),
                            handle,
                            accessToken,
                            refreshToken == null ? "null" : "\"" + refreshToken + "\"",
                            expiresIn);
        }
    }

    /** The token endpoint accepts {@code code} and the account list grants {@code accounts} to its user token. */
    public static void consent(String code, Account... accounts) {
        String userToken = "user-at-" + code;
        server.stubFor(post("/sandbox/oauth/token")
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + code))
                .willReturn(okJson(
                        """
                        {"access_token":"%s","token_type":"bearer","expires_in":7200,"refresh_token":"user-rt-%s",\
                        "scope":"accounts.read posts.write"}"""
                                .formatted(userToken, code))));
        server.stubFor(get("/sandbox/api/accounts")
                .withHeader("Authorization", equalTo("Bearer " + userToken))
                .willReturn(okJson("{\"data\":["
                        + Arrays.stream(accounts).map(Account::json).collect(Collectors.joining(","))
                        + "]}")));
    }

    /** Refreshing {@code refreshToken} answers new tokens (a null new refresh token: none in the answer). */
    public static void refreshes(String refreshToken, String newAccess, String newRefresh, int delayMs) {
        String body = newRefresh == null
                ? "{\"access_token\":\"%s\",\"token_type\":\"bearer\",\"expires_in\":7200}".formatted(newAccess)
                : "{\"access_token\":\"%s\",\"token_type\":\"bearer\",\"expires_in\":7200,\"refresh_token\":\"%s\"}"
                        .formatted(newAccess, newRefresh);
        server.stubFor(post("/sandbox/oauth/token")
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + refreshToken))
                .willReturn(okJson(body).withFixedDelay(delayMs)));
    }

    public static void tokenEndpointAnswers(String bodyPart, int status, String body) {
        server.stubFor(post("/sandbox/oauth/token")
                .withRequestBody(containing(bodyPart))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    public static void revokeAccepted() {
        server.stubFor(post("/sandbox/oauth/revoke").willReturn(aResponse().withStatus(200)));
    }

    public static int requestsCarrying(String path, String bodyPart) {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo(path))
                        .withRequestBody(containing(bodyPart))
                        .build())
                .getCount();
    }

    public static List<String> tokenRequestBodies() {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/sandbox/oauth/token"))
                .map(e -> e.getRequest().getBodyAsString())
                .toList();
    }

    public static Map<String, String> query(URI url) {
        return Arrays.stream(url.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
