package herald.connections;

import herald.audit.AuditLog;
import herald.connections.RefreshAttempt.Outcome;
import herald.connections.RefreshAttempt.Trigger;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.providers.TokenGrant;
import herald.shared.WorkspaceId;
import herald.vault.Secret;
import herald.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Refreshes one connection's tokens, single-flight across threads and nodes.
 *
 * <p>Why the row lock is held across the platform call: platforms like X and the Sandbox rotate refresh tokens, and a
 * refresh token presented twice revokes the whole grant. Whoever holds {@code select ... for update} on the row is the
 * only one refreshing; everyone else waits, then re-reads and finds fresh tokens. The new refresh token is committed
 * before the new access token is handed to anyone, so a crash after the call loses at most one refresh, never the
 * grant. The wait is bounded by the provider's timeouts.
 */
@Component
class TokenRefresher {

    private final ConnectionRows rows;
    private final RefreshHistory history;
    private final TenantWork tenants;
    private final Providers providers;
    private final Vault vault;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ConnectionsSettings settings;
    private final Clock clock;

    TokenRefresher(
            ConnectionRows rows,
            RefreshHistory history,
            TenantWork tenants,
            Providers providers,
            Vault vault,
            AuditLog audit,
            ApplicationEventPublisher events,
            ConnectionsSettings settings,
            Clock clock) {
        this.rows = rows;
        this.history = history;
        this.tenants = tenants;
        this.providers = providers;
        this.vault = vault;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one attempt came to. */
    private sealed interface Result {
        record Fresh(Secret accessToken) implements Result {}

        record Failed(ProviderException error, @Nullable Secret stillValid) implements Result {}

        record Refused(ConnectionNeedsReconnect event) implements Result {}
    }

    /**
     * Returns an access token valid beyond {@code staleBefore} if one can be had: the stored one when it still is (or
     * another thread just refreshed it), else a refreshed one. Transient failures are retried {@code attempts} times
     * with doubling waits; when they persist, a token that has not yet expired is still returned.
     *
     * @throws ConnectionNotActive when the connection needs a reconnect (now or already) or was disconnected
     * @throws ProviderException when no usable token can be had for now
     */
    Secret refresh(WorkspaceId workspace, ConnectionId id, Trigger trigger, Instant staleBefore, int attempts) {
        Duration wait = settings.refreshBackoff();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= attempts;
            Result result = tenants.call(workspace, () -> attempt(workspace, id, trigger, staleBefore, last));
            switch (result) {
                case Result.Fresh fresh -> {
                    return fresh.accessToken();
                }
                case Result.Refused refused -> {
                    events.publishEvent(refused.event());
                    throw new ConnectionNotActive(
                            id,
                            ConnectionStatus.NEEDS_RECONNECT,
                            "The connection needs a reconnect: "
                                    + refused.event().reason());
                }
                case Result.Failed failed -> {
                    if (last || !failed.error().retryable()) {
                        if (failed.stillValid() != null) {
                            return failed.stillValid();
                        }
                        throw failed.error();
                    }
                }
            }
            sleep(wait);
            wait = wait.multipliedBy(2);
        }
    }

    private Result attempt(
            WorkspaceId workspace, ConnectionId id, Trigger trigger, Instant staleBefore, boolean lastAttempt) {
        var stored = rows.lock(workspace, id).orElseThrow(() -> Connections.notFound(id));
        Connection connection = stored.connection();
        AccessTokens.requireActive(connection);
        Instant now = clock.instant();
        @Nullable
        Secret access =
                stored.accessToken() == null ? null : vault.open(Slots.access(workspace, id), stored.accessToken());
        if (access != null && !AccessTokens.stale(connection, staleBefore)) {
            return new Result.Fresh(access);
        }
        @Nullable
        Secret stillValid = access != null
                        && connection.expiresAt() != null
                        && connection.expiresAt().isAfter(now)
                ? access
                : null;
        SocialProvider provider = providers.find(connection.provider()).orElse(null);
        if (provider == null || stored.refreshToken() == null || !provider.refreshable()) {
            if (stillValid != null) {
                return new Result.Fresh(stillValid);
            }
            return refused(
                    stored,
                    trigger,
                    "The token expired and " + (provider == null ? connection.provider() : provider.displayName())
                            + " gave Herald no way to refresh it.",
                    now);
        }
        Secret refreshToken = vault.open(Slots.refresh(workspace, id), stored.refreshToken());
        try {
            TokenGrant grant = provider.refresh(refreshToken);
            Instant done = clock.instant();
            rows.refreshed(
                    workspace,
                    id,
                    vault.seal(Slots.access(workspace, id), grant.accessToken()),
                    grant.refreshToken() == null
                            ? null
                            : vault.seal(Slots.refresh(workspace, id), grant.refreshToken()),
                    grant.expiresAt(),
                    done);
            history.record(workspace, id, trigger, Outcome.REFRESHED, null, done);
            var details = new LinkedHashMap<String, String>();
            details.put("provider", connection.provider());
            details.put("trigger", trigger.value());
            details.put("expiresAt", String.valueOf(grant.expiresAt()));
            details.put("refreshTokenRotated", String.valueOf(grant.refreshToken() != null));
            audit.record(workspace, "connection.refreshed", "connection", id.toString(), details);
            return new Result.Fresh(grant.accessToken());
        } catch (ProviderException e) {
            Instant failedAt = clock.instant();
            if (e.kind() == ProviderException.Kind.AUTH_REVOKED || e.kind() == ProviderException.Kind.AUTH_EXPIRED) {
                return refused(stored, trigger, e.getMessage(), failedAt);
            }
            history.record(workspace, id, trigger, Outcome.TRANSIENT_FAILURE, e.getMessage(), failedAt);
            if (lastAttempt || !e.retryable()) {
                int failures = rows.failures(workspace, id) + 1;
                rows.refreshFailed(workspace, id, e.getMessage(), failedAt.plus(retryDelay(failures, e)), failedAt);
            }
            return new Result.Failed(e, stillValid);
        }
    }

    private Result.Refused refused(ConnectionRows.Stored stored, Trigger trigger, String reason, Instant now) {
        Connection connection = stored.connection();
        WorkspaceId workspace = connection.workspace();
        rows.needsReconnect(workspace, connection.id(), reason, now);
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
        return new Result.Refused(
                new ConnectionNeedsReconnect(workspace, connection.id(), connection.provider(), reason, now));
    }

    /** The sweep waits a minute after the first failure, doubling up to the configured maximum. */
    private Duration retryDelay(int failures, ProviderException e) {
        if (e.retryAfter() != null) {
            return e.retryAfter();
        }
        Duration delay = Duration.ofMinutes(1).multipliedBy(1L << Math.min(failures - 1, 16));
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a token refresh", e);
        }
    }
}
