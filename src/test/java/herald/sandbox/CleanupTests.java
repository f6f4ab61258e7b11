package herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.Task;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The recurring cleanup deletes what can no longer be used, and keeps spent refresh tokens until they expire. */
class CleanupTests extends SandboxTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Cleanup cleanup;

    @Autowired
    List<Task<?>> tasks;

    @Test
    void isARecurringSchedulerTask() {
        assertThat(tasks).extracting(Task::getName).contains("sandbox-cleanup");
    }

    @Test
    void deletesExpiredCodesAndTokensAndEmptyFamiliesButKeepsLiveSpentRefreshTokens() {
        Instant past = Instant.now().minusSeconds(60);
        Instant future = Instant.now().plusSeconds(3600);
        byte[] code = Secrets.sha256(UUID.randomUUID().toString());
        jdbc.sql(
                        """
                        insert into sandbox_authorization_codes
                            (code_hash, client_id, redirect_uri, scope, code_challenge, account_ids, expires_at)
                        values (:hash, 'test', 'https://client.test/callback', 's', 'c', '{}', :expires)""")
                .param("hash", code)
                .param("expires", Timestamp.from(past))
                .update();
        UUID deadFamily = family();
        UUID liveFamily = family();
        byte[] expired = token(deadFamily, past, false);
        byte[] spentButLive = token(liveFamily, future, true);

        cleanup.run();

        assertThat(count("sandbox_authorization_codes", "code_hash", code)).isZero();
        assertThat(count("sandbox_tokens", "token_hash", expired)).isZero();
        assertThat(count("sandbox_tokens", "token_hash", spentButLive)).isOne();
        assertThat(jdbc.sql("select count(*) from sandbox_token_families where id = :id")
                        .param("id", deadFamily)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from sandbox_token_families where id = :id")
                        .param("id", liveFamily)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    private UUID family() {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into sandbox_token_families (id, client_id, kind, account_ids, scope, created_at)
                        values (:id, 'test', 'user', '{}', 's', now() - interval '1 hour')""")
                .param("id", id)
                .update();
        return id;
    }

    private byte[] token(UUID family, Instant expiresAt, boolean spent) {
        byte[] hash = Secrets.sha256(UUID.randomUUID().toString());
        jdbc.sql(
                        """
                        insert into sandbox_tokens (token_hash, family_id, type, expires_at, spent_at)
                        values (:hash, :family, 'refresh', :expires, :spent)""")
                .param("hash", hash)
                .param("family", family)
                .param("expires", Timestamp.from(expiresAt))
                .param("spent", spent ? Timestamp.from(Instant.now()) : null)
                .update();
        return hash;
    }

    private long count(String table, String column, byte[] hash) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :hash")
                .param("hash", hash)
                .query(Long.class)
                .single();
    }
}
