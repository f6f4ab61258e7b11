package herald.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authorization codes: single-use, alive 60 s, bound to the client, the redirect URI and the PKCE S256 challenge.
 * A code presented twice is refused and the tokens it was exchanged for are revoked (RFC 6749 4.1.2).
 */
@Component
class AuthorizationCodes {

    static final Duration LIFETIME = Duration.ofSeconds(60);

    /** The outcome of an exchange: the grant's accounts and scope, or a refusal. */
    sealed interface Exchange {
        record Granted(List<UUID> accountIds, String scope, byte[] codeHash) implements Exchange {}

        record Refused(String description) implements Exchange {}
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AuthorizationCodes(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    String issue(String clientId, String redirectUri, String scope, String codeChallenge, List<UUID> accountIds) {
        String code = Secrets.token("sac_");
        jdbc.sql(
                        """
                        insert into sandbox_authorization_codes
                            (code_hash, client_id, redirect_uri, scope, code_challenge, account_ids, expires_at)
                        values (:hash, :client, :redirect, :scope, :challenge, cast(:accounts as uuid[]), :expiresAt)""")
                .param("hash", Secrets.sha256(code))
                .param("client", clientId)
                .param("redirect", redirectUri)
                .param("scope", scope)
                .param("challenge", codeChallenge)
                .param("accounts", Tokens.ids(accountIds))
                .param("expiresAt", Timestamp.from(clock.instant().plus(LIFETIME)))
                .update();
        return code;
    }

    /**
     * Spends the code. Whatever the outcome, a known code is used up: a wrong verifier does not leave it for another
     * try. A replay revokes the family the code was first exchanged for.
     */
    Exchange redeem(String clientId, String code, String redirectUri, String verifier, Tokens tokens) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            byte[] hash = Secrets.sha256(code);
            var found = jdbc.sql(
                            """
                            select client_id, redirect_uri, scope, code_challenge, account_ids, expires_at, used_at,
                                   family_id
                            from sandbox_authorization_codes where code_hash = :hash for update""")
                    .param("hash", hash)
                    .query((rs, row) -> new Stored(
                            rs.getString("client_id"),
                            rs.getString("redirect_uri"),
                            rs.getString("scope"),
                            rs.getString("code_challenge"),
                            Tokens.accounts(rs),
                            rs.getTimestamp("expires_at").toInstant(),
                            rs.getTimestamp("used_at") != null,
                            rs.getObject("family_id", UUID.class)))
                    .optional();
            if (found.isEmpty()) {
                return new Exchange.Refused("The authorization code is unknown.");
            }
            Stored stored = found.get();
            if (stored.used()) {
                if (stored.family() != null) {
                    tokens.revokeFamily(stored.family());
                }
                return new Exchange.Refused(
                        "The authorization code was already used; the tokens issued for it are revoked.");
            }
            jdbc.sql("update sandbox_authorization_codes set used_at = :now where code_hash = :hash")
                    .param("now", Timestamp.from(now))
                    .param("hash", hash)
                    .update();
            if (!stored.expiresAt().isAfter(now)) {
                return new Exchange.Refused("The authorization code has expired.");
            }
            if (!stored.clientId().equals(clientId)) {
                return new Exchange.Refused("The authorization code was issued to another client.");
            }
            if (!stored.redirectUri().equals(redirectUri)) {
                return new Exchange.Refused("redirect_uri differs from the one of the authorization request.");
            }
            if (!Secrets.equalInConstantTime(Secrets.s256(verifier), stored.challenge())) {
                return new Exchange.Refused("code_verifier does not match the code_challenge (S256).");
            }
            return new Exchange.Granted(stored.accounts(), stored.scope(), hash);
        });
    }

    /** Remembers which family the code became, so that a replay can revoke it. */
    void exchangedFor(byte[] codeHash, UUID family) {
        jdbc.sql("update sandbox_authorization_codes set family_id = :family where code_hash = :hash")
                .param("family", family)
                .param("hash", codeHash)
                .update();
    }

    private record Stored(
            String clientId,
            String redirectUri,
            String scope,
            String challenge,
            List<UUID> accounts,
            Instant expiresAt,
            boolean used,
            @org.jspecify.annotations.Nullable UUID family) {}
}
