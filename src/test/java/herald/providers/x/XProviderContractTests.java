package herald.providers.x;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import herald.providers.SocialProvider;
import herald.providers.SocialProviderContract;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The X provider against WireMock answering every way platform-contracts.md section 1 says X does. */
class XProviderContractTests extends SocialProviderContract {

    @RegisterExtension
    static final XStandIn x = XStandIn.checked();

    XProvider provider;

    @BeforeEach
    void createProvider() {
        provider = x.provider();
    }

    @Override
    protected SocialProvider provider() {
        return provider;
    }

    @Override
    protected URI publishedUrl(String id, String url) {
        return URI.create("https://x.com/contract/status/" + id);
    }

    @Override
    protected void platformRefreshes(String refreshToken, String access, String refresh) {
        x.stubFor(post("/2/oauth2/token")
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + refreshToken))
                .willReturn(okJson(
                        """
                        {"token_type":"bearer","expires_in":7200,"access_token":"%s",\
                        "scope":"tweet.read tweet.write users.read offline.access media.write","refresh_token":"%s"}"""
                                .formatted(access, refresh))));
    }

    @Override
    protected void platformRefusesTheGrant() {
        // What X answers a spent (rotated) refresh token with: 400, and not always invalid_grant.
        x.token(
                400,
                "{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the token was invalid.\"}");
    }

    @Override
    protected void platformFails() {
        x.token(503, "{\"title\":\"Service Unavailable\",\"detail\":\"Service Unavailable\",\"type\":\"about:blank\"}");
    }

    @Override
    protected void platformAnswersMalformedJson() {
        x.token(200, "{\"access_token\":");
    }

    @Override
    protected void platformRateLimits(int seconds) {
        x.stubFor(post("/2/oauth2/token")
                .willReturn(XStandIn.json(
                                429,
                                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\","
                                        + "\"status\":429}")
                        .withHeader("x-rate-limit-limit", "75")
                        .withHeader("x-rate-limit-remaining", "0")
                        .withHeader(
                                "x-rate-limit-reset",
                                String.valueOf(XStandIn.NOW.plusSeconds(seconds).getEpochSecond()))));
    }

    @Override
    protected void platformStalls() {
        x.stubFor(post("/2/oauth2/token")
                .willReturn(
                        okJson("{\"access_token\":\"a\",\"expires_in\":7200}").withFixedDelay(XStandIn.STALL_MILLIS)));
    }

    @Override
    protected void platformPublishes(String id, String url) {
        x.stubFor(post("/2/tweets")
                .withHeader("Authorization", equalTo("Bearer contract-at"))
                .withRequestBody(equalTo("{\"text\":\"Hello, contract\"}"))
                .willReturn(
                        XStandIn.json(201, "{\"data\":{\"id\":\"%s\",\"text\":\"Hello, contract\"}}".formatted(id))));
    }

    @Override
    protected void platformRefusesThePost(int status, String error) {
        String body =
                switch (status) {
                    case 409 -> {
                        status = 403;
                        yield "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\","
                                + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}";
                    }
                    case 400 ->
                        "{\"errors\":[{\"parameters\":{\"text\":[\"\"]},\"message\":\"Invalid text\"}],"
                                + "\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was"
                                + " invalid.\",\"type\":\"https://api.x.com/2/problems/invalid-request\"}";
                    default ->
                        "{\"title\":\"Service Unavailable\",\"detail\":\"Service Unavailable\","
                                + "\"type\":\"about:blank\",\"status\":" + status + "}";
                };
        x.stubFor(post("/2/tweets").willReturn(XStandIn.json(status, body)));
    }

    @Override
    protected void platformStallsAfterCreating() {
        x.stubFor(post("/2/tweets")
                .willReturn(XStandIn.json(201, "{\"data\":{\"id\":\"1445880548472328192\",\"text\":\"Hello\"}}")
                        .withFixedDelay(XStandIn.STALL_MILLIS)));
    }

    @Override
    protected void platformLists(String handle, Instant createdAt, String... texts) {
        x.me(handle);
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            data.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"144588054847232819%d\",\"text\":\"%s\",\"created_at\":\"%s\","
                            .formatted(i, texts[i], createdAt))
                    .append("\"edit_history_tweet_ids\":[\"144588054847232819%d\"]}".formatted(i));
        }
        x.stubFor(get(urlPathEqualTo("/2/users/" + XStandIn.USER_ID + "/tweets"))
                .willReturn(okJson("{\"data\":[" + data + "],\"meta\":{\"result_count\":" + texts.length + "}}")));
    }
}
