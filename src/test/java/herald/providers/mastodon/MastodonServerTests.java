package herald.providers.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static herald.providers.mastodon.MastodonStub.CLIENT_ID;
import static herald.providers.mastodon.MastodonStub.CLIENT_SECRET;
import static herald.providers.mastodon.MastodonStub.REDIRECT;
import static herald.providers.mastodon.MastodonStub.assertKind;
import static herald.providers.mastodon.MastodonStub.error;
import static herald.providers.mastodon.MastodonStub.server;
import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.ProviderException.Kind;
import herald.providers.ServerClients.ServerClient;
import herald.providers.WireMockPlatform;
import herald.vault.Secret;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server a person names: read in every form a person may give it, refused when Herald may not call it or it is no
 * Mastodon, and Herald registered there once, its client kept and reused.
 */
class MastodonServerTests {

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    MastodonStub.Clients clients;
    MastodonProvider provider;

    @BeforeEach
    void createProvider() {
        clients = new MastodonStub.Clients();
        provider = MastodonStub.provider(wiremock, clients);
    }

    @Test
    void readsEveryFormOfAServersNameAsItsAuthority() {
        for (String named : List.of(
                "mastodon.social",
                "  mastodon.social  ",
                "https://mastodon.social/",
                "https://mastodon.social/@alice",
                "https://mastodon.social/@alice/113245?x=1#top",
                "mastodon.social/@alice",
                "@alice@mastodon.social",
                "alice@mastodon.social",
                "MASTODON.Social",
                "https://mastodon.social:443/",
                "mastodon.social.")) {
            assertThat(ServerNames.authority(named)).as(named).hasValue("mastodon.social");
        }
        assertThat(ServerNames.authority("Bücher.Example")).hasValue("xn--bcher-kva.example");
        assertThat(ServerNames.authority("@ada@social.bücher.example")).hasValue("social.xn--bcher-kva.example");
        assertThat(ServerNames.authority("social.example:8443")).hasValue("social.example:8443");
        assertThat(ServerNames.host("social.example:8443")).isEqualTo("social.example");
    }

    @Test
    void aNameThatIsNoHostIsNoServer() {
        for (String named : List.of(
                "",
                " ",
                "@alice",
                "https://",
                "not a host",
                "under_score.example",
                "mastodon.social:0",
                "mastodon.social:99999",
                "mastodon.social:http",
                "[::1]",
                "-bad.example",
                "a..b")) {
            assertThat(ServerNames.authority(named)).as(named).isEmpty();
        }
        assertKind(() -> provider.server("not a host", REDIRECT), Kind.PERMISSION, "is not the name of a server");
    }

