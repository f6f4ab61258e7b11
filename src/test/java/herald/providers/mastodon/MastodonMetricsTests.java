package herald.providers.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.mastodon.MastodonStub.assertKind;
import static herald.providers.mastodon.MastodonStub.error;
import static herald.providers.mastodon.MastodonStub.token;
import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.AccountMetrics;
import herald.providers.ProviderException.Kind;
import herald.providers.WireMockPlatform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What Mastodon counts: a status's favourites, boosts and replies, an account's followers. */
class MastodonMetricsTests {

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    MastodonProvider provider;

    @BeforeEach
    void createProvider() {
        provider = MastodonStub.provider(wiremock, new MastodonStub.Clients());
    }

    @Test
    void readsAStatussCountsByHeraldsNames() {
        wiremock.stubFor(
                get("/api/v1/statuses/1100")
                        .willReturn(
                                okJson(
                                        """
                        {"id":"1100","favourites_count":112,"reblogs_count":98,"replies_count":7,"content":"<p>x</p>"}""")));

        assertThat(provider.metrics(token(wiremock), "1100")).hasValueSatisfying(metrics -> {
            assertThat(metrics.counts()).isEqualTo(Map.of("likes", 112L, "reposts", 98L, "replies", 7L));
            assertThat(metrics.readAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aDeletedStatusIsGoneAndARefusedTokenIsItsOwn() {
        wiremock.stubFor(get("/api/v1/statuses/404").willReturn(error(404, "Record not found")));
        wiremock.stubFor(get("/api/v1/statuses/401").willReturn(error(401, "The access token is invalid")));
        wiremock.stubFor(get("/api/v1/statuses/1").willReturn(okJson("{\"id\":\"1\",\"favourites_count\":1}")));

        assertThat(provider.metrics(token(wiremock), "404")).isEmpty();
        var batch = provider.metrics(token(wiremock), List.of("1", "404", "401"));
        assertThat(batch.counted()).containsOnlyKeys("1");
        assertThat(batch.gone()).containsExactly("404");
        assertThat(batch.refused().get("401").kind()).isEqualTo(Kind.AUTH_REVOKED);
    }

    @Test
    void readsTheAccountsFollowersByTheIdItWasDiscoveredAs() {
        wiremock.stubFor(get("/api/v1/accounts/109348").willReturn(okJson(MastodonStub.account())));

        AccountMetrics metrics = provider.accountMetrics(token(wiremock), "109348@" + MastodonStub.server(wiremock))
                .orElseThrow();

        assertThat(metrics.followers()).isEqualTo(1200);
        assertThat(metrics.following()).isEqualTo(87);
        assertThat(metrics.posts()).isEqualTo(431);
        assertThat(metrics.readAt()).isEqualTo(NOW);
        assertThat(provider.countsFollowers()).isTrue();
    }

    @Test
    void malformedCountsAreTransient() {
        wiremock.stubFor(get("/api/v1/accounts/109348").willReturn(MastodonStub.json(200, "<html>oops</html>")));
        assertKind(
                () -> provider.accountMetrics(token(wiremock), "109348@localhost"), Kind.TRANSIENT, "malformed JSON");
    }
}
