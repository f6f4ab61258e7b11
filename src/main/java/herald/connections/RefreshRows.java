package herald.connections;

import herald.database.SqlTimes;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a token refresh writes to a connection ({@link TokenRefresher}, {@link RefreshOutcomes}): the lease that makes
 * one node refresh it at a time, the new tokens, a failure to retry later, and the verdict that a person must consent
 * again. Like {@link ConnectionRows}, every method runs in the caller's tenant transaction.
 */
@Component
class RefreshRows {

    private final JdbcClient jdbc;

    RefreshRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A refresh's new tokens; a grant without a refresh token keeps the stored one. A connection disconnected while
     * the refresh was in flight stays disconnected, without tokens.
     */
    void refreshed(
            WorkspaceId workspace,
            ConnectionId id,
            byte[] accessToken,
            byte @Nullable [] refreshToken,
            @Nullable Instant expiresAt,
            Instant now) {
        jdbc.sql(
                        """
                        update connections set access_token = :access, refresh_token = coalesce(:refresh, refresh_token),
                            expires_at = :expires, last_refreshed_at = :now, last_error = null, refresh_failures = 0,
                            retry_after = null, refresh_lease_owner = null, refresh_lease_until = null, updated_at = :now
                        where workspace_id = :workspace and id = :id and status <> 'disconnected'""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("access", accessToken)
                .param("refresh", refreshToken)
                .param("expires", SqlTimes.timestamp(expiresAt))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** A failed refresh that may succeed later: the sweep waits until {@code retryAfter}. */
    void refreshFailed(WorkspaceId workspace, ConnectionId id, String error, Instant retryAfter, Instant now) {
        jdbc.sql(
                        """
                        update connections set last_error = :error, refresh_failures = refresh_failures + 1,
                            retry_after = :retry, refresh_lease_owner = null, refresh_lease_until = null,
                            updated_at = :now
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("error", error)
                .param("retry", Timestamp.from(retryAfter))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Claims the refresh of the connection for {@code owner} until {@code until}. */
    void lease(WorkspaceId workspace, ConnectionId id, UUID owner, Instant until) {
        jdbc.sql(
                        """
                        update connections set refresh_lease_owner = :owner, refresh_lease_until = :until
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("owner", owner)
                .param("until", Timestamp.from(until))
                .update();
    }

    /** Gives up a claim that is still {@code owner}'s: the refresh failed without a verdict on the grant. */
    void release(WorkspaceId workspace, ConnectionId id, UUID owner) {
        jdbc.sql(
                        """
                        update connections set refresh_lease_owner = null, refresh_lease_until = null
                        where workspace_id = :workspace and id = :id and refresh_lease_owner = :owner""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("owner", owner)
                .update();
    }

    int failures(WorkspaceId workspace, ConnectionId id) {
        return jdbc.sql("select refresh_failures from connections where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /**
     * The platform refused the grant: the tokens are worthless, a person must consent again. A connection a person
     * disconnected meanwhile (which revokes its grant: the likely reason for the refusal) stays disconnected.
     */
    void needsReconnect(WorkspaceId workspace, ConnectionId id, String reason, Instant now) {
        jdbc.sql(
                        """
                        update connections set status = 'needs_reconnect', status_reason = :reason, last_error = :reason,
                            access_token = null, refresh_token = null, retry_after = null, refresh_lease_owner = null,
                            refresh_lease_until = null, updated_at = :now
                        where workspace_id = :workspace and id = :id and status <> 'disconnected'""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update();
    }
}
