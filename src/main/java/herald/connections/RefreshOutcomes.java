package herald.connections;

import herald.audit.AuditLog;
import herald.connections.RefreshAttempt.Outcome;
import herald.connections.RefreshAttempt.Trigger;
import herald.providers.ProviderException;
import herald.providers.TokenGrant;
import herald.shared.WorkspaceId;
import herald.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records how a token refresh ended ({@link TokenRefresher} claims it and makes the platform call): the new tokens, a
 * failure the sweep retries later after a growing delay, or the verdict that a person must reconnect. Each outcome
 * writes its history row and audit entry. Like {@link RefreshRows}, every method but {@link #needsReconnect} runs in
 * the caller's tenant transaction; that one publishes the verdict's event once it has committed.
 */
@Component
class RefreshOutcomes {

    private final ConnectionRows rows;
    private final RefreshRows refreshes;
    private final RefreshHistory history;
    private final Vault vault;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ConnectionsSettings settings;
    private final Clock clock;

    RefreshOutcomes(
            ConnectionRows rows,
            RefreshRows refreshes,
            RefreshHistory history,
            Vault vault,
            AuditLog audit,
            ApplicationEventPublisher events,
            ConnectionsSettings settings,
            Clock clock) {
        this.rows = rows;
        this.refreshes = refreshes;
        this.history = history;
        this.vault = vault;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Stores a refresh's tokens and ends the lease, before the new access token is used anywhere. */
    void store(WorkspaceId workspace, ConnectionId id, UUID owner, TokenGrant grant, Trigger trigger) {
        var stored = rows.lock(workspace, id).orElseThrow(() -> Connections.notFound(id));
        // Disconnected (or refused) while the call ran: the new tokens are not kept.
        AccessTokens.requireActive(stored.connection());
        Instant done = clock.instant();
        refreshes.refreshed(
                workspace,
                id,
                vault.seal(Slots.access(workspace, id), grant.accessToken()),
                grant.refreshToken() == null ? null : vault.seal(Slots.refresh(workspace, id), grant.refreshToken()),
                grant.expiresAt(),
                done);
        history.record(workspace, id, trigger, Outcome.REFRESHED, null, done);
        var details = new LinkedHashMap<String, String>();
        details.put("provider", stored.connection().provider());
        details.put("trigger", trigger.value());
        details.put("expiresAt", String.valueOf(grant.expiresAt()));
        details.put("refreshTokenRotated", String.valueOf(grant.refreshToken() != null));
        if (!owner.equals(stored.leaseOwner())) {
            details.put("leaseLapsed", "true");
        }
        audit.record(workspace, "connection.refreshed", "connection", id.toString(), details);
    }

    /**
     * Records a failed platform call of the lease's {@code owner} and returns the verdict when the platform refused the
     * grant. Any other failure returns null and is retried: by the caller, whose lease is released, or after the last
     * attempt or a failure not worth repeating now, by the sweep after a delay that doubles with each failure.
     *
     * @throws ConnectionNotActive when the connection was disconnected (or refused elsewhere) while the call ran
     */
    @Nullable
    ConnectionNeedsReconnect failed(
            WorkspaceId workspace,
            ConnectionId id,
            UUID owner,
            Trigger trigger,
            ProviderException e,
            boolean lastAttempt) {
        var stored = rows.lock(workspace, id).orElseThrow(() -> Connections.notFound(id));
        // Disconnected while the call ran: the disconnect revoked the grant, so a refusal is no news, and neither an
        // audit entry nor a "needs reconnect" verdict (with its notification) belongs to an account its owner removed.
        AccessTokens.requireActive(stored.connection());
        Instant failedAt = clock.instant();
        if (e.kind() == ProviderException.Kind.AUTH_REVOKED || e.kind() == ProviderException.Kind.AUTH_EXPIRED) {
            return refused(stored, trigger, e.getMessage(), failedAt);
        }
        history.record(workspace, id, trigger, Outcome.TRANSIENT_FAILURE, e.getMessage(), failedAt);
        if (lastAttempt || !e.retryable()) {
            int failures = refreshes.failures(workspace, id) + 1;
            refreshes.refreshFailed(workspace, id, e.getMessage(), failedAt.plus(retryDelay(failures, e)), failedAt);
        } else {
            refreshes.release(workspace, id, owner);
        }
        return null;
    }

    /** The verdict that a person must consent again; its event is published by {@link #needsReconnect}. */
    ConnectionNeedsReconnect refused(ConnectionRows.Stored stored, Trigger trigger, String reason, Instant now) {
        Connection connection = stored.connection();
        WorkspaceId workspace = connection.workspace();
        refreshes.needsReconnect(workspace, connection.id(), reason, now);
        history.record(workspace, connection.id(), trigger, Outcome.REFUSED, reason, now);
        var details = new LinkedHashMap<String, String>();
        details.put("provider", connection.provider());
        details.put("account", "@" + connection.username());
        details.put("reason", reason);
        audit.record(
                workspace,
                "connection.needs_reconnect",
                "connection",
                connection.id().toString(),
                details);
        return new ConnectionNeedsReconnect(workspace, connection.id(), connection.provider(), reason, now);
    }

    /** Published after the refusal is committed. */
    ConnectionNotActive needsReconnect(ConnectionNeedsReconnect event) {
        events.publishEvent(event);
        return new ConnectionNotActive(
                event.connection(),
                ConnectionStatus.NEEDS_RECONNECT,
                "The connection needs a reconnect: " + event.reason());
    }

    /** The sweep waits a minute after the first failure, doubling up to the configured maximum. */
    private Duration retryDelay(int failures, ProviderException e) {
        if (e.retryAfter() != null) {
            return e.retryAfter();
        }
        Duration delay = Duration.ofMinutes(1).multipliedBy(1L << Math.min(failures - 1, 16));
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }
}
