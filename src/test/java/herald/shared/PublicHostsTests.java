package herald.shared;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one SSRF rule: a given host is checked for a readable refusal, and the client refuses internal addresses again at
 * every connection, redirects included. The receiver listens on 127.0.0.1; "localhost" is the allowed name for it.
 */
class PublicHostsTests {

    static WireMockServer receiver;

    final PublicHosts hosts = PublicHosts.allowing(List.of(" LocalHost ", ""));

    @BeforeAll
    static void start() {
        receiver = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        receiver.stubFor(get("/ok").willReturn(aResponse().withStatus(200).withBody("reached")));
        receiver.stubFor(get("/to-internal")
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://127.0.0.1:" + receiver.port() + "/ok")));
        receiver.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop2")));
        receiver.stubFor(get("/loop2").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
    }

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    @Test
    void namesTheInternalAddressOfAHostUnlessItIsAllowed() throws UnknownHostException {
        assertThat(hosts.internalAddress("10.1.2.3").orElseThrow().getHostAddress())
                .isEqualTo("10.1.2.3");
        assertThat(hosts.internalAddress("169.254.169.254")).isPresent();
        assertThat(hosts.internalAddress("[::ffff:192.168.1.1]")).isPresent();
        assertThat(hosts.internalAddress("93.184.215.14")).isEmpty();
        assertThat(hosts.internalAddress("LOCALHOST")).as("allowed by name").isEmpty();
        assertThat(hosts.allowed("")).isFalse();
    }

    @Test
    void theResolverRefusesInternalAddressesAndLetsAllowedNamesThrough() throws UnknownHostException {
        var resolver = new PublicHosts.Resolver(hosts);

        assertThatThrownBy(() -> resolver.resolve("127.0.0.2"))
                .isInstanceOfSatisfying(PublicHosts.Refused.class, refused -> {
                    assertThat(refused.host()).isEqualTo("127.0.0.2");
                    assertThat(refused.address().getHostAddress()).isEqualTo("127.0.0.2");
                })
                .hasMessageContaining("internal address (127.0.0.2)");
        assertThatThrownBy(() -> resolver.resolve("10.1.2.3", 443)).isInstanceOf(PublicHosts.Refused.class);
        assertThat(resolver.resolve("localhost")).isNotEmpty();
        assertThat(resolver.resolve("93.184.215.14")[0].getHostAddress()).isEqualTo("93.184.215.14");
    }

    @Test
    void theClientConnectsToAnAllowedHostButNotToTheSameAddressUnderAnotherName() throws IOException {
        try (CloseableHttpClient client =
                hosts.client(Duration.ofSeconds(2), Duration.ofSeconds(2), 0).build()) {
            String body = client.execute(
                    new HttpGet("http://localhost:" + receiver.port() + "/ok"),
                    response -> EntityUtils.toString(response.getEntity()));
            assertThat(body).isEqualTo("reached");

            int before = receiver.findAll(getRequestedFor(urlEqualTo("/ok"))).size();
            assertThatThrownBy(() -> client.execute(
                            new HttpGet("http://127.0.0.1:" + receiver.port() + "/ok"), response -> "reached"))
                    .isInstanceOf(PublicHosts.Refused.class);
            assertThat(receiver.findAll(getRequestedFor(urlEqualTo("/ok")))).hasSize(before);
        }
    }

    @Test
    void everyRedirectHopIsCheckedAgain() throws IOException {
        try (CloseableHttpClient client =
                hosts.client(Duration.ofSeconds(2), Duration.ofSeconds(2), 5).build()) {
            int before = receiver.findAll(getRequestedFor(urlEqualTo("/ok"))).size();

            assertThatThrownBy(() -> client.execute(
                            new HttpGet("http://localhost:" + receiver.port() + "/to-internal"),
                            response -> response.getCode()))
                    .isInstanceOf(PublicHosts.Refused.class)
                    .hasMessageContaining("127.0.0.1");
            assertThat(receiver.findAll(getRequestedFor(urlEqualTo("/ok"))))
                    .as("the redirect's target was never requested")
                    .hasSize(before);
        }
    }

    @Test
    void aRedirectLoopEndsAtTheMostRedirects() throws IOException {
        try (CloseableHttpClient client =
                hosts.client(Duration.ofSeconds(2), Duration.ofSeconds(2), 5).build()) {
            assertThatThrownBy(() -> client.execute(
                            new HttpGet("http://localhost:" + receiver.port() + "/loop"),
                            response -> response.getCode()))
                    .isInstanceOf(ClientProtocolException.class)
                    .hasCauseInstanceOf(RedirectException.class);
        }
    }

    @Test
    void withoutRedirectsA3xxIsTheAnswer() throws IOException {
        try (CloseableHttpClient client =
                hosts.client(Duration.ofSeconds(2), Duration.ofSeconds(2), 0).build()) {
            int status = client.execute(
                    new HttpGet("http://localhost:" + receiver.port() + "/to-internal"),
                    response -> response.getCode());

            assertThat(status).isEqualTo(302);
        }
    }
}
