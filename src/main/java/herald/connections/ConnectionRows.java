package herald.connections;

import static herald.database.SqlTimes.instant;
import static herald.database.SqlTimes.timestamp;

import herald.providers.AccountType;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code connections} table. Every method runs in the caller's tenant transaction; row-level security keeps it to
 * the bound workspace, and the explicit {@code workspace_id} conditions say so to the reader. What a token refresh
 * writes is in {@link RefreshRows}.
 */
@Component
class ConnectionRows {

    /** A row with its token ciphertexts, which never leave this module. */
    record Stored(
            Connection connection,
            byte @Nullable [] accessToken,
            byte @Nullable [] refreshToken,
            @Nullable UUID leaseOwner,
            @Nullable Instant leaseUntil) {

        ConnectionId id() {
            return connection.id();
        }

        /** Whether someone else holds a live claim to refresh this connection. */
        boolean leasedAt(Instant now) {
            return leaseOwner != null && leaseUntil != null && leaseUntil.isAfter(now);
        }
    }

    private static final String COLUMNS = "workspace_id, id, provider, external_id, account_type, label, username,"
            + " display_name, avatar_url, status, status_reason, access_token, refresh_token, expires_at,"
            + " last_refreshed_at, last_error, connected_at, updated_at, refresh_lease_owner, refresh_lease_until, paused_at";

    private final JdbcClient jdbc;

    ConnectionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Connection> list(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from connections where workspace_id = :workspace"
                        + " order by connected_at, id")
                .param("workspace", workspace.value())
                .query((rs, n) -> connection(rs))
                .list();
    }

    Optional<Stored> find(WorkspaceId workspace, ConnectionId id) {
        return jdbc.sql("select " + COLUMNS + " from connections where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query((rs, n) -> stored(rs))
                .optional();
    }

    /**
     * The row, locked until the transaction ends: whoever holds it is the one refreshing or changing the tokens, so a
     * refresh is single-flight across every thread and node.
     */
    Optional<Stored> lock(WorkspaceId workspace, ConnectionId id) {
        return jdbc.sql("select " + COLUMNS + " from connections where workspace_id = :workspace and id = :id"
                        + " for update")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query((rs, n) -> stored(rs))
                .optional();
    }

    Optional<Stored> lockByAccount(WorkspaceId workspace, String provider, String externalId) {
        return jdbc.sql("select " + COLUMNS + " from connections where workspace_id = :workspace"
                        + " and provider = :provider and external_id = :external for update")
                .param("workspace", workspace.value())
                .param("provider", provider)
                .param("external", externalId)
                .query((rs, n) -> stored(rs))
                .optional();
    }

    /** Connections that count against the plan: all but the disconnected ones. */
    int countInUse(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from connections where workspace_id = :workspace"
                        + " and status <> 'disconnected'")
                .param("workspace", workspace.value())
                .query(Integer.class)
                .single();
    }

    record NewRow(
            ConnectionId id,
            String provider,
            String externalId,
            AccountType accountType,
            String label,
            String username,
            String displayName,
            @Nullable String avatarUrl,
            byte[] accessToken,
            byte @Nullable [] refreshToken,
            @Nullable Instant expiresAt) {}

    void insert(WorkspaceId workspace, NewRow row, Instant now) {
        jdbc.sql(
                        """
                        insert into connections (workspace_id, id, provider, external_id, account_type, label, username,
                            display_name, avatar_url, status, access_token, refresh_token, expires_at,
                            last_refreshed_at, connected_at, updated_at)
                        values (:workspace, :id, :provider, :external, :type, :label, :username, :displayName,
                            :avatar, 'active', :access, :refresh, :expires, :now, :now, :now)""")
                .param("workspace", workspace.value())
                .param("id", row.id().value())
                .param("provider", row.provider())
                .param("external", row.externalId())
                .param("type", row.accountType().value())
                .param("label", row.label())
                .param("username", row.username())
                .param("displayName", row.displayName())
                .param("avatar", row.avatarUrl())
                .param("access", row.accessToken())
                .param("refresh", row.refreshToken())
                .param("expires", timestamp(row.expiresAt()))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Records the consent the connection's tokens came from (one per completed connect, shared by its accounts). */
    void grantedBy(WorkspaceId workspace, ConnectionId id, UUID grant) {
        jdbc.sql("update connections set grant_id = :grant where workspace_id = :workspace and id = :id")
                .param("grant", grant)
                .param("workspace", workspace.value())
                .param("id", id.value())
                .update();
    }

    /** The handles of the other connections still holding tokens of the same consent as {@code id}. */
    List<String> sharingGrant(WorkspaceId workspace, ConnectionId id) {
        return jdbc.sql(
                        """
                        select other.username from connections other
                        join connections this on this.workspace_id = other.workspace_id
                            and this.grant_id = other.grant_id
                        where this.workspace_id = :workspace and this.id = :id and other.id <> this.id
                            and other.status <> 'disconnected'
                        order by other.username""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query(String.class)
                .list();
    }

    /**
     * Stores a reconnect's profile and tokens on the existing row and makes it active again. A grant without a
     * refresh token keeps the stored one: platforms that issue it once (at the first consent) would otherwise lose it.
     */
    void reconnect(WorkspaceId workspace, NewRow row, Instant now) {
        jdbc.sql(
                        """
                        update connections set account_type = :type, username = :username,
                            display_name = :displayName, avatar_url = :avatar, status = 'active', status_reason = null,
                            access_token = :access, refresh_token = coalesce(:refresh, refresh_token),
                            expires_at = :expires, last_refreshed_at = :now, last_error = null, refresh_failures = 0,
                            retry_after = null, refresh_lease_owner = null, refresh_lease_until = null,
                            connected_at = case when status = 'disconnected' then :now
                                else connected_at end, updated_at = :now
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", row.id().value())
                .param("type", row.accountType().value())
                .param("username", row.username())
                .param("displayName", row.displayName())
                .param("avatar", row.avatarUrl())
                .param("access", row.accessToken())
                .param("refresh", row.refreshToken())
                .param("expires", timestamp(row.expiresAt()))
                .param("now", Timestamp.from(now))
                .update();
    }

    void disconnected(WorkspaceId workspace, ConnectionId id, String reason, Instant now) {
        jdbc.sql(
                        """
                        update connections set status = 'disconnected', status_reason = :reason, access_token = null,
                            refresh_token = null, expires_at = null, retry_after = null, refresh_lease_owner = null,
                            refresh_lease_until = null, updated_at = :now
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update();
    }

    void rename(WorkspaceId workspace, ConnectionId id, String label, Instant now) {
        jdbc.sql(
                        "update connections set label = :label, updated_at = :now where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("label", label)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(
                connection(rs),
                rs.getBytes("access_token"),
                rs.getBytes("refresh_token"),
                rs.getObject("refresh_lease_owner", UUID.class),
                instant(rs, "refresh_lease_until"));
    }

    private static Connection connection(ResultSet rs) throws SQLException {
        return new Connection(
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new ConnectionId(rs.getObject("id", UUID.class)),
                rs.getString("provider"),
                rs.getString("external_id"),
                AccountType.of(rs.getString("account_type")),
                rs.getString("label"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("avatar_url"),
                ConnectionStatus.ofColumn(rs.getString("status")),
                rs.getString("status_reason"),
                instant(rs, "expires_at"),
                instant(rs, "last_refreshed_at"),
                rs.getString("last_error"),
                rs.getTimestamp("connected_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                instant(rs, "paused_at"));
    }
}
