package herald.providers.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.bluesky.BlueskyStub.CREATE;
import static herald.providers.bluesky.BlueskyStub.GET_RECORD;
import static herald.providers.bluesky.BlueskyStub.LIST_RECORDS;
import static herald.providers.bluesky.BlueskyStub.REFRESH;
import static herald.providers.bluesky.BlueskyStub.error;
import static herald.providers.bluesky.BlueskyStub.json;

import herald.providers.SocialProvider;
import herald.providers.SocialProviderContract;
import herald.providers.WireMockPlatform;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Bluesky provider against a WireMock PDS answering as the atproto lexicons and platform-contracts.md 6.2 say. The
 * contract's tokens are not JWTs, so the provider writes to the repo named by the account's handle, {@code contract}.
 */
class BlueskyProviderContractTests extends SocialProviderContract {

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    BlueskyProvider provider;

    @BeforeEach
    void createProvider() {
        provider = BlueskyStub.provider(wiremock);
    }

    @Override
    protected SocialProvider provider() {
        return provider;
    }

    /** Bluesky answers the record's at:// URI; Herald builds the web address from the handle and its own key. */
    @Override
    protected URI publishedUrl(String id, String url) {
        return URI.create("https://bsky.app/profile/contract/post/" + BlueskyStub.rkey(0));
    }

    @Override
    protected void platformRefreshes(String refreshToken, String access, String refresh) {
        wiremock.stubFor(post(REFRESH)
                .withHeader("Authorization", equalTo("Bearer " + refreshToken))
                .willReturn(okJson("{\"accessJwt\":\"%s\",\"refreshJwt\":\"%s\",\"handle\":\"contract\",\"did\":\"%s\"}"
                        .formatted(access, refresh, BlueskyStub.DID))));
    }

    /** The PDS's answer to a refresh JWT it revoked (refreshSession.ts: "Token has been revoked"). */
    @Override
    protected void platformRefusesTheGrant() {
        wiremock.stubFor(post(REFRESH).willReturn(error(400, "ExpiredToken", "Token has been revoked")));
    }

    @Override
    protected void platformFails() {
        wiremock.stubFor(post(REFRESH).willReturn(error(500, "InternalServerError", "Internal Server Error")));
    }

    @Override
    protected void platformAnswersMalformedJson() {
        wiremock.stubFor(post(REFRESH).willReturn(json(200, "{\"accessJwt\":")));
    }

    @Override
    protected void platformRateLimits(int seconds) {
        wiremock.stubFor(post(REFRESH)
                .willReturn(error(429, "RateLimitExceeded", "Rate Limit Exceeded")
                        .withHeader("RateLimit-Limit", "3000")
                        .withHeader("RateLimit-Remaining", "0")
                        .withHeader("RateLimit-Reset", String.valueOf(WireMockPlatform.NOW.getEpochSecond() + seconds))
                        .withHeader("RateLimit-Policy", "3000;w=300")));
    }

    @Override
    protected void platformStalls() {
        provider = BlueskyStub.impatient(wiremock);
        wiremock.stubFor(post(REFRESH).willReturn(okJson("{}").withFixedDelay(BlueskyStub.STALL)));
    }

    @Override
    protected void platformPublishes(String id, String url) {
        wiremock.stubFor(post(CREATE)
                .withHeader("Authorization", equalTo("Bearer contract-at"))
                .withRequestBody(equalToJson(
                        """
                        {"repo":"contract","collection":"app.bsky.feed.post","rkey":"%s",
                         "record":{"$type":"app.bsky.feed.post","text":"Hello, contract",
                                   "createdAt":"2026-12-01T12:00:00.000Z"}}"""
                                .formatted(BlueskyStub.rkey(0))))
                .willReturn(okJson(
                        "{\"uri\":\"%s\",\"cid\":\"bafyreib2rxk3rh6kzwq\",\"commit\":{\"cid\":\"bafyc\",\"rev\":\"3l\"},\"validationStatus\":\"valid\"}"
                                .formatted(id))));
    }

    /**
     * Bluesky has no "duplicate" answer of its own. What comes closest: the key Herald chose already holds a record
     * with other text (a PDS answers the second create with a 500 today, atproto issue 3718, and getRecord shows it).
     * Invalid content is the lexicon validation's 400; a 503 with nothing at the key stays a transient failure.
     */
    @Override
    protected void platformRefusesThePost(int status, String error) {
        switch (error) {
            case "duplicate" -> {
                wiremock.stubFor(post(CREATE).willReturn(error(500, "InternalServerError", "Internal Server Error")));
                wiremock.stubFor(get(urlPathEqualTo(GET_RECORD))
                        .willReturn(okJson(BlueskyStub.record(
                                "at://did:plc:contract/app.bsky.feed.post/3l",
                                "bafyother",
                                "An older text",
                                WireMockPlatform.NOW,
                                ""))));
            }
            case "invalid_content" ->
                wiremock.stubFor(
                        post(CREATE)
                                .willReturn(
                                        error(
                                                400,
                                                "InvalidRequest",
                                                "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes")));
            default -> {
                wiremock.stubFor(post(CREATE).willReturn(error(status, "UpstreamFailure", "Upstream Failure")));
                wiremock.stubFor(get(urlPathEqualTo(GET_RECORD))
                        .willReturn(error(400, "RecordNotFound", "Could not locate record")));
            }
        }
    }

    @Override
    protected void platformStallsAfterCreating() {
        provider = BlueskyStub.impatient(wiremock);
        wiremock.stubFor(post(CREATE)
                .willReturn(okJson("{\"uri\":\"at://x/app.bsky.feed.post/y\",\"cid\":\"c\"}")
                        .withFixedDelay(BlueskyStub.STALL)));
    }

    @Override
    protected void platformLists(String handle, Instant createdAt, String... texts) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            records.add(BlueskyStub.record(
                    "at://did:plc:contract/app.bsky.feed.post/3lcontract" + i, "bafy" + i, texts[i], createdAt, ""));
        }
        wiremock.stubFor(get(urlPathEqualTo(LIST_RECORDS))
                .withQueryParam("repo", equalTo(handle))
                .withQueryParam("collection", equalTo("app.bsky.feed.post"))
                .withQueryParam("limit", equalTo("50"))
                .willReturn(okJson("{\"records\":[" + String.join(",", records) + "]}")));
    }
}
