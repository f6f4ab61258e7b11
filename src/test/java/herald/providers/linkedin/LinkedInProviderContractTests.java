package herald.providers.linkedin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import herald.providers.SocialProvider;
import herald.providers.SocialProviderContract;
import herald.providers.WireMockPlatform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The LinkedIn provider against a WireMock stand-in answering as platform-contracts section 4 says LinkedIn does. The
 * contract's account handle {@code contract} is a member's id, so it posts as {@code urn:li:person:contract}.
 */
class LinkedInProviderContractTests extends SocialProviderContract {

    /** The contract names the post's URL itself; LinkedIn's own template is tested in LinkedInPublishingTests. */
    static final String POST_URL = "https://platform.test/{urn}";

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    LinkedInProvider provider;

    @BeforeEach
    void createProvider() {
        provider = LinkedInStub.provider(wiremock, POST_URL);
    }

    @Override
    protected SocialProvider provider() {
        return provider;
    }

    @Override
    protected void platformRefreshes(String refreshToken, String access, String refresh) {
        wiremock.stubFor(post("/oauth/v2/accessToken")
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + refreshToken))
                .withRequestBody(containing("client_secret=li-s3cret"))
                .willReturn(okJson(LinkedInStub.token(access, refresh))));
    }

    @Override
    protected void platformRefusesTheGrant() {
        tokenEndpoint(
                400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant or refresh"
                        + " token is invalid, expired or revoked\"}");
    }

    @Override
    protected void platformFails() {
        tokenEndpoint(500, "{\"message\":\"Internal Server Error\",\"status\":500}");
    }

    @Override
    protected void platformAnswersMalformedJson() {
        tokenEndpoint(200, "{\"access_token\":");
    }

    @Override
    protected void platformRateLimits(int seconds) {
        wiremock.stubFor(post("/oauth/v2/accessToken")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(seconds))));
    }

    @Override
    protected void platformStalls() {
        provider = LinkedInStub.impatient(wiremock, POST_URL);
        wiremock.stubFor(post("/oauth/v2/accessToken")
                .willReturn(okJson(LinkedInStub.token("late", "late")).withFixedDelay(LinkedInStub.STALL)));
    }

    @Override
    protected void platformPublishes(String id, String url) {
        wiremock.stubFor(post("/rest/posts")
                .withHeader("Authorization", equalTo("Bearer contract-at"))
                .withHeader("LinkedIn-Version", equalTo(LinkedInStub.VERSION))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                .withRequestBody(
                        equalToJson(
                                """
                        {"author":"urn:li:person:contract","commentary":"Hello, contract","visibility":"PUBLIC",
                         "distribution":{"feedDistribution":"MAIN_FEED","targetEntities":[],
                                         "thirdPartyDistributionChannels":[]},
                         "lifecycleState":"PUBLISHED","isReshareDisabledByAuthor":false}"""))
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", id)));
    }

    @Override
    protected void platformRefusesThePost(int status, String error) {
        String body =
                switch (error) {
                    case "duplicate" ->
                        "{\"message\":\"Content is a duplicate of urn:li:share:7045020441609936898\",\"status\":422}";
                    case "invalid_content" -> "{\"message\":\"/commentary :: length exceeds 3000\",\"status\":400}";
                    default -> "{\"message\":\"Service Unavailable\",\"status\":%d}".formatted(status);
                };
        int answered = "duplicate".equals(error) ? 422 : status;
        wiremock.stubFor(post("/rest/posts")
                .willReturn(aResponse()
                        .withStatus(answered)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    @Override
    protected void platformStallsAfterCreating() {
        provider = LinkedInStub.impatient(wiremock, POST_URL);
        wiremock.stubFor(post("/rest/posts")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("x-restli-id", "urn:li:share:1")
                        .withFixedDelay(LinkedInStub.STALL)));
    }

    @Override
    protected void platformLists(String handle, Instant createdAt, String... texts) {
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            elements.add(LinkedInStub.listed("urn:li:share:" + (100 + i), texts[i], createdAt, null));
        }
        wiremock.stubFor(get(urlEqualTo(
                        "/rest/posts?author=urn%3Ali%3Aperson%3A" + handle + "&q=author&count=50&sortBy=LAST_MODIFIED"))
                .withHeader("LinkedIn-Version", equalTo(LinkedInStub.VERSION))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                .willReturn(okJson(
                        "{\"paging\":{\"start\":0,\"count\":50},\"elements\":[" + String.join(",", elements) + "]}")));
    }

    private void tokenEndpoint(int status, String body) {
        wiremock.stubFor(post("/oauth/v2/accessToken")
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }
}
