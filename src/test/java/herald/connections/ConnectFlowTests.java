package herald.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.audit.Actor;
import herald.audit.AuditContext;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.connections.ConnectRefused.Reason;
import herald.connections.SandboxStub.Account;
import herald.providers.Pkce;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import herald.tenancy.SignUp;
import herald.vault.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Connecting accounts through the OAuth flow, against the WireMock Sandbox. */
class ConnectFlowTests extends ConnectionsTestBase {

    @Autowired
    OAuthFlows flows;

    @Autowired
    Connections connections;

    @Autowired
    AccessTokens tokens;

    @Autowired
    AuditLog audit;

    SignUp.Result owner;
    WorkspaceId workspace;
    UserId user;

    @BeforeEach
    void workspace() {
        owner = owner("pro");
        workspace = owner.workspace().orElseThrow().id();
        user = owner.user().id();
    }

    OAuthSession start(String accountType) {
        return flows.start(
                workspace,
                new OAuthFlows.Start("sandbox", accountType, ConnectFlow.UI, null),
                Initiator.user(user.toString(), "owner"));
    }

    static String code() {
        return "code-" + UUID.randomUUID();
    }

    @Test
    void connectsEveryAccountOneConsentGrantsEachWithItsOwnSealedTokens() {
        OAuthSession session = start("company");
        var query = SandboxStub.query(session.authorizationUrl());
        assertThat(query).containsEntry("state", session.state()).containsEntry("code_challenge_method", "S256");
        assertThat(query.get("redirect_uri")).endsWith("/connections/callback/sandbox");
        Account krusty = Account.fresh("krusty");
        Account hults = Account.fresh("hults");
        String code = code();
        SandboxStub.consent(code, krusty, hults);

        var done = flows.complete("sandbox", new OAuthFlows.Callback(session.state(), code, null, null), user);

        assertThat(done.flow()).isEqualTo(ConnectFlow.UI);
        assertThat(done.connections()).extracting(Connection::username).containsExactly("krusty", "hults");
        assertThat(connections.list(workspace)).hasSize(2).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ConnectionStatus.ACTIVE);
            assertThat(c.accountType().value()).isEqualTo("company");
            assertThat(c.expiresAt()).isNotNull();
        });
        // The PKCE verifier sent with the code matches the challenge in the authorize URL.
        String exchange = SandboxStub.tokenRequestBodies().stream()
                .filter(body -> body.contains(code))
                .findFirst()
                .orElseThrow();
        String verifier = java.net.URLDecoder.decode(
                exchange.replaceAll(".*code_verifier=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        assertThat(Pkce.challenge(Secret.of(verifier))).isEqualTo(query.get("code_challenge"));
        // Stored as ciphertext only, and each account's own token is what a use gets.
        byte[] stored = tenants.call(workspace, () -> jdbc.sql(
                        "select access_token from connections where workspace_id = ? and username = 'krusty'")
                .param(workspace.value())
                .query(byte[].class)
                .single());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(krusty.accessToken());
        ConnectionId krustyId = done.connections().get(0).id();
        assertThat(tokens.withAccessToken(workspace, krustyId, Secret::reveal)).isEqualTo(krusty.accessToken());
        assertThat(audit.find(workspace, new AuditQuery("connection.connected", null, null, null, null, 10)))
                .hasSize(2)
                .allSatisfy(event -> assertThat(event.details().toString())
                        .doesNotContain(krusty.accessToken())
                        .doesNotContain(krusty.refreshToken()));
    }

    @Test
    void aConsentThatComesBackWithoutASessionIsAuditedAsTheKeyThatStartedTheConnect() {
        String key = UUID.randomUUID().toString();
        OAuthSession session = flows.start(
                workspace,
                new OAuthFlows.Start("sandbox", "company", ConnectFlow.API, null),
                Initiator.apiKey(key, "scheduler key"));
        String code = code();
        SandboxStub.consent(code, Account.fresh("viakey"));
        // The platform sends the person's browser back with no Herald session: the request itself is anonymous.
        var callbackRequest =
                new AuditContext.Origin(new Actor(Actor.Type.SYSTEM, null, "anonymous"), "203.0.113.9", "Browser/1");
        try (var ignored = AuditContext.bind(callbackRequest)) {
            flows.complete("sandbox", new OAuthFlows.Callback(session.state(), code, null, null), null);
        }

        var verifierOpened =
                audit.find(workspace, new AuditQuery("secret.decrypted", null, null, null, null, 50)).stream()
                        .filter(event -> "oauth_state.pkce_verifier"
                                .equals(event.details().get("purpose")))
                        .toList();
        assertThat(verifierOpened).singleElement().satisfies(event -> {
            assertThat(event.actor().type()).isEqualTo(Actor.Type.API_KEY);
            assertThat(event.actor().id()).isEqualTo(key);
            assertThat(event.ip()).isEqualTo("203.0.113.9");
        });
        assertThat(audit.find(workspace, new AuditQuery("connection.connected", null, null, null, null, 10)))
                .singleElement()
                .satisfies(event -> assertThat(event.actor().id()).isEqualTo(key));
    }

    @Test
    void aForgedStateIsRefusedAndNothingIsStored() {
        start("personal");
        String code = code();
        SandboxStub.consent(code, Account.fresh("forged"));
        assertRefused(
                new OAuthFlows.Callback("not-a-state-herald-issued", code, null, null), user, Reason.UNKNOWN_STATE);
        assertRefused(new OAuthFlows.Callback(null, code, null, null), user, Reason.UNKNOWN_STATE);
        assertNothingStored(code);
    }

    @Test
    void anExpiredStateIsRefusedAndNothingIsStored() {
        OAuthSession session = start("personal");
        update(workspace, "update oauth_states set expires_at = now() - interval '1 second'");
        String code = code();
        SandboxStub.consent(code, Account.fresh("late"));
        assertRefused(new OAuthFlows.Callback(session.state(), code, null, null), user, Reason.EXPIRED);
        assertNothingStored(code);
    }

    @Test
    void aReplayedStateIsRefusedAndStoresNothingMore() {
        OAuthSession session = start("personal");
        String code = code();
        SandboxStub.consent(code, Account.fresh("once"));
        flows.complete("sandbox", new OAuthFlows.Callback(session.state(), code, null, null), user);
        String second = code();
        SandboxStub.consent(second, Account.fresh("twice"));

        assertRefused(new OAuthFlows.Callback(session.state(), second, null, null), user, Reason.ALREADY_USED);

        assertThat(connections.list(workspace)).extracting(Connection::username).containsExactly("once");
        assertThat(SandboxStub.requestsCarrying("/sandbox/oauth/token", "code=" + second))
                .isZero();
    }

    @Test
    void anotherUsersCallbackIsRefusedAndLeavesTheStateUsableByItsOwner() {
        OAuthSession session = start("personal");
        String code = code();
        SandboxStub.consent(code, Account.fresh("mine"));
        UserId stranger = fixtures.user("Stranger").id();

        assertRefused(new OAuthFlows.Callback(session.state(), code, null, null), stranger, Reason.OTHER_USER);
        assertRefused(new OAuthFlows.Callback(session.state(), code, null, null), null, Reason.OTHER_USER);
        assertNothingStored(code);

        flows.complete("sandbox", new OAuthFlows.Callback(session.state(), code, null, null), user);
        assertThat(connections.list(workspace)).hasSize(1);
    }

    @Test
    void aStateOfAnotherWorkspaceIsRefusedForItsOwnersAndStoresNothingInEither() {
        SignUp.Result other = owner("pro");
        OAuthSession session = start("personal");
        String code = code();
        SandboxStub.consent(code, Account.fresh("crossed"));

        assertRefused(
                new OAuthFlows.Callback(session.state(), code, null, null),
                other.user().id(),
                Reason.OTHER_USER);

        assertNothingStored(code);
        assertThat(connections.list(other.workspace().orElseThrow().id())).isEmpty();
        // A reconnect target must be a connection of the same workspace.
        SandboxStub.consent(code, Account.fresh("mine"));
        flows.complete("sandbox", new OAuthFlows.Callback(session.state(), code, null, null), user);
        ConnectionId mine = connections.list(workspace).getFirst().id();
        assertThatThrownBy(() -> flows.start(
                        other.workspace().orElseThrow().id(),
                        new OAuthFlows.Start("sandbox", "personal", ConnectFlow.UI, mine),
                        Initiator.user(other.user().id().toString(), "other")))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void aProviderThatWasDeclinedSaysSoAndStoresNothing() {
        OAuthSession session = start("personal");
        assertThatThrownBy(() -> flows.complete(
                        "sandbox", new OAuthFlows.Callback(session.state(), null, "access_denied", null), user))
                .isInstanceOfSatisfying(ConnectRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DENIED);
                    assertThat(e.getMessage()).contains("declined").contains("nothing was connected");
                });
        assertThat(connections.list(workspace)).isEmpty();
        assertRefused(new OAuthFlows.Callback(session.state(), code(), null, null), user, Reason.ALREADY_USED);
    }

    @Test
    void aFailingOrMalformedTokenEndpointLeavesNothingHalfStored() {
        for (String body : List.of("{\"error\":\"server_error\"}", "{\"access_token\": \"x\", ")) {
            OAuthSession session = start("personal");
            String code = code();
            SandboxStub.tokenEndpointAnswers("code=" + code, body.startsWith("{\"error") ? 500 : 200, body);
            assertThatThrownBy(() ->
                            flows.complete("sandbox", new OAuthFlows.Callback(session.state(), code, null, null), user))
                    .isInstanceOfSatisfying(ConnectRefused.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.PROVIDER_FAILED);
                        assertThat(e.getMessage()).containsAnyOf("HTTP 500", "malformed JSON");
                    });
        }
        assertThat(connections.list(workspace)).isEmpty();
        assertThat(count(workspace, "select count(*) from token_refresh_history"))
                .isZero();
    }

    @Test
    void anUnknownProviderOrAccountTypeIsAClearError() {
        assertThatThrownBy(() -> flows.start(
                        workspace,
                        new OAuthFlows.Start("myspace", "personal", ConnectFlow.API, null),
                        Initiator.apiKey(UUID.randomUUID().toString(), "key")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("provider");
                    assertThat(e.getMessage()).contains("myspace").contains("sandbox");
                });
        assertThatThrownBy(() -> start("pet")).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field())
                .isEqualTo("accountType"));
        assertRefused("myspace", new OAuthFlows.Callback("x", "y", null, null), user, Reason.UNKNOWN_STATE);
    }

    @Test
    void thePlanLimitIsCheckedBeforeTheRoundTrip() {
        SignUp.Result small = owner("single");
        WorkspaceId id = small.workspace().orElseThrow().id();
        Initiator me = Initiator.user(small.user().id().toString(), "owner");
        OAuthSession first = flows.start(id, new OAuthFlows.Start("sandbox", "personal", ConnectFlow.UI, null), me);
        String code = code();
        SandboxStub.consent(code, Account.fresh("only"));
        flows.complete(
                "sandbox",
                new OAuthFlows.Callback(first.state(), code, null, null),
                small.user().id());

        assertThatThrownBy(() -> flows.start(id, new OAuthFlows.Start("sandbox", "personal", ConnectFlow.UI, null), me))
                .isInstanceOfSatisfying(
                        LimitReached.class, e -> assertThat(e.limit()).isEqualTo("connections"));
        assertThat(count(id, "select count(*) from oauth_states")).isEqualTo(1);
        // Reconnecting what is already connected needs no free slot.
        ConnectionId only = connections.list(id).getFirst().id();
        flows.start(id, new OAuthFlows.Start("sandbox", "personal", ConnectFlow.UI, only), me);
    }

    @Test
    void aConsentGrantingMoreAccountsThanThePlanHasRoomForConnectsNone() {
        SignUp.Result small = owner("single");
        WorkspaceId id = small.workspace().orElseThrow().id();
        Initiator me = Initiator.user(small.user().id().toString(), "owner");
        OAuthSession session = flows.start(id, new OAuthFlows.Start("sandbox", "company", ConnectFlow.UI, null), me);
        String code = code();
        SandboxStub.consent(code, Account.fresh("pages1"), Account.fresh("pages2"));

        assertThatThrownBy(() -> flows.complete(
                        "sandbox",
                        new OAuthFlows.Callback(session.state(), code, null, null),
                        small.user().id()))
                .isInstanceOfSatisfying(ConnectRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.LIMIT_REACHED);
                    assertThat(e.getMessage())
                            .contains("The single plan allows 1 connected account and this workspace has 0;"
                                    + " the consent granted 2 more.")
                            .contains("Nothing was connected.");
                });
        assertThat(connections.list(id)).isEmpty();
    }

    @Test
    void reconnectingTheSameAccountUpdatesItsTokensAndKeepsARefreshTokenTheAnswerLacks() {
        Account first = Account.fresh("again");
        OAuthSession session = start("personal");
        String code = code();
        SandboxStub.consent(code, first);
        ConnectionId id = flows.complete("sandbox", new OAuthFlows.Callback(session.state(), code, null, null), user)
                .connections()
                .getFirst()
                .id();
        connections.rename(workspace, id, "Our main account");

        Account second = new Account(first.id(), first.handle(), "at-second-" + UUID.randomUUID(), null, 7200);
        OAuthSession again = start("personal");
        String code2 = code();
        SandboxStub.consent(code2, second);
        var done = flows.complete("sandbox", new OAuthFlows.Callback(again.state(), code2, null, null), user);

        assertThat(done.connections()).extracting(Connection::id).containsExactly(id);
        assertThat(connections.list(workspace)).hasSize(1);
        assertThat(connections.require(workspace, id).label()).isEqualTo("Our main account");
        assertThat(tokens.withAccessToken(workspace, id, Secret::reveal)).isEqualTo(second.accessToken());
        assertThat(connections.health(workspace, id).refreshable())
                .as("the first consent's refresh token is kept")
                .isTrue();
    }

    void assertRefused(OAuthFlows.Callback callback, UserId by, Reason reason) {
        assertRefused("sandbox", callback, by, reason);
    }

    void assertRefused(String provider, OAuthFlows.Callback callback, UserId by, Reason reason) {
        assertThatThrownBy(() -> flows.complete(provider, callback, by))
                .isInstanceOfSatisfying(ConnectRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    void assertNothingStored(String code) {
        assertThat(connections.list(workspace)).isEmpty();
        assertThat(SandboxStub.requestsCarrying("/sandbox/oauth/token", "code=" + code))
                .as("the code was never exchanged")
                .isZero();
    }
}
