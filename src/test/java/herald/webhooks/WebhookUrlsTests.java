package herald.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.shared.InvalidInput;
import herald.shared.PublicHosts;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where deliveries may go (SSRF), checked when an endpoint is saved; PublicHostsTests checks every connection. */
class WebhookUrlsTests {

    final WebhookUrls urls = new WebhookUrls(PublicHosts.allowing(List.of("Receiver.Internal")));

    @Test
    void takesAPublicHttpsUrl() {
        assertThat(urls.check(" https://93.184.215.14/hooks/herald?source=herald ")
                        .toString())
                .isEqualTo("https://93.184.215.14/hooks/herald?source=herald");
    }

    @Test
    void refusesInternalAddressesPlainHttpCredentialsAndFragments() {
        assertRefused("https://10.0.0.8/hooks", "internal address (10.0.0.8)");
        assertRefused("https://169.254.169.254/latest/meta-data", "internal address (169.254.169.254)");
        assertRefused("https://[::ffff:127.0.0.1]/hooks", "internal address");
        assertRefused("https://localhost/hooks", "internal address");
        assertRefused("http://93.184.215.14/hooks", "must use https://");
        assertRefused("https://user:pw@93.184.215.14/hooks", "user name or password");
        assertRefused("https://93.184.215.14/hooks#part", "fragment");
        assertRefused("ftp://93.184.215.14/hooks", "must start with https://");
        assertRefused("not a url", "not a URL");
        assertRefused("  ", "Give the URL");
        assertRefused("https://93.184.215.14/" + "a".repeat(2000), "at most 2000");
    }

    @Test
    void anAllowedHostMayBeInternalAndPlainHttp() {
        assertThat(urls.check("http://receiver.internal:8080/hooks").getHost()).isEqualTo("receiver.internal");
    }

    @Test
    void aDeliveryToAnAddressNowInternalFailsWithoutConnecting() throws Exception {
        // Nothing listens on port 9: without the resolver's refusal this would be a refused connection.
        var http = new WebhookHttp(settings(List.of("localhost")));
        try {
            var result = http.send(URI.create("https://127.0.0.1:9/hooks"), "msg_1", 1L, "v1,c2ln", "{}");

            assertThat(result.delivered()).isFalse();
            assertThat(result.status()).isNull();
            assertThat(result.error()).contains("now resolves to an internal address (127.0.0.1)");
        } finally {
            http.destroy();
        }
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheLongestWait() {
        var settings = settings(List.of());

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream()
                        .map(settings::retryAfter)
                        .toList())
                .containsExactly(
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(8),
                        Duration.ofMinutes(32),
                        Duration.ofMinutes(128),
                        Duration.ofHours(6),
                        Duration.ofHours(6));
    }

    private static WebhookSettings settings(List<String> allowedHosts) {
        return new WebhookSettings(
                true,
                allowedHosts,
                10,
                8,
                Duration.ofSeconds(30),
                Duration.ofHours(6),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofDays(30),
                Duration.ofSeconds(15));
    }

    private void assertRefused(String url, String because) {
        assertThatThrownBy(() -> urls.check(url))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("url"))
                .hasMessageContaining(because);
    }
}
