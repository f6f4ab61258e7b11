package herald.connections;

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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Refreshes one connection's tokens, single-flight across threads and nodes.
 *
 * <p>Why: platforms like X and the Sandbox rotate refresh tokens, and a refresh token presented twice revokes the whole
 * grant. So the refresh is claimed first: under the row lock ({@code select ... for update}) a transaction re-reads
 * the row, and only if the token is still stale and nobody holds a live claim does it record a lease (owner, until)
 * and commit. The platform call then runs outside any transaction, holding no database connection and no lock: an
 * earlier version held the row lock across the call, and fifty waiting uses took every pooled connection while the
 * Sandbox, served by the same application, needed one to answer. A second locked transaction stores the new tokens
 * (the refresh token included) and ends the lease before the new access token is handed to anyone. Others wait,
 * without a connection, until the row is fresh; threads of one node wait on an in-memory lock so they do not poll.
 * The lease outlives any provider call ({@code herald.connections.refresh-lease}), so it never lapses while the call
 * that holds it may still succeed. How the refresh ended is recorded by {@link RefreshOutcomes}.
 */
@Component
class TokenRefresher {

    private static final Duration POLL = Duration.ofMillis(100);

    private final ConnectionRows rows;
    private final RefreshRows refreshes;
    private final RefreshOutcomes outcomes;
    private final TenantWork tenants;
    private final Providers providers;
    private final Vault vault;
    private final ConnectionsSettings settings;
    private final Clock clock;
    private final ConcurrentHashMap<ConnectionId, ReentrantLock> local = new ConcurrentHashMap<>();

    TokenRefresher(
            ConnectionRows rows,
            RefreshRows refreshes,
            RefreshOutcomes outcomes,
            TenantWork tenants,
            Providers providers,
            Vault vault,
            ConnectionsSettings settings,
            Clock clock) {
        this.rows = rows;
        this.refreshes = refreshes;
        this.outcomes = outcomes;
        this.tenants = tenants;
        this.providers = providers;
        this.vault = vault;
        this.settings = settings;
        this.clock = clock;
    }

    /** What the claiming transaction found. */
    private sealed interface Claim {
        /** A token valid beyond the stale mark: the stored one, or one another refresh just stored. */
        record Fresh(Secret accessToken) implements Claim {}

        /** Someone else is refreshing; {@code stillValid} is the current token if it has not expired. */
        record Busy(@Nullable Secret stillValid) implements Claim {}

        /** This caller holds the lease and refreshes. */
        record Mine(UUID owner, SocialProvider provider, Secret refreshToken, @Nullable Secret stillValid)
                implements Claim {}

        record Refused(ConnectionNeedsReconnect event) implements Claim {}
    }

    /**
     * Returns an access token valid beyond {@code staleBefore} if one can be had: the stored one when it still is (or
     * another caller just refreshed it), else a refreshed one. Transient failures are retried {@code attempts} times
     * with doubling waits; when they persist, a token that has not yet expired is still returned.
     *
     * @throws ConnectionNotActive when the connection needs a reconnect (now or already) or was disconnected
     * @throws ProviderException when no usable token can be had for now
     */
    Secret refresh(WorkspaceId workspace, ConnectionId id, Trigger trigger, Instant staleBefore, int attempts) {
        return refresh(workspace, id, trigger, staleBefore, null, attempts);
    }

    /**
     * As {@link #refresh(WorkspaceId, ConnectionId, Trigger, Instant, int)}, and also refreshes a token that has not
     * been refreshed since {@code idleBefore} (for platforms whose refresh tokens lapse when unused).
     */
    Secret refresh(
            WorkspaceId workspace,
            ConnectionId id,
            Trigger trigger,
            Instant staleBefore,
            @Nullable Instant idleBefore,
            int attempts) {
        ReentrantLock mine = local.computeIfAbsent(id, key -> new ReentrantLock());
        mine.lock();
        try {
            return refreshAlone(workspace, id, trigger, staleBefore, idleBefore, attempts);
        } finally {
            mine.unlock();
            if (!mine.hasQueuedThreads()) {
                local.remove(id, mine);
            }
        }
    }

