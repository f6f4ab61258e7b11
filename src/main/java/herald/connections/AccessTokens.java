package herald.connections;

import herald.audit.AuditLog;
import herald.connections.RefreshAttempt.Trigger;
import herald.providers.ProviderException;
import herald.shared.WorkspaceId;
import herald.vault.Secret;
import herald.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one way other modules use a connection's token: {@link #withAccessToken}. The plaintext token exists only
 * inside the function given, which makes the platform call.
 */
@Component
public class AccessTokens {

    private final ConnectionRows rows;
    private final TenantWork tenants;
    private final TokenRefresher refresher;
    private final Vault vault;
    private final ConnectionsSettings settings;
    private final Clock clock;

    AccessTokens(
            ConnectionRows rows,
            TenantWork tenants,
            TokenRefresher refresher,
            Vault vault,
            ConnectionsSettings settings,
            Clock clock) {
        this.rows = rows;
        this.tenants = tenants;
        this.refresher = refresher;
        this.vault = vault;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Calls {@code use} with the connection's access token, refreshed first when it expires within
     * {@code herald.connections.refresh-ahead}. Call it outside any transaction: a refresh commits its new tokens
     * before {@code use} runs. When the platform refuses the token as expired ({@code AUTH_EXPIRED}, e.g. expired
     * early at the platform), the token is refreshed once, unless another caller did so meanwhile, and {@code use}
     * runs again: a refused token means the platform did nothing, so a second call is safe.
     *
     * @throws herald.shared.NotFound when the workspace has no such connection
     * @throws ConnectionNotActive when it needs a reconnect or was disconnected
     * @throws herald.providers.ProviderException when the token expired and could not be refreshed for now
     */
    public <T> T withAccessToken(WorkspaceId workspace, ConnectionId id, Function<Secret, T> use) {
        Instant readAt = clock.instant();
        Secret token = accessToken(workspace, id);
        try {
            return use.apply(token);
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.AUTH_EXPIRED) {
                throw e;
            }
            // Refreshed unless someone refreshed after this token was read: 50 refused callers cause one refresh.
            Secret fresh =
                    refresher.refresh(workspace, id, Trigger.USE, clock.instant(), readAt, settings.refreshAttempts());
            return use.apply(fresh);
        }
    }

    /**
     * An access token opened ahead of its use by {@link #openInTransaction}: only {@link #withAccessToken(Opened,
     * Function)} reveals it.
     */
    public static final class Opened {

        private final WorkspaceId workspace;
        private final ConnectionId id;
        private final Secret token;
        private final Instant readAt;

        private Opened(WorkspaceId workspace, ConnectionId id, Secret token, Instant readAt) {
            this.workspace = workspace;
            this.id = id;
            this.token = token;
            this.readAt = readAt;
        }

        @Override
        public String toString() {
            return "Opened[" + id + "]";
        }
    }

    /**
     * Reads the connection and opens its access token <em>inside the caller's transaction of {@code workspace}</em>,
     * so that the read and its {@code secret.decrypted} audit entry commit with the caller's own writes, in one
     * commit (the dispatcher opens the token in the transaction that claims the attempt). Empty when the token is due
     * for a refresh: a refresh commits on its own and may call the platform, so the caller then uses {@link
     * #withAccessToken(WorkspaceId, ConnectionId, Function)} outside any transaction.
     *
     * @throws herald.shared.NotFound when the workspace has no such connection
     * @throws ConnectionNotActive when it needs a reconnect or was disconnected
     */
    public Optional<Opened> openInTransaction(WorkspaceId workspace, ConnectionId id) {
        Instant readAt = clock.instant();
        var stored = rows.find(workspace, id).orElseThrow(() -> Connections.notFound(id));
        requireActive(stored.connection());
        if (stored.accessToken() == null || stale(stored.connection(), readAt.plus(settings.refreshAhead()))) {
            return Optional.empty();
        }
        return Optional.of(
                new Opened(workspace, id, vault.open(Slots.access(workspace, id), stored.accessToken()), readAt));
    }

    /**
     * The instant before which a token read at {@code readAt} must still be valid to be used as read: a token expiring
     * earlier is refreshed first ({@code herald.connections.refresh-ahead}).
     */
    public Instant staleBefore(Instant readAt) {
        return readAt.plus(settings.refreshAhead());
    }

    /**
     * Opens an access token that the dispatcher's batch of claims read (herald_claim_targets, V174) in its transaction,
     * as {@link #openInTransaction} opens one it reads itself: its {@code secret.decrypted} entry is added to {@code
     * records}, which the caller appends in that transaction before it commits ({@code AuditLog.appendAll}). Empty
     * when the statement handed no token (none stored, or due for a refresh, which the call then makes).
     *
     * @param status the connection's status column, null when the workspace has no such connection
     * @throws herald.shared.NotFound when the workspace has no such connection
     * @throws ConnectionNotActive when it needs a reconnect or was disconnected
     */
    public Optional<Opened> openClaimed(
            WorkspaceId workspace,
            ConnectionId id,
            @Nullable String status,
            @Nullable String reason,
            @Nullable String username,
            byte @Nullable [] sealed,
            Instant readAt,
            List<AuditLog.Pending> records) {
        if (status == null) {
            throw Connections.notFound(id);
        }
        requireActive(id, ConnectionStatus.ofColumn(status), username, reason);
        if (sealed == null) {
            return Optional.empty();
        }
        Vault.Opening opening = vault.openForBatch(Slots.access(workspace, id), sealed);
        records.add(new AuditLog.Pending(workspace, opening.record()));
        return Optional.of(new Opened(workspace, id, opening.secret(), readAt));
    }

    /**
     * Calls {@code use} with a token opened by {@link #openInTransaction}, outside any transaction, and as {@link
     * #withAccessToken(WorkspaceId, ConnectionId, Function)} refreshes it once when the platform refuses it as
     * expired.
     */
    public <T> T withAccessToken(Opened opened, Function<Secret, T> use) {
        try {
            return use.apply(opened.token);
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.AUTH_EXPIRED) {
                throw e;
            }
            Secret fresh = refresher.refresh(
                    opened.workspace,
                    opened.id,
                    Trigger.USE,
                    clock.instant(),
                    opened.readAt,
                    settings.refreshAttempts());
            return use.apply(fresh);
        }
    }

    private Secret accessToken(WorkspaceId workspace, ConnectionId id) {
        var stored =
                tenants.call(workspace, () -> rows.find(workspace, id)).orElseThrow(() -> Connections.notFound(id));
        requireActive(stored.connection());
        Instant staleBefore = clock.instant().plus(settings.refreshAhead());
        if (stored.accessToken() != null && !stale(stored.connection(), staleBefore)) {
            return vault.open(Slots.access(workspace, id), stored.accessToken());
        }
        return refresher.refresh(workspace, id, Trigger.USE, staleBefore, settings.refreshAttempts());
    }

    static boolean stale(Connection connection, Instant staleBefore) {
        return connection.expiresAt() != null && connection.expiresAt().isBefore(staleBefore);
    }

    static void requireActive(Connection connection) {
        requireActive(connection.id(), connection.status(), connection.username(), connection.statusReason());
    }

    private static void requireActive(
            ConnectionId id, ConnectionStatus status, @Nullable String username, @Nullable String reason) {
        switch (status) {
            case ACTIVE -> {}
            case NEEDS_RECONNECT ->
                throw new ConnectionNotActive(
                        id, status, "The connection @" + username + " needs a reconnect: " + reason);
            case DISCONNECTED ->
                throw new ConnectionNotActive(id, status, "The connection @" + username + " was disconnected.");
        }
    }
}
