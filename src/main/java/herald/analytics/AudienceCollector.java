package herald.analytics;

import herald.connections.AccessTokens;
import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.ConnectionNotActive;
import herald.connections.Connections;
import herald.database.TenantScope;
import herald.providers.AccountMetrics;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes each active connection's audience snapshot once a UTC day: its followers (and following and posts where the
 * platform says), read with the connection's token as publishing reads it ({@link AccessTokens}, refreshed first when
 * it expires soon; a refused refresh makes the connection need a reconnect, as anywhere else). The platform call is
 * made outside any transaction and the outcome stored in the workspace's scope. Connections that are disconnected or
 * need a reconnect are left alone; so are platforms that count no followers ({@link SocialProvider#countsFollowers}).
 * A failed reading is stored with its reason and tried again at a later run of the same day.
 */
@Component
class AudienceCollector {

    private static final Logger log = LoggerFactory.getLogger(AudienceCollector.class);

    private final AudienceRows rows;
    private final TenantScope tenants;
    private final Connections connections;
    private final AccessTokens tokens;
    private final Providers providers;
    private final AnalyticsSettings settings;

    AudienceCollector(
            AudienceRows rows,
            TenantScope tenants,
            Connections connections,
            AccessTokens tokens,
            Providers providers,
            AnalyticsSettings settings) {
        this.rows = rows;
        this.tenants = tenants;
        this.connections = connections;
        this.tokens = tokens;
        this.providers = providers;
        this.settings = settings;
    }

    /** What one sweep did: snapshots taken, readings that failed. */
    record Sweep(int read, int failed) {

        Sweep plus(Sweep other) {
            return new Sweep(read + other.read, failed + other.failed);
        }
    }

    /** Takes the snapshots of {@code now}'s UTC day still to take, at most the configured batch. */
    Sweep sweep(Instant now) {
        return sweep(now, null);
    }

    /**
     * As {@link #sweep(Instant)}, of {@code only}'s connections when it is given: tests that share a database with
     * others take their own workspace's, and open no other workspace's tokens.
     */
    Sweep sweep(Instant now, @Nullable WorkspaceId only) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> counting = providers.all().stream()
                .filter(SocialProvider::countsFollowers)
                .map(SocialProvider::id)
                .toList();
        Map<WorkspaceId, List<ConnectionId>> due = rows.due(day, now, counting, settings.audienceBatch(), only).stream()
                .collect(Collectors.groupingBy(
                        AudienceRows.Due::workspace,
                        LinkedHashMap::new,
                        Collectors.mapping(AudienceRows.Due::connection, Collectors.toList())));
        Sweep sweep = new Sweep(0, 0);
        for (var workspace : due.entrySet()) {
            try {
                sweep = sweep.plus(readWorkspace(workspace.getKey(), workspace.getValue(), day, now));
            } catch (RuntimeException e) {
                // The database was away, or a bug: the day's snapshots stay due, and the next run tries again.
                log.warn("Could not read the audience of workspace {}: {}", workspace.getKey(), e.toString());
            }
        }
        return sweep;
    }

    /** Reads and stores each due connection's snapshot of the day. */
    private Sweep readWorkspace(WorkspaceId workspace, List<ConnectionId> due, LocalDate day, Instant now) {
        Map<ConnectionId, Connection> known =
                connections.list(workspace).stream().collect(Collectors.toMap(Connection::id, Function.identity()));
        int read = 0;
        int failed = 0;
        for (ConnectionId id : due) {
            Connection connection = known.get(id);
            SocialProvider provider = connection == null
                    ? null
                    : providers.find(connection.provider()).orElse(null);
            if (connection == null || !connection.active() || provider == null) {
                continue; // removed, disconnected or in need of a reconnect since the due list was read
            }
            try {
                Optional<AccountMetrics> counts = tokens.withAccessToken(
                        workspace, id, token -> provider.accountMetrics(token, connection.externalId()));
                if (counts.isPresent()) {
                    if (tenants.call(workspace, () -> rows.read(workspace, id, day, counts.get()))) {
                        read++; // else another node took the day's snapshot meanwhile: the first one stands
                    }
                } else {
                    failed(
                            workspace,
                            id,
                            day,
                            provider.displayName() + " gave no follower count for this account.",
                            nextDay(day));
                    failed++;
                }
            } catch (ConnectionNotActive | NotFound e) {
                // Its refresh was refused just now, or it went: no snapshot until it is reconnected.
            } catch (ProviderException e) {
                failed(workspace, id, day, e.getMessage(), retry(e, day, now));
                failed++;
            }
        }
        return new Sweep(read, failed);
    }

    private void failed(WorkspaceId workspace, ConnectionId id, LocalDate day, String why, Instant retryAt) {
        tenants.run(workspace, () -> rows.failed(workspace, id, day, why, retryAt));
    }

    /**
     * When to read again: after the platform's wait, or the configured one, for a rate limit or a passing failure;
     * the next day for a refusal that asking again the same day changes nothing (permission, revoked token).
     */
    private Instant retry(ProviderException e, LocalDate day, Instant now) {
        Duration wait = e.readAgainAfter(settings.retryAfter());
        return wait == null ? nextDay(day) : now.plus(wait);
    }

    private static Instant nextDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
