package herald.vault;

import static herald.database.SqlTimes.instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rotation of the data keyset, an operator action: a new AES-256-GCM primary key, recorded for every node, and a
 * background job ({@code vault-reencrypt}) that moves every stored value to it and then disables the keys nothing
 * uses. Old values keep opening throughout.
 */
@Component
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    static final String TASK = "vault-reencrypt";

    private final DataKeys keys;
    private final EncryptedRows rows;
    private final JdbcClient jdbc;
    private final ObjectProvider<SchedulerClient> scheduler;

    KeyRotation(DataKeys keys, EncryptedRows rows, JdbcClient jdbc, ObjectProvider<SchedulerClient> scheduler) {
        this.keys = keys;
        this.rows = rows;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
    }

    /** Adds a new primary key and schedules the re-encryption; answers the new rotation. */
    public VaultStatus.Rotation rotate() {
        keys.current(); // the first start creates the keyset
        var created = new Object() {
            long key;
        };
        keys.change(latest -> {
            var next = DataKeys.withNewPrimary(latest.handle());
            created.key = Integer.toUnsignedLong(next.getPrimary().getId());
            jdbc.sql("update vault_keys set state = 'enabled' where state = 'primary'")
                    .update();
            jdbc.sql("insert into vault_keys (key_id, state) values (:id, 'primary')")
                    .param("id", created.key)
                    .update();
            jdbc.sql("insert into vault_rotations (key_id) values (:id)")
                    .param("id", created.key)
                    .update();
            return next;
        });
        log.info("Vault key rotation: key {} is the new primary; re-encryption scheduled", created.key);
        schedule(created.key);
        return status().rotation();
    }

    /** Every key with its state and use, and the latest rotation's progress. */
    public VaultStatus status() {
        keys.current();
        Map<Long, Long> usage = rows.usage();
        List<VaultStatus.Key> list = new ArrayList<>();
        jdbc.sql("select key_id, state, created_at from vault_keys order by created_at desc, key_id")
                .query(rs -> {
                    long id = rs.getLong("key_id");
                    list.add(new VaultStatus.Key(
                            id,
                            rs.getString("state"),
                            rs.getTimestamp("created_at").toInstant(),
                            usage.getOrDefault(id, 0L)));
                });
        long remaining = list.stream()
                .filter(key -> !key.state().equals("primary"))
                .mapToLong(VaultStatus.Key::rows)
                .sum();
        VaultStatus.Rotation rotation = jdbc.sql(
                        """
                        select key_id, started_at, finished_at, reencrypted, failed from vault_rotations
                        order by started_at desc, key_id limit 1""")
                .query((rs, n) -> new VaultStatus.Rotation(
                        rs.getLong("key_id"),
                        rs.getTimestamp("started_at").toInstant(),
                        instant(rs.getTimestamp("finished_at")),
                        rs.getLong("reencrypted"),
                        rs.getLong("failed"),
                        remaining))
                .optional()
                .orElse(null);
        return new VaultStatus(List.copyOf(list), rotation);
    }

    /**
     * Creates the data keyset on the first start, registers this node's encrypted columns, and resumes a rotation whose
     * job did not finish.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinishedRotations() {
        keys.current();
        rows.register();
        jdbc.sql("select key_id from vault_rotations where finished_at is null")
                .query(Long.class)
                .list()
                .forEach(this::schedule);
    }

    private void schedule(long key) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            log.warn("Vault rotation to key {}: no job scheduler runs here (db-scheduler.enabled=false)", key);
            return;
        }
        client.scheduleIfNotExists(new TaskInstance<Void>(TASK, "key-" + key), Instant.now());
    }
}
