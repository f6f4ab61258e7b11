package herald.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.TenantFixtures;
import herald.connections.RefreshAttempt.Trigger;
import herald.providers.ProviderException;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A refresh that was in flight when a person disconnected the account lands after the disconnect: its outcome, new
 * tokens or the platform's refusal (the disconnect revoked the grant), leaves the connection disconnected, without
 * tokens. Before, the refusal turned it into "needs reconnect" and put a Reconnect button on an account its owner had
 * just removed.
 */
@RecordApplicationEvents
class RefreshAfterDisconnectTests extends ConnectionsTestBase {

    @Autowired
    RefreshRows refreshes;

    @Autowired
    RefreshOutcomes outcomes;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ConnectionRows connections;

    @Test
    void aLateRefreshOutcomeLeavesADisconnectedConnectionDisconnectedWithoutTokens() {
        WorkspaceId workspace = owner("pro").workspace().orElseThrow().id();
        ConnectionId id = TenantFixtures.sandboxAccount(tenants, jdbc, workspace, "late");
        Instant now = Instant.now();
        tenants.run(workspace, () -> connections.disconnected(workspace, id, "Disconnected by a member.", now));

        tenants.run(workspace, () -> {
            refreshes.refreshed(workspace, id, new byte[] {1, 2, 3}, new byte[] {4, 5}, now.plusSeconds(3600), now);
            refreshes.needsReconnect(workspace, id, "invalid_grant: the grant was revoked", now);
        });

        var row = tenants.call(workspace, () -> jdbc.sql(
                        "select status, access_token is null as no_access, refresh_token is null as no_refresh"
                                + " from connections where id = :id")
                .param("id", id.value())
                .query((rs, n) ->
                        rs.getString("status") + " " + rs.getBoolean("no_access") + " " + rs.getBoolean("no_refresh"))
                .single());
        assertThat(row).isEqualTo("disconnected true true");

        // An active one still takes them.
        ConnectionId active = TenantFixtures.sandboxAccount(
                tenants,
                jdbc,
                workspace,
                "active_" + UUID.randomUUID().toString().substring(0, 6));
        tenants.run(workspace, () -> refreshes.needsReconnect(workspace, active, "invalid_grant", now));
        assertThat(tenants.call(workspace, () -> jdbc.sql("select status from connections where id = :id")
                        .param("id", active.value())
                        .query(String.class)
                        .single()))
                .isEqualTo("needs_reconnect");
    }

    @Test
    void aRefusalThatLandsAfterADisconnectIsNeitherAuditedNorAnnouncedAsNeedingAReconnect() {
        WorkspaceId workspace = owner("pro").workspace().orElseThrow().id();
        ConnectionId removed = TenantFixtures.sandboxAccount(tenants, jdbc, workspace, "removed");
        ConnectionId kept = TenantFixtures.sandboxAccount(tenants, jdbc, workspace, "kept");
        tenants.run(
                workspace,
                () -> connections.disconnected(workspace, removed, "Disconnected by a member.", Instant.now()));
        var revoked = new ProviderException("sandbox", ProviderException.Kind.AUTH_REVOKED, "invalid_grant: revoked");

        assertThatThrownBy(() -> tenants.call(
                        workspace,
                        () -> outcomes.failed(workspace, removed, UUID.randomUUID(), Trigger.SWEEP, revoked, true)))
                .isInstanceOfSatisfying(ConnectionNotActive.class, e -> assertThat(e.status())
                        .isEqualTo(ConnectionStatus.DISCONNECTED));
        // The same refusal of an active connection is the verdict, with its audit entry.
        var verdict = tenants.call(
                workspace, () -> outcomes.failed(workspace, kept, UUID.randomUUID(), Trigger.SWEEP, revoked, true));
        assertThat(verdict).isNotNull();
        assertThat(verdict.connection()).isEqualTo(kept);

        assertThat(count(
                        workspace,
                        "select count(*) from audit_events where action = 'connection.needs_reconnect' and target_id = '"
                                + removed.value() + "'"))
                .isZero();
        assertThat(count(
                        workspace,
                        "select count(*) from audit_events where action = 'connection.needs_reconnect' and target_id = '"
                                + kept.value() + "'"))
                .isOne();
        assertThat(count(
                        workspace,
                        "select count(*) from token_refresh_history where connection_id = '" + removed.value() + "'"))
                .isZero();
        assertThat(events.stream(ConnectionNeedsReconnect.class))
                .noneMatch(e -> e.connection().equals(removed));
    }
}