    private Secret refreshAlone(
            WorkspaceId workspace,
            ConnectionId id,
            Trigger trigger,
            Instant staleBefore,
            @Nullable Instant idleBefore,
            int attempts) {
        Duration wait = settings.refreshBackoff();
        Instant giveUp = clock.instant().plus(settings.refreshLease()).plus(settings.refreshLease());
        int attempt = 1;
        while (true) {
            Claim claim = tenants.call(workspace, () -> claim(workspace, id, trigger, staleBefore, idleBefore));
            switch (claim) {
                case Claim.Fresh fresh -> {
                    return fresh.accessToken();
                }
                case Claim.Refused refused -> throw outcomes.needsReconnect(refused.event());
                case Claim.Busy busy -> {
                    if (busy.stillValid() != null) {
                        return busy.stillValid();
                    }
                    if (trigger == Trigger.SWEEP || clock.instant().isAfter(giveUp)) {
                        throw new ProviderException(
                                "herald", ProviderException.Kind.TRANSIENT, "The token is being refreshed elsewhere.");
                    }
                    sleep(POLL);
                }
                case Claim.Mine lease -> {
                    boolean last = attempt >= attempts;
                    try {
                        TokenGrant grant = lease.provider().refresh(lease.refreshToken());
                        tenants.run(workspace, () -> outcomes.store(workspace, id, lease.owner(), grant, trigger));
                        return grant.accessToken();
                    } catch (ProviderException e) {
                        @Nullable
                        ConnectionNeedsReconnect verdict = tenants.call(
                                workspace, () -> outcomes.failed(workspace, id, lease.owner(), trigger, e, last));
                        if (verdict != null) {
                            throw outcomes.needsReconnect(verdict);
                        }
                        if (last || !e.retryable()) {
                            if (lease.stillValid() != null) {
                                return lease.stillValid();
                            }
                            throw e;
                        }
                    }
                    attempt++;
                    sleep(wait);
                    wait = wait.multipliedBy(2);
                }
            }
        }
    }

    private Claim claim(
            WorkspaceId workspace,
            ConnectionId id,
            Trigger trigger,
            Instant staleBefore,
            @Nullable Instant idleBefore) {
        var stored = rows.lock(workspace, id).orElseThrow(() -> Connections.notFound(id));
        Connection connection = stored.connection();
        AccessTokens.requireActive(connection);
        Instant now = clock.instant();
        @Nullable
        Secret access =
                stored.accessToken() == null ? null : vault.open(Slots.access(workspace, id), stored.accessToken());
        if (access != null && !AccessTokens.stale(connection, staleBefore) && !idle(connection, idleBefore)) {
            return new Claim.Fresh(access);
        }
        @Nullable
        Secret stillValid = access != null
                        && connection.expiresAt() != null
                        && connection.expiresAt().isAfter(now)
                ? access
                : null;
        if (stored.leasedAt(now)) {
            return new Claim.Busy(stillValid);
        }
        SocialProvider provider = providers.find(connection.provider()).orElse(null);
        if (provider == null || stored.refreshToken() == null || !provider.refreshable()) {
            if (stillValid != null) {
                return new Claim.Fresh(stillValid);
            }
            return new Claim.Refused(outcomes.refused(
                    stored,
                    trigger,
                    "The token expired and " + (provider == null ? connection.provider() : provider.displayName())
                            + " gave Herald no way to refresh it.",
                    now));
        }
        UUID owner = UUID.randomUUID();
        refreshes.lease(workspace, id, owner, now.plus(settings.refreshLease()));
        return new Claim.Mine(
                owner, provider, vault.open(Slots.refresh(workspace, id), stored.refreshToken()), stillValid);
    }

    private static boolean idle(Connection connection, @Nullable Instant idleBefore) {
        if (idleBefore == null) {
            return false;
        }
        Instant last = connection.lastRefreshedAt() != null ? connection.lastRefreshedAt() : connection.connectedAt();
        return last.isBefore(idleBefore);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a token refresh", e);
        }
    }
}