    @Test
    void namingAServerRegistersHeraldThereOnceAndKeepsItsClient() {
        MastodonStub.isMastodon(wiremock);
        MastodonStub.registers(wiremock);

        assertThat(provider.server("@alice@" + server(wiremock), REDIRECT)).isEqualTo(server(wiremock));

        wiremock.verify(postRequestedFor(urlEqualTo("/api/v1/apps"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("client_name", equalTo("Herald"))
                .withFormParam("redirect_uris", equalTo(REDIRECT.toString()))
                .withFormParam("scopes", equalTo("read:accounts read:statuses write:statuses write:media"))
                .withFormParam("website", equalTo("https://herald.test")));
        assertThat(clients.find("mastodon", server(wiremock), REDIRECT)).hasValueSatisfying(client -> {
            assertThat(client.clientId()).isEqualTo(CLIENT_ID);
            assertThat(client.clientSecret().reveal()).isEqualTo(CLIENT_SECRET);
        });

        assertThat(provider.server("http://LOCALHOST:" + wiremock.port() + "/@bob", REDIRECT))
                .isEqualTo(server(wiremock));
        wiremock.verify(1, postRequestedFor(urlEqualTo("/api/v1/apps")));
        assertThat(clients.keeps).hasValue(1);
    }

    @Test
    void whatAServerSaysAStatusMayCarryIsKeptAndChecksItsAccountsPosts() {
        wiremock.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get("/api/v2/instance")
                        .willReturn(
                                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                                        """
                        {"domain":"long.example","title":"Long posts","version":"4.3.2",
                         "configuration":{"statuses":{"max_characters":1000,"max_media_attachments":6,
                           "characters_reserved_per_url":30}}}""")));
        MastodonStub.registers(wiremock);
        String account = "109@" + server(wiremock);

        provider.server(server(wiremock), REDIRECT);

        var rules = provider.contentRules(account);
        assertThat(rules.maxTextLength()).isEqualTo(1000);
        assertThat(rules.maxMedia()).isEqualTo(6);
        assertThat(rules.length("Menu https://example.com/a-very-long-address-indeed"))
                .isEqualTo(5 + 30);
        assertThat(provider.commentMaxLength(account)).isEqualTo(1000);
        String nineHundred = "a".repeat(900);
        assertThat(provider.contentProblems(
                        account, nineHundred, java.net.URI.create("https://example.com"), List.of()))
                .as("900 characters and a link of 30 fit in 1,000")
                .isEmpty();
        assertThat(provider.contentProblems(
                        account, "a".repeat(980), java.net.URI.create("https://example.com"), List.of()))
                .singleElement()
                .asString()
                .contains("1012 of 1000")
                .contains("the link counts 30");
        assertThat(provider.contentRules("109@elsewhere.example").maxTextLength())
                .as("a server Herald never read: Mastodon's defaults")
                .isEqualTo(500);
        assertThat(provider.contentRules().maxTextLength()).isEqualTo(500);

        wiremock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v2/instance")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"domain\":\"long.example\",\"configuration\":{\"statuses\":{\"max_characters\":-1}}}")));
        provider.server(server(wiremock), REDIRECT);
        assertThat(provider.contentRules(account).maxTextLength())
                .as("read again at the next connect; what it leaves out or gives wrong is the default")
                .isEqualTo(500);
    }

    @Test
    void whenAnotherConnectKeptAClientFirstThatOneIsUsed() {
        MastodonStub.isMastodon(wiremock);
        MastodonStub.registers(wiremock);
        clients.first = new ServerClient("the-first", Secret.of("first-secret"));

        provider.server(server(wiremock), REDIRECT);
        var url = provider.authorizationUrl(new herald.providers.AuthorizationRequest(
                "s", REDIRECT, "c", herald.providers.AccountType.PERSONAL, server(wiremock)));

        assertThat(url.getRawQuery()).contains("client_id=the-first");
    }

    @Test
    void anInternalAddressThatIsNoLocalServerIsNeverCalled() {
        wiremock.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)));

        assertKind(
                () -> provider.server("127.0.0.1:" + wiremock.port(), REDIRECT), Kind.PERMISSION, "internal address");
        assertKind(() -> provider.server("https://10.0.0.7/@alice", REDIRECT), Kind.PERMISSION, "internal address");
        wiremock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aHostThatDoesNotResolveIsRefusedWithItsName() {
        assertKind(
                () -> provider.server("@alice@no-such-server.invalid", REDIRECT),
                Kind.PERMISSION,
                "No server answers to the name no-such-server.invalid");
    }

    @Test
    void aServerThatDoesNotAnswerAsMastodonIsRefused() {
        wiremock.stubFor(get("/api/v2/instance").willReturn(error(404, "Not Found")));
        assertKind(
                () -> provider.server(server(wiremock), REDIRECT),
                Kind.PERMISSION,
                "does not answer as a Mastodon server");

        wiremock.stubFor(
                get("/api/v2/instance").willReturn(aResponse().withStatus(200).withBody("<html>A blog</html>")));
        assertKind(
                () -> provider.server(server(wiremock), REDIRECT),
                Kind.PERMISSION,
                "does not answer as a Mastodon server");

        wiremock.stubFor(get("/api/v2/instance").willReturn(MastodonStub.json(200, "{\"domain\":\"localhost\"}")));
        assertKind(
                () -> provider.server(server(wiremock), REDIRECT),
                Kind.PERMISSION,
                "does not answer as a Mastodon server");
        wiremock.verify(0, postRequestedFor(urlEqualTo("/api/v1/apps")));
        assertThat(clients.kept).isEmpty();
    }

    @Test
    void aServerThatRefusesToRegisterHeraldIsRefusedInItsWords() {
        MastodonStub.isMastodon(wiremock);
        wiremock.stubFor(post("/api/v1/apps")
                .willReturn(error(422, "Validation failed: Redirect URI must be an absolute URI.")));

        assertKind(
                () -> provider.server(server(wiremock), REDIRECT),
                Kind.PERMISSION,
                "refused to register Herald (HTTP 422): Validation failed: Redirect URI must be an absolute URI.");
        assertThat(clients.kept).isEmpty();
    }

    @Test
    void aServerThatIsDownIsTransient() {
        wiremock.stubFor(get("/api/v2/instance").willReturn(error(503, "Service Unavailable")));
        assertKind(() -> provider.server(server(wiremock), REDIRECT), Kind.TRANSIENT, "HTTP 503");
    }

    @Test
    void aTurnedOffMastodonNamesItsVariableAndTakesNoServer() {
        var off = new MastodonSettings(
                false,
                List.of("localhost"),
                "Herald",
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1),
                java.time.Duration.ofMillis(10));
        MastodonProvider disabled = MastodonStub.provider(off, wiremock, clients);

        assertThat(disabled.missingSettings()).containsExactly("HERALD_MASTODON_ENABLED");
        assertThat(disabled.configured()).isFalse();
        assertThat(provider.configured()).isTrue();
        assertKind(() -> disabled.server(server(wiremock), REDIRECT), Kind.PERMISSION, "turned off");
    }
}
