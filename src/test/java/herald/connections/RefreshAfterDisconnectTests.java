package herald.connections;

import static org.assertj.core.api.Assertions.assertThat;

import herald.TenantFixtures;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A refresh that was in flight when a person disconnected the account lands after the disconnect: its outcome, new
 * tokens or the platform's refusal (the disconnect revoked the grant), leaves the connection disconnected, without
 * tokens. Before, the refusal turned it into "needs reconnect" and put a Reconnect button on an account its owner had
 * just removed.
 */
class RefreshAfterDisconnectTests extends ConnectionsTestBase {

    @Autowired
    RefreshRows refreshes;

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
}
