package herald.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.shared.InvalidInput;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where deliveries may go (SSRF): checked when an endpoint is saved, and again at every connection. */
class WebhookUrlsTests {

    final WebhookUrls urls = new WebhookUrls(List.of("Receiver.Internal"));

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
    void theResolverRefusesAnInternalAddressAtConnectionTime() throws UnknownHostException {
        var resolver = new WebhookHttp.PublicOnly(new WebhookUrls(List.of("localhost")));

        assertThatThrownBy(() -> resolver.resolve("127.0.0.2"))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("internal address (127.0.0.2)");
        assertThatThrownBy(() -> resolver.resolve("10.1.2.3", 443))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("internal address (10.1.2.3)");
        assertThat(resolver.resolve("localhost")).isNotEmpty();
        assertThat(resolver.resolve("93.184.215.14")[0].getHostAddress()).isEqualTo("93.184.215.14");
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheLongestWait() {
        var settings = new WebhookSettings(
                true,
                List.of(),
                10,
                8,
                Duration.ofSeconds(30),
                Duration.ofHours(6),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofDays(30),
                Duration.ofSeconds(15));

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

    private void assertRefused(String url, String because) {
        assertThatThrownBy(() -> urls.check(url))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("url"))
                .hasMessageContaining(because);
    }
}
