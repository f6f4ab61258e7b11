package herald.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.Concurrently;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.connections.SandboxStub.Account;
import herald.providers.ProviderException;
import herald.shared.NotFound;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import herald.tenancy.SignUp;
import herald.vault.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Using, refreshing, losing and restoring a connection's tokens, against the WireMock Sandbox. */
@RecordApplicationEvents
class TokenLifecycleTests extends ConnectionsTestBase {

    @Autowired
    OAuthFlows flows;

    @Autowired
    Connections connections;

    @Autowired
    AccessTokens tokens;

    @Autowired
    RefreshSweep sweep;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationEvents events;

    WorkspaceId workspace;
    UserId user;
    Account account;
    ConnectionId id;

    @BeforeEach
    void connected() {
        SignUp.Result owner = owner("pro");
        workspace = owner.workspace().orElseThrow().id();
        user = owner.user().id();
        account = Account.fresh("life");
        id = connect(account);
    }

    ConnectionId connect(Account granted) {
        OAuthSession session = flows.start(
                workspace,
                new OAuthFlows.Start("sandbox", "personal", ConnectFlow.UI, null),
                Initiator.user(user.toString(), "owner"));
        String code = "code-" + UUID.randomUUID();
        SandboxStub.consent(code, granted);
        return flows.complete("sandbox", new OAuthFlows.Callback(session.state(), code, null, null), user)
                .connections()
                .getFirst()
                .id();
    }

    void expire(String interval) {
        update(
                workspace,
                "update connections set expires_at = now() + cast(? as interval) where id = ?",
                interval,
                id.value());
    }

    String use() {
        return tokens.withAccessToken(workspace, id, Secret::reveal);
    }

    @Test
    void aFreshTokenIsUsedWithoutARefresh() {
        assertThat(use()).isEqualTo(account.accessToken());
        assertThat(SandboxStub.requestsCarrying("/sandbox/oauth/token", account.refreshToken()))
                .isZero();
        assertThat(connections.health(workspace, id).state()).isEqualTo(ConnectionHealth.State.VALID);
    }

