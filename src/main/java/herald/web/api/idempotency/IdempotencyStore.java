package herald.web.api.idempotency;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import herald.web.api.ApiSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotency keys of one owner: a workspace (its rows under row-level security) or the operator. A key is
 * claimed by inserting it as {@code running}; the claim either completes with the response or is released, so a
 * retry can run the request again.
 */
@Component
class IdempotencyStore {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    private static final Duration MAX_PAUSE = Duration.ofMillis(200);

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final JsonMapper json;

    IdempotencyStore(JdbcClient jdbc, TenantScope tenants, JsonMapper json) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.json = json;
    }

    /** Whose keys: a workspace's, or the operator's when {@code workspace} is null. */
    record Owner(@Nullable WorkspaceId workspace) {

        static Owner operator() {
            return new Owner(null);
        }

        String table() {
            return workspace == null ? "operator_idempotency_keys" : "idempotency_keys";
        }

        String match() {
            return workspace == null ? "key = :key" : "workspace_id = :workspace and key = :key";
        }
    }

    /** A key as stored: the request it was first used for and, once done, the response. */
    record Entry(byte[] fingerprint, boolean completed, @Nullable StoredResponse response) {}

    /**
     * Claims {@code key} for a request with {@code fingerprint}: empty when this request now holds it, otherwise the
     * entry that holds it. An entry older than {@code retention}, or a claim abandoned past its lock, is taken over.
     */
    Optional<Entry> claim(Owner owner, String key, byte[] fingerprint, Duration retention, Duration abandonAfter) {
        return inScope(owner, () -> {
            String columns = owner.workspace() == null ? "" : "workspace_id, ";
            String values = owner.workspace() == null ? "" : ":workspace, ";
            String conflict = owner.workspace() == null ? "key" : "workspace_id, key";
            String table = owner.table();
            var claimed = bind(
                            owner,
                            jdbc.sql("insert into " + table + " (" + columns
                                    + "key, fingerprint, state, locked_until) values (" + values
                                    + ":key, :fingerprint, 'running', now() + :abandon * interval '1 second')"
                                    + " on conflict (" + conflict
                                    + ") do update set fingerprint = excluded.fingerprint,"
                                    + " state = 'running', locked_until = excluded.locked_until, status = null,"
                                    + " headers = null, body = null, created_at = now(), completed_at = null"
                                    + " where " + table + ".created_at < now() - :retention * interval '1 second'"
                                    + " or (" + table + ".state = 'running' and " + table + ".locked_until < now())"
                                    + " returning key"))
                    .param("key", key)
                    .param("fingerprint", fingerprint)
                    .param("abandon", abandonAfter.toSeconds())
                    .param("retention", retention.toSeconds())
                    .query(String.class)
                    .optional();
            if (claimed.isPresent()) {
                return Optional.<Entry>empty();
            }
            return Optional.of(find(owner, key).orElse(new Entry(fingerprint, false, null)));
        });
    }

    /**
     * Claims {@code key} as {@link #claim} does, and while another request with the same fingerprint holds it unfinished,
     * tries again (pauses of 25 ms doubling up to 200 ms) until {@code settings.awaitConcurrent()} has passed: empty when
     * this request now holds the key; otherwise the entry that holds it, which is another request's (its fingerprint
     * differs), a completed one to replay, or one still running at the deadline.
     */
    Optional<Entry> claimOrAwait(Owner owner, String key, byte[] fingerprint, ApiSettings.Idempotency settings)
            throws InterruptedException {
        long deadline = System.nanoTime() + settings.awaitConcurrent().toNanos();
        Duration pause = Duration.ofMillis(25);
        while (true) {
            Optional<Entry> holder = claim(owner, key, fingerprint, settings.retention(), settings.abandonAfter());
            if (holder.isEmpty()
                    || !Arrays.equals(holder.get().fingerprint(), fingerprint)
                    || holder.get().completed()
                    || System.nanoTime() > deadline) {
                return holder;
            }
            Thread.sleep(pause);
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    void complete(Owner owner, String key, StoredResponse response) {
        inScope(owner, () -> bind(
                        owner,
                        jdbc.sql("update " + owner.table()
                                + " set state = 'completed', status = :status, headers = cast(:headers as jsonb),"
                                + " body = :body, completed_at = now() where " + owner.match()))
                .param("key", key)
                .param("status", response.status())
                .param("headers", json.writeValueAsString(response.headers()))
                .param("body", response.body())
                .update());
    }

    /** Gives the key up, so that a retry runs the request again. */
    void release(Owner owner, String key) {
        inScope(owner, () -> bind(
                        owner,
                        jdbc.sql("delete from " + owner.table() + " where " + owner.match() + " and state = 'running'"))
                .param("key", key)
                .update());
    }

    /** Deletes every key, of every workspace, first used before {@code before}. */
    int purge(Instant before) {
        Integer tenantRows = jdbc.sql("select herald_purge_idempotency_keys(:before)")
                .param("before", Timestamp.from(before))
                .query(Integer.class)
                .single();
        int operatorRows = jdbc.sql("delete from operator_idempotency_keys where created_at < :before")
                .param("before", Timestamp.from(before))
                .update();
        return tenantRows + operatorRows;
    }

    private Optional<Entry> find(Owner owner, String key) {
        return bind(owner, jdbc.sql("select * from " + owner.table() + " where " + owner.match()))
                .param("key", key)
                .query(this::entry)
                .optional();
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        boolean completed = "completed".equals(rs.getString("state"));
        StoredResponse response = completed
                ? new StoredResponse(
                        rs.getInt("status"), json.readValue(rs.getString("headers"), HEADERS), rs.getBytes("body"))
                : null;
        return new Entry(rs.getBytes("fingerprint"), completed, response);
    }

    private static JdbcClient.StatementSpec bind(Owner owner, JdbcClient.StatementSpec statement) {
        return owner.workspace() == null
                ? statement
                : statement.param("workspace", owner.workspace().value());
    }

    private <T> T inScope(Owner owner, Supplier<T> work) {
        return owner.workspace() == null ? work.get() : tenants.call(owner.workspace(), work);
    }
}
