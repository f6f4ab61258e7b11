package herald.connections;

import herald.audit.AuditLog;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import herald.vault.Secret;
import herald.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A workspace's connected accounts: list, rename, disconnect, and how their tokens stand. */
@Component
public class Connections {

    private static final Logger log = LoggerFactory.getLogger(Connections.class);

    private final ConnectionRows rows;
    private final RefreshHistory history;
    private final TenantWork tenants;
    private final Providers providers;
    private final Vault vault;
    private final AuditLog audit;
    private final ConnectionsSettings settings;
    private final Clock clock;
    private final JdbcClient jdbc;

    Connections(
            ConnectionRows rows,
            RefreshHistory history,
            TenantWork tenants,
            Providers providers,
            Vault vault,
            AuditLog audit,
            ConnectionsSettings settings,
            Clock clock,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.history = history;
        this.tenants = tenants;
        this.providers = providers;
        this.vault = vault;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every connection of the workspace, disconnected ones included, oldest first. */
    public List<Connection> list(WorkspaceId workspace) {
        return tenants.call(workspace, () -> rows.list(workspace));
    }

    public Optional<Connection> find(WorkspaceId workspace, ConnectionId id) {
        return tenants.call(workspace, () -> rows.find(workspace, id).map(ConnectionRows.Stored::connection));
    }

    /** The connection, or {@link NotFound} when the workspace has none by that id (whether it exists elsewhere). */
    public Connection require(WorkspaceId workspace, ConnectionId id) {
        return find(workspace, id).orElseThrow(() -> notFound(id));
    }

    public Connection rename(WorkspaceId workspace, ConnectionId id, String label) {
        String trimmed = label == null ? "" : label.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new InvalidInput("label", "The label must be 1 to 100 characters.");
        }
        return tenants.call(workspace, () -> {
            var stored = rows.lock(workspace, id).orElseThrow(() -> notFound(id));
            rows.rename(workspace, id, trimmed, clock.instant());
            audit.record(
                    workspace,
                    "connection.renamed",
                    "connection",
                    id.toString(),
                    Map.of("from", stored.connection().label(), "to", trimmed));
            return rows.find(workspace, id).orElseThrow().connection();
        });
    }

    /**
     * Revokes the connection's tokens at the platform where it can, deletes them, and keeps the row and its history as
     * disconnected. Disconnecting a disconnected connection changes nothing. A platform that cannot be reached does
     * not stop the disconnect: Herald forgets the tokens either way, and the audit entry says the revocation failed.
     */
    public Connection disconnect(WorkspaceId workspace, ConnectionId id) {
        var stored = tenants.call(workspace, () -> rows.find(workspace, id)).orElseThrow(() -> notFound(id));
        if (stored.connection().status() == ConnectionStatus.DISCONNECTED) {
            return stored.connection();
        }
        String revocation = revokeAtProvider(stored);
        return tenants.call(workspace, () -> {
            rows.lock(workspace, id).orElseThrow(() -> notFound(id));
            rows.disconnected(workspace, id, "Disconnected in Herald.", clock.instant());
            var details = new LinkedHashMap<String, String>();
            details.put("provider", stored.connection().provider());
            details.put("account", "@" + stored.connection().username());
            details.put("revokedAtProvider", revocation);
            audit.record(workspace, "connection.disconnected", "connection", id.toString(), details);
            return rows.find(workspace, id).orElseThrow().connection();
        });
    }

    /** Valid, expiring, expired, needs reconnect or disconnected, with the dates and the last error. */
    public ConnectionHealth health(WorkspaceId workspace, ConnectionId id) {
        var stored = tenants.call(workspace, () -> rows.find(workspace, id)).orElseThrow(() -> notFound(id));
        return health(stored, clock.instant());
    }

    ConnectionHealth health(ConnectionRows.Stored stored, Instant now) {
        Connection c = stored.connection();
        ConnectionHealth.State state;
        if (c.status() == ConnectionStatus.NEEDS_RECONNECT) {
            state = ConnectionHealth.State.NEEDS_RECONNECT;
        } else if (c.status() == ConnectionStatus.DISCONNECTED) {
            state = ConnectionHealth.State.DISCONNECTED;
        } else if (c.expiresAt() == null) {
            state = ConnectionHealth.State.VALID;
        } else if (!c.expiresAt().isAfter(now)) {
            state = ConnectionHealth.State.EXPIRED;
        } else if (c.expiresAt().isBefore(now.plus(settings.refreshAhead()))
                || stored.refreshToken() == null && c.expiresAt().isBefore(now.plus(settings.reconnectWarning()))) {
            state = ConnectionHealth.State.EXPIRING;
        } else {
            state = ConnectionHealth.State.VALID;
        }
        return new ConnectionHealth(
                c.id(),
                state,
                c.expiresAt(),
                c.lastRefreshedAt(),
                stored.refreshToken() != null,
                c.status() == ConnectionStatus.ACTIVE ? null : c.statusReason(),
                c.lastError());
    }

