package herald.connections;

import herald.audit.AuditLog;
import herald.providers.DiscoveredAccount;
import herald.providers.ProviderException;
import herald.providers.SocialProvider;
import herald.shared.WorkspaceId;
import herald.tenancy.Plans;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import herald.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores the accounts of one consent, all or nothing: a new account becomes a connection, one already connected (the
 * same platform account) is reconnected in place, keeping its id, label and history.
 */
@Component
class ConnectionStore {

    private static final Logger log = LoggerFactory.getLogger(ConnectionStore.class);

    private final ConnectionRows rows;
    private final TenantWork tenants;
    private final Vault vault;
    private final AuditLog audit;
    private final Workspaces workspaces;
    private final Plans plans;
    private final Clock clock;

    ConnectionStore(
            ConnectionRows rows,
            TenantWork tenants,
            Vault vault,
            AuditLog audit,
            Workspaces workspaces,
            Plans plans,
            Clock clock) {
        this.rows = rows;
        this.tenants = tenants;
        this.vault = vault;
        this.audit = audit;
        this.workspaces = workspaces;
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * Refuses when {@code adding} more connections than the {@code inUse} ones would exceed the workspace's plan:
     * checked when a connect starts (one more) and again when its consent comes back (as many as it granted).
     */
    void requireRoom(WorkspaceId workspace, int inUse, int adding) {
        Workspace current = workspaces.require(workspace);
        int limit = plans.get(current.plan()).limits().connections();
        if (adding > 0 && inUse + adding > limit) {
            throw new herald.shared.LimitReached(
                    "connections",
                    "The " + current.plan() + " plan allows " + limit
                            + (limit == 1 ? " connected account" : " connected accounts") + " and this workspace has "
                            + inUse
                            + (adding == 1
                                    ? ". Disconnect one"
                                    : "; the consent granted " + adding + " more. Disconnect some")
                            + " or change the plan.");
        }
    }

    List<Connection> store(
            WorkspaceId workspace, SocialProvider provider, List<DiscoveredAccount> accounts, ConnectFlow flow) {
        return tenants.call(workspace, () -> {
            Instant now = clock.instant();
            var existing = new LinkedHashMap<DiscoveredAccount, ConnectionRows.Stored>();
            int inUse = rows.countInUse(workspace);
            int adding = 0;
            for (DiscoveredAccount account : accounts) {
                var found = rows.lockByAccount(workspace, provider.id(), account.externalId());
                if (found.isPresent()) {
                    existing.put(account, found.get());
                    if (found.get().connection().status() == ConnectionStatus.DISCONNECTED) {
                        adding++;
                    }
                } else {
                    adding++;
                }
            }
            requireRoom(workspace, inUse, adding);
            List<Connection> stored = new ArrayList<>();
            UUID shared = UUID.randomUUID();
            for (DiscoveredAccount account : accounts) {
                UUID grant = provider.oneGrantPerConsent() ? shared : UUID.randomUUID();
                var before = existing.get(account);
                ConnectionId id = before != null ? before.id() : ConnectionId.random();
                var row = row(workspace, provider, account, id);
                if (before == null) {
                    rows.insert(workspace, row, now);
                } else {
                    rows.reconnect(workspace, row, now);
                }
                rows.grantedBy(workspace, id, grant);
                var details = new LinkedHashMap<String, String>();
                details.put("provider", provider.id());
                details.put("account", "@" + account.username());
                details.put("accountType", account.accountType().value());
                details.put("flow", flow.value());
                audit.record(
                        workspace,
                        before == null ? "connection.connected" : "connection.reconnected",
                        "connection",
                        id.toString(),
                        details);
                stored.add(rows.find(workspace, id).orElseThrow().connection());
            }
            return stored;
        });
    }

    private ConnectionRows.NewRow row(
            WorkspaceId workspace, SocialProvider provider, DiscoveredAccount account, ConnectionId id) {
        var tokens = account.tokens();
        return new ConnectionRows.NewRow(
                id,
                provider.id(),
                account.externalId(),
                account.accountType(),
                label(account),
                account.username(),
                account.displayName(),
                account.avatarUrl(),
                vault.seal(Slots.access(workspace, id), tokens.accessToken()),
                tokens.refreshToken() == null ? null : vault.seal(Slots.refresh(workspace, id), tokens.refreshToken()),
                tokens.expiresAt());
    }

    private static String label(DiscoveredAccount account) {
        String label = account.displayName().isBlank() ? "@" + account.username() : account.displayName();
        return label.length() > 100 ? label.substring(0, 100) : label;
    }

    /** Tokens Herald will not keep are revoked, so no live grant is left at the platform without a row. */
    void revokeQuietly(SocialProvider provider, List<DiscoveredAccount> accounts) {
        for (DiscoveredAccount account : accounts) {
            try {
                var refresh = account.tokens().refreshToken();
                provider.revoke(refresh != null ? refresh : account.tokens().accessToken());
            } catch (ProviderException e) {
                log.info("Could not revoke unused tokens at {}: {}", provider.id(), e.getMessage());
            }
        }
    }
}
