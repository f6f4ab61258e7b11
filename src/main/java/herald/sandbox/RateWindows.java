package herald.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A fixed window of requests per key (an account, or a user token's family), counted in one atomic upsert so that all
 * nodes share it, like the per-user windows of X's API ({@code x-rate-limit-*}).
 */
@Component
class RateWindows {

    /** One request counted: the limit, what is left of it, when the window resets, and whether this one is over. */
    record Usage(int limit, int remaining, Instant reset, boolean exceeded) {}

    private final JdbcClient jdbc;
    private final SandboxSettings settings;
    private final Clock clock;

    RateWindows(JdbcClient jdbc, SandboxSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** A request's grant, and the request counted against its window. */
    record Admitted(Grant grant, Usage usage) {}

    /**
     * Authenticates a bearer token and counts the request against its window, in one statement and one commit: the
     * grant of a valid access token (known, unexpired, its family unrevoked) and one more request in the window of its
     * account (an account token) or of its token family (a user token). Empty, with nothing counted, for any other
     * token.
     */
    Optional<Admitted> admit(String accessToken) {
        Instant now = clock.instant();
        int limit = settings.rateLimit().requests();
        long window = settings.rateLimit().window().toMillis();
        return jdbc.sql(
                        """
                        with grant_ as (
                            select f.id, f.kind, f.account_ids, f.client_id, f.scope,
                                case when f.kind = 'account' then 'account:' || f.account_ids[1]
                                     else 'family:' || f.id end as key
                            from sandbox_tokens t join sandbox_token_families f on f.id = t.family_id
                            where t.token_hash = :hash and t.type = 'access' and t.expires_at > :now
                              and f.revoked_at is null
                        ), counted as (
                            insert into sandbox_rate_windows as w (key, window_start, used)
                            select key, :now, 1 from grant_
                            on conflict (key) do update set
                                window_start = case when w.window_start + :window * interval '1 millisecond' <= :now
                                                    then :now else w.window_start end,
                                used = case when w.window_start + :window * interval '1 millisecond' <= :now
                                            then 1 else w.used + 1 end
                            returning window_start, used
                        )
                        select g.id, g.kind, g.account_ids, g.client_id, g.scope, c.window_start, c.used
                        from grant_ g cross join counted c""")
                .param("hash", Secrets.sha256(accessToken))
                .param("now", Timestamp.from(now))
                .param("window", window)
                .query((rs, n) -> {
                    var grant = new Grant(
                            rs.getObject("id", UUID.class),
                            Grant.Kind.of(rs.getString("kind")),
                            Tokens.accounts(rs),
                            rs.getString("client_id"),
                            rs.getString("scope"));
                    int used = rs.getInt("used");
                    Instant reset = rs.getTimestamp("window_start").toInstant().plusMillis(window);
                    return new Admitted(grant, new Usage(limit, Math.max(0, limit - used), reset, used > limit));
                })
                .optional();
    }
}