    /**
     * Active connections whose token expires within the reconnect warning and that Herald cannot refresh (the platform
     * gave no refresh token, as LinkedIn does for most apps): someone must reconnect them before they stop publishing.
     */
    public List<Connection> reconnectSoon(WorkspaceId workspace) {
        Instant now = clock.instant();
        Instant horizon = now.plus(settings.reconnectWarning());
        return tenants.call(workspace, () -> rows.list(workspace).stream()
                .filter(c -> c.status() == ConnectionStatus.ACTIVE
                        && c.expiresAt() != null
                        && c.expiresAt().isAfter(now)
                        && c.expiresAt().isBefore(horizon))
                .filter(c -> rows.find(workspace, c.id())
                        .map(stored -> stored.refreshToken() == null)
                        .orElse(false))
                .toList());
    }

    /** The latest refresh attempts, newest first. */
    public List<RefreshAttempt> refreshHistory(WorkspaceId workspace, ConnectionId id, int limit) {
        return tenants.call(workspace, () -> {
            rows.find(workspace, id).orElseThrow(() -> notFound(id));
            return history.latest(workspace, id, Math.max(1, Math.min(limit, 200)));
        });
    }

    /**
     * For the operator: connections of every workspace whose access token expires before {@code before} (disconnected
     * ones aside), soonest first. Found through a SECURITY DEFINER function that returns ids only; each is then read in
     * its workspace's scope.
     */
    public List<Connection> expiringBefore(Instant before, int limit) {
        record Ref(WorkspaceId workspace, ConnectionId id) {}
        List<Ref> refs = jdbc.sql(
                        "select workspace_id, connection_id from herald_connections_expiring(:before, :limit)")
                .param("before", java.sql.Timestamp.from(before))
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query((rs, n) -> new Ref(
                        new WorkspaceId(rs.getObject("workspace_id", java.util.UUID.class)),
                        new ConnectionId(rs.getObject("connection_id", java.util.UUID.class))))
                .list();
        return refs.stream()
                .flatMap(ref -> find(ref.workspace(), ref.id()).stream())
                .toList();
    }

    /** The platforms a workspace can connect, for pickers. */
    public List<SocialProvider> providers() {
        return providers.all();
    }

    private String revokeAtProvider(ConnectionRows.Stored stored) {
        Connection c = stored.connection();
        List<String> sharing = tenants.call(c.workspace(), () -> rows.sharingGrant(c.workspace(), c.id()));
        if (!sharing.isEmpty()) {
            // One consent granted these accounts one grant (a user's token behind several Pages or organizations):
            // revoking it would cut off the others too. It is revoked with the last of them.
            return "no: the same consent also connects @" + String.join(", @", sharing);
        }
        Optional<SocialProvider> provider = providers.find(c.provider());
        if (provider.isEmpty()) {
            return "no: the platform is no longer configured";
        }
        // The refresh token names the whole grant; revoking it ends the access token's family too where platforms
        // have families (the Sandbox, X). The access token is revoked as well for platforms without.
        try {
            @Nullable Secret refresh = open(Slots.refresh(c.workspace(), c.id()), stored.refreshToken());
            @Nullable Secret access = open(Slots.access(c.workspace(), c.id()), stored.accessToken());
            if (refresh == null && access == null) {
                return "no: Herald held no token";
            }
            if (refresh != null) {
                provider.get().revoke(refresh);
            }
            if (access != null) {
                provider.get().revoke(access);
            }
            return "yes";
        } catch (ProviderException e) {
            log.info("Revoking connection {} at {} failed: {}", c.id(), c.provider(), e.getMessage());
            return "no: " + e.getMessage();
        }
    }

    private @Nullable Secret open(herald.vault.SecretSlot slot, byte @Nullable [] ciphertext) {
        return ciphertext == null ? null : vault.open(slot, ciphertext);
    }

    static NotFound notFound(ConnectionId id) {
        return new NotFound("No connection " + id + " in this workspace.");
    }
}
