package herald.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token families: every access and refresh token descends from one grant, and revoking any token revokes the family.
 * Refresh tokens rotate and are single-use; presenting a spent one revokes the whole family, since either the client
 * or a thief holds a copy that was meant to be gone (OAuth 2.0 Security BCP, refresh token rotation).
 */
@Component
class Tokens {

    /** The outcome of a refresh: new tokens, or a refusal with the accounts of the family (for the statistics). */
    sealed interface Refresh {
        List<UUID> accountIds();

        record Rotated(IssuedTokens tokens) implements Refresh {
            @Override
            public List<UUID> accountIds() {
                return tokens.accountIds();
            }
        }

        record Refused(String description, List<UUID> accountIds) implements Refresh {}
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SandboxSettings settings;
    private final Clock clock;

    Tokens(JdbcClient jdbc, TransactionTemplate transactions, SandboxSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new family with its first token pair. */
    IssuedTokens issue(String clientId, Grant.Kind kind, List<UUID> accountIds, String scope) {
        return transactions.execute(status -> {
            UUID family = UUID.randomUUID();
            jdbc.sql(
                            """
                            insert into sandbox_token_families (id, client_id, kind, account_ids, scope)
                            values (:id, :client, :kind, cast(:accounts as uuid[]), :scope)""")
                    .param("id", family)
                    .param("client", clientId)
                    .param("kind", kind.value())
                    .param("accounts", ids(accountIds))
                    .param("scope", scope)
                    .update();
            return pair(family, scope, accountIds);
        });
    }

    /**
     * Rotates a refresh token of {@code clientId}'s family. {@code refuse} (the refuseRefresh fault) refuses every
     * refresh without spending the token. The family's revocation on replay is committed, not rolled back with the
     * refusal.
     */
    Refresh refresh(String clientId, String refreshToken, boolean refuse) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            var found = jdbc.sql(
                            """
                            select t.family_id, t.expires_at, t.spent_at, f.client_id, f.revoked_at, f.account_ids,
                                   f.scope
                            from sandbox_tokens t join sandbox_token_families f on f.id = t.family_id
                            where t.token_hash = :hash and t.type = 'refresh'
                            for update of t""")
                    .param("hash", Secrets.sha256(refreshToken))
                    .query((rs, row) -> new Found(
                            rs.getObject("family_id", UUID.class),
                            rs.getTimestamp("expires_at").toInstant(),
                            rs.getTimestamp("spent_at") != null,
                            rs.getString("client_id"),
                            rs.getTimestamp("revoked_at") != null,
                            accounts(rs),
                            rs.getString("scope")))
                    .optional();
            if (found.isEmpty()) {
                return new Refresh.Refused("The refresh token is unknown.", List.of());
            }
            Found token = found.get();
            if (!token.clientId().equals(clientId)) {
                return new Refresh.Refused("The refresh token was issued to another client.", List.of());
            }
            if (token.revoked()) {
                return new Refresh.Refused("The refresh token has been revoked.", token.accounts());
            }
            if (token.spent()) {
                revokeFamily(token.family(), now);
                return new Refresh.Refused(
                        "The refresh token was already used; every token of its grant is now revoked.",
                        token.accounts());
            }
            if (!token.expiresAt().isAfter(now)) {
                return new Refresh.Refused("The refresh token has expired.", token.accounts());
            }
            if (refuse) {
                return new Refresh.Refused("The Sandbox refuses refreshes (fault refuseRefresh).", token.accounts());
            }
            jdbc.sql("update sandbox_tokens set spent_at = :now where token_hash = :hash")
                    .param("now", Timestamp.from(now))
                    .param("hash", Secrets.sha256(refreshToken))
                    .update();
            return new Refresh.Rotated(pair(token.family(), token.scope(), token.accounts()));
        });
    }

    /** Revokes the family of any token of {@code clientId}; unknown tokens and other clients' are ignored (RFC 7009). */
    void revoke(String clientId, String token) {
        jdbc.sql(
                        """
                        update sandbox_token_families set revoked_at = :now
                        where revoked_at is null and client_id = :client
                          and id = (select family_id from sandbox_tokens where token_hash = :hash)""")
                .param("now", Timestamp.from(clock.instant()))
                .param("client", clientId)
                .param("hash", Secrets.sha256(token))
                .update();
    }

    void revokeFamily(UUID family) {
        revokeFamily(family, clock.instant());
    }

    /** Revokes every family that grants the account: its user tokens and its account tokens. */
    int revokeAccount(UUID account) {
        return jdbc.sql(
                        """
                        update sandbox_token_families set revoked_at = :now
                        where revoked_at is null and :account = any (account_ids)""")
                .param("now", Timestamp.from(clock.instant()))
                .param("account", account)
                .update();
    }

    /** Makes every access token that grants the account expire now; refresh tokens still work. */
    int expireAccessTokens(UUID account) {
        Instant now = clock.instant();
        return jdbc.sql(
                        """
                        update sandbox_tokens set expires_at = :now
                        where type = 'access' and expires_at > :now
                          and family_id in (select id from sandbox_token_families where :account = any (account_ids))""")
                .param("now", Timestamp.from(now))
                .param("account", account)
                .update();
    }

    private void revokeFamily(UUID family, Instant now) {
        jdbc.sql("update sandbox_token_families set revoked_at = :now where id = :id and revoked_at is null")
                .param("now", Timestamp.from(now))
                .param("id", family)
                .update();
    }

    private IssuedTokens pair(UUID family, String scope, List<UUID> accountIds) {
        Instant now = clock.instant();
        String access = Secrets.token("sat_");
        String refresh = Secrets.token("srt_");
        insert(family, "access", access, now.plus(settings.accessTokenLifetime()));
        insert(family, "refresh", refresh, now.plus(settings.refreshTokenLifetime()));
        return new IssuedTokens(
                family, access, refresh, settings.accessTokenLifetime().toSeconds(), scope, accountIds);
    }

    private void insert(UUID family, String type, String token, Instant expiresAt) {
        jdbc.sql(
                        """
                        insert into sandbox_tokens (token_hash, family_id, type, expires_at)
                        values (:hash, :family, :type, :expiresAt)""")
                .param("hash", Secrets.sha256(token))
                .param("family", family)
                .param("type", type)
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    static String[] ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    static List<UUID> accounts(ResultSet rs) throws SQLException {
        Object[] values = (Object[]) rs.getArray("account_ids").getArray();
        return Arrays.stream(values)
                .map(value -> UUID.fromString(value.toString()))
                .toList();
    }

    private record Found(
            UUID family,
            Instant expiresAt,
            boolean spent,
            String clientId,
            boolean revoked,
            List<UUID> accounts,
            String scope) {}
}