    @Test
    void aTokenExpiringWithinTheWindowIsRefreshedFirstAndTheRotatedRefreshTokenStored() {
        expire("5 minutes");
        assertThat(connections.health(workspace, id).state()).isEqualTo(ConnectionHealth.State.EXPIRING);
        SandboxStub.refreshes(account.refreshToken(), "at-new-" + id, "rt-new-" + id, 0);
        SandboxStub.refreshes("rt-new-" + id, "at-newer-" + id, null, 0);

        assertThat(use()).isEqualTo("at-new-" + id);
        assertThat(use()).as("the new token is fresh").isEqualTo("at-new-" + id);
        expire("1 minute");
        assertThat(use()).as("the rotated refresh token was stored and used").isEqualTo("at-newer-" + id);
        expire("1 minute");
        SandboxStub.refreshes("rt-new-" + id, "at-newest-" + id, null, 0);
        assertThat(use())
                .as("an answer without a refresh token kept the stored one")
                .isEqualTo("at-newest-" + id);

        assertThat(connections.refreshHistory(workspace, id, 10))
                .extracting(RefreshAttempt::outcome)
                .containsOnly(RefreshAttempt.Outcome.REFRESHED)
                .hasSize(3);
        assertThat(connections.health(workspace, id).lastRefreshedAt()).isNotNull();
        assertThat(audit.find(workspace, new AuditQuery("connection.refreshed", null, null, null, null, 10)))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.details().toString())
                        .doesNotContain("at-new")
                        .doesNotContain("rt-new"));
    }

    @Test
    void fiftyConcurrentUsesOfAnExpiredTokenRefreshExactlyOnce() throws InterruptedException {
        expire("-1 minute");
        assertThat(connections.health(workspace, id).state()).isEqualTo(ConnectionHealth.State.EXPIRED);
        // Slow enough that every use arrives while the refresh is in flight.
        SandboxStub.refreshes(account.refreshToken(), "at-once-" + id, "rt-once-" + id, 300);
        SandboxStub.tokenEndpointAnswers(
                "rt-once-" + id, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"presented twice\"}");
        List<Callable<String>> uses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            uses.add(this::use);
        }

        var outcomes = Concurrently.run(uses);

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.failure()).isNull();
            assertThat(outcome.value()).isEqualTo("at-once-" + id);
        });
        assertThat(SandboxStub.requestsCarrying("/sandbox/oauth/token", "refresh_token=" + account.refreshToken()))
                .isEqualTo(1);
        assertThat(SandboxStub.requestsCarrying("/sandbox/oauth/token", "refresh_token=rt-once-" + id))
                .isZero();
        assertThat(connections.refreshHistory(workspace, id, 100)).hasSize(1);
        assertThat(connections.require(workspace, id).status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void aRefusedRefreshNeedsAReconnectAndAReconnectRestoresTheConnection() {
        expire("-1 minute");
        SandboxStub.tokenEndpointAnswers(
                "refresh_token=" + account.refreshToken(),
                400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"token revoked\"}");

        assertThatThrownBy(this::use).isInstanceOfSatisfying(ConnectionNotActive.class, e -> {
            assertThat(e.status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
            assertThat(e.getMessage()).contains("token revoked");
        });

        Connection refused = connections.require(workspace, id);
        assertThat(refused.status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
        assertThat(refused.statusReason()).contains("invalid_grant");
        var health = connections.health(workspace, id);
        assertThat(health.state()).isEqualTo(ConnectionHealth.State.NEEDS_RECONNECT);
        assertThat(health.reason()).contains("token revoked");
        assertThat(events.stream(ConnectionNeedsReconnect.class))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.connection()).isEqualTo(id);
                    assertThat(event.workspace()).isEqualTo(workspace);
                });
        assertThat(audit.find(workspace, new AuditQuery("connection.needs_reconnect", null, null, null, null, 10)))
                .hasSize(1);
        assertThat(connections.refreshHistory(workspace, id, 10))
                .extracting(RefreshAttempt::outcome)
                .containsExactly(RefreshAttempt.Outcome.REFUSED);
        assertThatThrownBy(this::use).isInstanceOf(ConnectionNotActive.class);
        assertThat(SandboxStub.requestsCarrying("/sandbox/oauth/token", "refresh_token=" + account.refreshToken()))
                .as("a connection that needs a reconnect is not refreshed again")
                .isEqualTo(1);

        Account again = new Account(account.id(), account.handle(), "at-back-" + id, "rt-back-" + id, 7200);
        assertThat(connect(again)).isEqualTo(id);

        assertThat(connections.require(workspace, id).status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(connections.health(workspace, id).state()).isEqualTo(ConnectionHealth.State.VALID);
        assertThat(use()).isEqualTo("at-back-" + id);
    }

    @Test
    void aClaimHeldElsewhereIsLeftAloneWhileTheTokenStillWorksAndTakenOverOnceItLapses() {
        expire("5 minutes");
        SandboxStub.refreshes(account.refreshToken(), "at-taken-" + id, "rt-taken-" + id, 0);
        update(
                workspace,
                "update connections set refresh_lease_owner = ?, refresh_lease_until = now() + interval '1 minute'",
                UUID.randomUUID());

        assertThat(use())
                .as("another node is refreshing: the still valid token is used")
                .isEqualTo(account.accessToken());
        assertThat(SandboxStub.requestsCarrying("/sandbox/oauth/token", account.refreshToken()))
                .isZero();

        update(workspace, "update connections set refresh_lease_until = now() - interval '1 second'");
        expire("-1 minute");
        assertThat(use()).as("a lapsed claim (its node died) is taken over").isEqualTo("at-taken-" + id);
        assertThat(count(workspace, "select count(*) from connections where refresh_lease_owner is not null"))
                .isZero();
    }

    @Test
    void transientFailuresAreRetriedWithBackoff() {
        expire("-1 minute");
        var stub = SandboxStub.server;
        String scenario = "flaky-" + id;
        stub.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/sandbox/oauth/token")
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(account.refreshToken()))
                .inScenario(scenario)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(503))
                .willSetStateTo("recovered"));
        stub.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/sandbox/oauth/token")
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(account.refreshToken()))
                .inScenario(scenario)
                .whenScenarioStateIs("recovered")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"access_token\":\"at-retry-" + id + "\",\"expires_in\":3600,\"refresh_token\":\"rt-r\"}")));

        assertThat(use()).isEqualTo("at-retry-" + id);
        assertThat(connections.refreshHistory(workspace, id, 10))
                .extracting(RefreshAttempt::outcome)
                .containsExactly(RefreshAttempt.Outcome.REFRESHED, RefreshAttempt.Outcome.TRANSIENT_FAILURE);
    }

    @Test
    void aTokenStillValidIsUsedWhenTheRefreshKeepsFailingAndAnExpiredOneIsNot() {
        expire("5 minutes");
        SandboxStub.tokenEndpointAnswers("refresh_token=" + account.refreshToken(), 503, "{}");
        assertThat(use()).isEqualTo(account.accessToken());
        var health = connections.health(workspace, id);
        assertThat(health.lastError()).contains("HTTP 503");
        assertThat(health.state()).isEqualTo(ConnectionHealth.State.EXPIRING);

        expire("-1 minute");
        assertThatThrownBy(this::use).isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind())
                .isEqualTo(ProviderException.Kind.TRANSIENT));
        assertThat(connections.require(workspace, id).status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void theSweepRefreshesAheadOfExpiry() {
        expire("15 minutes");
        SandboxStub.refreshes(account.refreshToken(), "at-swept-" + id, "rt-swept-" + id, 0);

        assertThat(sweep.due(java.time.Instant.now()))
                .extracting(RefreshSweep.Due::connection)
                .contains(id);
        sweep.sweep();

        assertThat(use()).isEqualTo("at-swept-" + id);
        assertThat(connections.refreshHistory(workspace, id, 10))
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.trigger()).isEqualTo(RefreshAttempt.Trigger.SWEEP));
    }

    @Test
    void theSweepRefreshesAConnectionIdleLongerThanItsPlatformAllowsAndLeavesARecentOneAlone() {
        expire("6 hours");
        SandboxStub.refreshes(account.refreshToken(), "at-idle-" + id, "rt-idle-" + id, 0);
        assertThat(sweep.due(java.time.Instant.now()))
                .as("not due by its expiry")
                .extracting(RefreshSweep.Due::connection)
                .doesNotContain(id);

        sweep.sweep();
        assertThat(use()).as("connected just now, so not idle").isEqualTo(account.accessToken());

        update(
                workspace,
                "update connections set connected_at = now() - interval '25 hours',"
                        + " last_refreshed_at = now() - interval '25 hours' where id = ?",
                id.value());
        sweep.sweep();

        assertThat(use())
                .as("a day without a refresh is too long for the Sandbox")
                .isEqualTo("at-idle-" + id);
        assertThat(connections.refreshHistory(workspace, id, 10))
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.trigger()).isEqualTo(RefreshAttempt.Trigger.SWEEP));
        var sandbox = connections.providers().stream()
                .filter(provider -> provider.id().equals("sandbox"))
                .findFirst()
                .orElseThrow();
        java.time.Instant now = java.time.Instant.now();
        assertThat(sweep.idle(sandbox, now.minus(sandbox.refreshWhenIdleFor()), now))
                .as("refreshed just now, so not idle any more")
                .extracting(RefreshSweep.Due::connection)
                .doesNotContain(id);
    }

    @Test
    void disconnectRevokesAtTheProviderDeletesTheTokensAndKeepsTheHistory() {
        expire("5 minutes");
        SandboxStub.refreshes(account.refreshToken(), "at-d-" + id, "rt-d-" + id, 0);
        use();
        SandboxStub.revokeAccepted();

        Connection gone = connections.disconnect(workspace, id);

        assertThat(gone.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(SandboxStub.requestsCarrying("/sandbox/oauth/revoke", "token=rt-d-" + id))
                .isEqualTo(1);
        assertThat(count(
                        workspace,
                        "select count(*) from connections where access_token is not null"
                                + " or refresh_token is not null"))
                .isZero();
        assertThat(connections.refreshHistory(workspace, id, 10)).hasSize(1);
        assertThat(connections.health(workspace, id).state()).isEqualTo(ConnectionHealth.State.DISCONNECTED);
        assertThatThrownBy(this::use).isInstanceOf(ConnectionNotActive.class);
        assertThat(audit.find(workspace, new AuditQuery("connection.disconnected", null, null, null, null, 10)))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("revokedAtProvider", "yes"));
        assertThat(connections.disconnect(workspace, id).status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    }

    @Test
    void anotherWorkspacesConnectionIsNotFound() {
        WorkspaceId other = owner("pro").workspace().orElseThrow().id();
        assertThatThrownBy(() -> tokens.withAccessToken(other, id, Secret::reveal))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> connections.disconnect(other, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> connections.health(other, id)).isInstanceOf(NotFound.class);
        assertThat(connections.require(workspace, id).status()).isEqualTo(ConnectionStatus.ACTIVE);
    }
}
