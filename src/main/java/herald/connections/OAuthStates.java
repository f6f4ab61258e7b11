package herald.connections;

import herald.providers.AccountType;
import herald.shared.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code oauth_states}: one row per started connect. Only the state's SHA-256 is stored; the state itself is in the
 * authorize URL and comes back on the callback.
 */
@Component
class OAuthStates {

    /** A started connect as stored, its PKCE verifier still sealed. */
    record Pending(
            WorkspaceId workspace,
            UUID id,
            String provider,
            AccountType accountType,
            ConnectFlow flow,
            Initiator initiator,
            @Nullable ConnectionId reconnect,
            byte[] sealedVerifier,
            String redirectUri,
            @Nullable String server,
            Instant expiresAt,
            @Nullable Instant consumedAt) {}

    /** Where a state is, found across workspaces by its hash. */
    record Located(WorkspaceId workspace, UUID id) {}

    private final JdbcClient jdbc;

    OAuthStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static byte[] hash(String state) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void insert(Pending pending, byte[] stateHash, Instant now) {
        jdbc.sql(
                        """
                        insert into oauth_states (workspace_id, id, state_hash, provider, account_type, flow,
                            initiator_type, initiator_id, initiator_label, reconnect_id, pkce_verifier, redirect_uri,
                            server, created_at, expires_at)
                        values (:workspace, :id, :hash, :provider, :type, :flow, :initiatorType, :initiatorId,
                            :initiatorLabel, :reconnect, :verifier, :redirect, :server, :now, :expires)""")
                .param("workspace", pending.workspace().value())
                .param("id", pending.id())
                .param("hash", stateHash)
                .param("provider", pending.provider())
                .param("type", pending.accountType().value())
                .param("flow", pending.flow().value())
                .param("initiatorType", pending.initiator().column())
                .param("initiatorId", pending.initiator().id())
                .param("initiatorLabel", pending.initiator().label())
                .param(
                        "reconnect",
                        pending.reconnect() == null ? null : pending.reconnect().value())
                .param("verifier", pending.sealedVerifier())
                .param("redirect", pending.redirectUri())
                .param("server", pending.server())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(pending.expiresAt()))
                .update();
    }

    /** Finds a state in any workspace (a SECURITY DEFINER read of ids only): the callback has no workspace yet. */
    Optional<Located> locate(String state) {
        return jdbc.sql("select workspace_id, state_id from herald_oauth_state_by_hash(:hash)")
                .param("hash", hash(state))
                .query((rs, n) -> new Located(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        rs.getObject("state_id", UUID.class)))
                .optional();
    }

    /** The state's row, locked: two callbacks with the same state are decided one after the other. */
    Optional<Pending> lock(Located located) {
        return jdbc.sql("select * from oauth_states where workspace_id = :workspace and id = :id for update")
                .param("workspace", located.workspace().value())
                .param("id", located.id())
                .query((rs, n) -> {
                    String reconnect = rs.getString("reconnect_id");
                    Timestamp consumed = rs.getTimestamp("consumed_at");
                    return new Pending(
                            located.workspace(),
                            located.id(),
                            rs.getString("provider"),
                            AccountType.of(rs.getString("account_type")),
                            ConnectFlow.valueOf(rs.getString("flow").toUpperCase(java.util.Locale.ROOT)),
                            new Initiator(
                                    Initiator.ofColumn(rs.getString("initiator_type")),
                                    rs.getString("initiator_id"),
                                    rs.getString("initiator_label")),
                            reconnect == null ? null : ConnectionId.of(reconnect),
                            rs.getBytes("pkce_verifier"),
                            rs.getString("redirect_uri"),
                            rs.getString("server"),
                            rs.getTimestamp("expires_at").toInstant(),
                            consumed == null ? null : consumed.toInstant());
                })
                .optional();
    }

    void consume(Located located, Instant now) {
        jdbc.sql("update oauth_states set consumed_at = :now where workspace_id = :workspace and id = :id")
                .param("workspace", located.workspace().value())
                .param("id", located.id())
                .param("now", Timestamp.from(now))
                .update();
    }

    int purge(Instant before) {
        return jdbc.sql("select herald_purge_oauth_states(:before)")
                .param("before", Timestamp.from(before))
                .query(Integer.class)
                .single();
    }
}
