package herald.vault;

import com.google.crypto.tink.KeyStatus;
import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves every stored value sealed under an old key to the primary key, then disables the old keys nothing uses. It is
 * idempotent and resumable: each pass finds the rows still under an old key, so a crashed or repeated run simply
 * continues. Each batch is opened and re-sealed inside its workspace's scope and written with a compare-and-set on
 * the old ciphertext, so a value a writer stored meanwhile is never overwritten.
 */
@Component
class Reencryption {

    private static final Logger log = LoggerFactory.getLogger(Reencryption.class);
    static final String REENCRYPTED = "secret.reencrypted";
    private static final int PASSES = 3;

    private final EncryptedRows rows;
    private final TinkVault vault;
    private final DataKeys keys;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final VaultSettings settings;

    Reencryption(
            EncryptedRows rows,
            TinkVault vault,
            DataKeys keys,
            TenantScope tenants,
            AuditLog audit,
            JdbcClient jdbc,
            VaultSettings settings) {
        this.rows = rows;
        this.vault = vault;
        this.keys = keys;
        this.tenants = tenants;
        this.audit = audit;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    private record Outcome(int moved, Set<EncryptedRows.Row> failed) {}

    /** Runs the re-encryption for the rotation that made {@code rotationKey} primary. */
    void run(long rotationKey) {
        keys.refresh(true);
        Set<EncryptedRows.Row> failed = new HashSet<>();
        for (int pass = 1; pass <= PASSES; pass++) {
            long moved = 0;
            for (EncryptedColumn column : rows.columns()) {
                moved += column(rotationKey, column, failed);
            }
            if (moved == 0) {
                break;
            }
        }
        waitForEveryNodeToSealUnderTheNewKey(rotationKey);
        List<Long> retired = retireUnusedKeys();
        jdbc.sql("update vault_rotations set failed = :failed, finished_at = now() where key_id = :key")
                .param("failed", failed.size())
                .param("key", rotationKey)
                .update();
        log.info(
                "Vault rotation to key {} finished: keys {} disabled, {} values could not be opened",
                rotationKey,
                retired,
                failed.size());
    }

    private long column(long rotationKey, EncryptedColumn column, Set<EncryptedRows.Row> failed) {
        long moved = 0;
        EncryptedRows.Row after = new EncryptedRows.Row(new WorkspaceId(EncryptedRows.NONE), EncryptedRows.NONE);
        while (true) {
            List<EncryptedRows.Row> batch = rows.underOldKeys(column, after, settings.batchSize());
            if (batch.isEmpty()) {
                return moved;
            }
            after = batch.getLast();
            Map<WorkspaceId, List<UUID>> byWorkspace = new LinkedHashMap<>();
            for (EncryptedRows.Row row : batch) {
                if (!failed.contains(row)) {
                    byWorkspace
                            .computeIfAbsent(row.workspace(), w -> new ArrayList<>())
                            .add(row.id());
                }
            }
            int batchMoved = 0;
            int batchFailed = 0;
            for (var entry : byWorkspace.entrySet()) {
                Outcome outcome =
                        tenants.call(entry.getKey(), () -> inWorkspace(column, entry.getKey(), entry.getValue()));
                batchMoved += outcome.moved();
                batchFailed += outcome.failed().size();
                failed.addAll(outcome.failed());
            }
            moved += batchMoved;
            jdbc.sql("update vault_rotations set reencrypted = reencrypted + :moved where key_id = :key")
                    .param("moved", batchMoved)
                    .param("key", rotationKey)
                    .update();
            log.info(
                    "Vault rotation to key {}: re-encrypted {} values of {}.{} in this batch ({} could not be opened)",
                    rotationKey,
                    batchMoved,
                    column.table(),
                    column.column(),
                    batchFailed);
        }
    }

    private Outcome inWorkspace(EncryptedColumn column, WorkspaceId workspace, List<UUID> ids) {
        long primary = keys.current().primary();
        int moved = 0;
        Set<EncryptedRows.Row> failed = new HashSet<>();
        for (var value : rows.values(column, workspace, ids).entrySet()) {
            if (TinkVault.keyIdOf(value.getValue()).orElse(-1) == primary) {
                continue; // a writer stored a new value meanwhile
            }
            SecretSlot slot = new SecretSlot(workspace, value.getKey(), column.purpose());
            try {
                byte[] resealed = vault.reseal(slot, value.getValue());
                if (rows.replace(column, workspace, value.getKey(), value.getValue(), resealed)) {
                    moved++;
                }
            } catch (VaultException e) {
                failed.add(new EncryptedRows.Row(workspace, value.getKey()));
                log.warn("Vault rotation: {}", e.getMessage());
            }
        }
        // A global table's rows belong to no workspace: the job's log line and vault_rotations count them.
        if (moved > 0 && !SecretSlot.GLOBAL.equals(workspace)) {
            audit.record(
                    workspace,
                    REENCRYPTED,
                    "vault_key",
                    Long.toString(primary),
                    Map.of("purpose", column.purpose(), "rows", Integer.toString(moved)));
        }
        return new Outcome(moved, failed);
    }

    /**
     * A node seals under the key it loaded until its copy is older than the refresh interval; only after twice that
     * since the rotation can no node still be sealing under an old key, and only then is "no row uses it" final.
     */
    private void waitForEveryNodeToSealUnderTheNewKey(long rotationKey) {
        Instant started = jdbc.sql("select started_at from vault_rotations where key_id = :key")
                .param("key", rotationKey)
                .query(Instant.class)
                .optional()
                .orElse(Instant.now());
        Instant safe = started.plus(settings.refreshInterval().multipliedBy(2));
        Duration wait = Duration.between(Instant.now(), safe);
        if (!wait.isNegative()) {
            try {
                Thread.sleep(wait.plusMillis(50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting to retire old vault keys");
            }
        }
        // A writer that sealed under an old key just before the nodes caught up: one more pass over what is left.
        for (EncryptedColumn column : rows.columns()) {
            column(rotationKey, column, new HashSet<>());
        }
    }

    /** Disables every enabled, non-primary key that no stored value uses, counted under the keyset lock. */
    private List<Long> retireUnusedKeys() {
        List<Long> retired = new ArrayList<>();
        keys.change(latest -> {
            Map<Long, Long> usage = rows.usage();
            Set<Long> unused = new HashSet<>();
            latest.keys().forEach((id, status) -> {
                if (status == KeyStatus.ENABLED && id != latest.primary() && usage.getOrDefault(id, 0L) == 0) {
                    unused.add(id);
                }
            });
            var next = DataKeys.withDisabled(latest.handle(), unused);
            if (next != null) {
                for (long id : unused) {
                    jdbc.sql("update vault_keys set state = 'disabled', disabled_at = now() where key_id = :id")
                            .param("id", id)
                            .update();
                }
                retired.addAll(unused);
            }
            return next;
        });
        return retired;
    }
}
