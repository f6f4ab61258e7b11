package herald.connections;

import herald.connections.RefreshAttempt.Trigger;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refreshes tokens ahead of expiry, so a use rarely waits for a refresh. Finds due connections across workspaces
 * through a SECURITY DEFINER function that returns ids only; each refresh then runs in its workspace's scope through
 * the same single-flight path as a use. Connections of platforms whose refresh tokens lapse when unused
 * ({@link SocialProvider#refreshWhenIdleFor()}) are also refreshed when they have gone that long without one.
 */
@Component
class RefreshSweep {

    private static final Logger log = LoggerFactory.getLogger(RefreshSweep.class);
    static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TokenRefresher refresher;
    private final ConnectionsSettings settings;
    private final Clock clock;
    private final Providers providers;

    RefreshSweep(
            JdbcClient jdbc, TokenRefresher refresher, ConnectionsSettings settings, Clock clock, Providers providers) {
        this.providers = providers;
        this.jdbc = jdbc;
        this.refresher = refresher;
        this.settings = settings;
        this.clock = clock;
    }

    record Due(WorkspaceId workspace, ConnectionId connection) {}

    List<Due> due(Instant now) {
        return jdbc.sql("select workspace_id, connection_id from herald_connections_due_for_refresh(:before, :now,"
                        + " :limit)")
                .param("before", Timestamp.from(now.plus(settings.sweepHorizon())))
                .param("now", Timestamp.from(now))
                .param("limit", BATCH)
                .query((rs, n) -> new Due(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        new ConnectionId(rs.getObject("connection_id", UUID.class))))
                .list();
    }

    /** Connections of {@code provider} not refreshed since {@code idleBefore}, oldest first. */
    List<Due> idle(SocialProvider provider, Instant idleBefore, Instant now) {
        return jdbc.sql("select workspace_id, connection_id from herald_connections_idle(:provider, :idleBefore, :now,"
                        + " :limit)")
                .param("provider", provider.id())
                .param("idleBefore", Timestamp.from(idleBefore))
                .param("now", Timestamp.from(now))
                .param("limit", BATCH)
                .query((rs, n) -> new Due(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        new ConnectionId(rs.getObject("connection_id", UUID.class))))
                .list();
    }

    /** Refreshes every due and every idle connection once; returns how many now hold fresh tokens. */
    int sweep() {
        Instant now = clock.instant();
        Instant staleBefore = now.plus(settings.sweepHorizon());
        int refreshed = 0;
        for (Due due : due(now)) {
            refreshed += refresh(due, staleBefore, null);
        }
        for (SocialProvider provider : providers.all()) {
            Duration idleFor = provider.refreshWhenIdleFor();
            if (idleFor != null && provider.refreshable()) {
                Instant idleBefore = now.minus(idleFor);
                for (Due due : idle(provider, idleBefore, now)) {
                    refreshed += refresh(due, staleBefore, idleBefore);
                }
            }
        }
        return refreshed;
    }

    private int refresh(Due due, Instant staleBefore, @Nullable Instant idleBefore) {
        try {
            refresher.refresh(due.workspace(), due.connection(), Trigger.SWEEP, staleBefore, idleBefore, 1);
            return 1;
        } catch (RuntimeException e) {
            log.info("Sweep could not refresh connection {}: {}", due.connection(), e.getMessage());
            return 0;
        }
    }
}
