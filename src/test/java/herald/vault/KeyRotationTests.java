package herald.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import herald.TenantFixtures;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Rotation under load, across two nodes: writers and readers keep sealing and opening rows of several workspaces while
 * a rotation adds a primary key and the job re-encrypts; not one opening fails, every row ends under the new primary,
 * and the old key is disabled only once nothing uses it.
 *
 * <p>The context is closed after the class: with its 300 ms keyset refresh it would otherwise keep running the shared
 * re-encryption job and retire an old key that the other test contexts, refreshing far less often, still seal with
 * (seen once as TokenLifecycleTests' token not opening). Nodes of one deployment share one refresh interval.
 */
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(properties = {"herald.vault.refresh-interval=300ms", "herald.vault.batch-size=50"})
@ExtendWith(OutputCaptureExtension.class)
class KeyRotationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Vault vault;

    @Autowired
    KeyRotation rotation;

    @Autowired
    DataKeys keys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantScope tenants;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    VaultSettings settings;

    @Value("${herald.database.data-dir:.herald}")
    Path dataDir;

    record Stored(WorkspaceId workspace, UUID id) {}

    @Test
    void rotationUnderLoadLosesNoOpeningAndRetiresTheOldKeyOnlyWhenUnused(CapturedOutput output) throws Exception {
        var rows = new VaultTestRows(jdbc, tenants, vault);
        var fixtures = TenantFixtures.of(context);
        List<Stored> stored = new ArrayList<>();
        Map<Stored, String> plaintexts = new ConcurrentHashMap<>();
        for (int w = 0; w < 3; w++) {
            WorkspaceId workspace = fixtures.signUp("Rotate " + w, "pro")
                    .workspace()
                    .orElseThrow()
                    .id();
            for (int i = 0; i < 120; i++) {
                String plaintext = "tok-" + UUID.randomUUID();
                var row = new Stored(workspace, rows.insert(workspace, plaintext));
                stored.add(row);
                plaintexts.put(row, plaintext);
            }
        }
        long oldPrimary = keys.current().primary();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var disabledWhileUsed = new ConcurrentLinkedQueue<String>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            boolean writer = t % 2 == 0;
            pool.submit(() -> {
                while (running.get()) {
                    Stored row = stored.get(ThreadLocalRandom.current().nextInt(stored.size()));
                    try {
                        if (writer) {
                            synchronized (row) {
                                String plaintext = "tok-" + UUID.randomUUID();
                                rows.store(row.workspace(), row.id(), plaintext);
                                plaintexts.put(row, plaintext);
                            }
                            written.incrementAndGet();
                        } else {
                            synchronized (row) {
                                assertThat(rows.open(row.workspace(), row.id()).reveal())
                                        .isEqualTo(plaintexts.get(row));
                            }
                            opened.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
        }

        Thread.sleep(300);
        VaultStatus.Rotation started = rotation.rotate();
        assertThat(started.keyId()).isNotEqualTo(oldPrimary);
        assertThat(started.state()).isEqualTo("running");

        VaultStatus status = rotation.status();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!finished(status, started.keyId()) && Instant.now().isBefore(deadline)) {
            status.keys().stream()
                    .filter(key -> key.state().equals("disabled") && key.rows() > 0)
                    .forEach(key -> disabledWhileUsed.add(key.toString()));
            Thread.sleep(100);
            status = rotation.status();
        }
        running.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();

        assertThat(failures).as("failed openings or writes").isEmpty();
        assertThat(opened.get()).isPositive();
        assertThat(written.get()).isPositive();
        assertThat(disabledWhileUsed).isEmpty();
        assertThat(finished(status, started.keyId()))
                .as("the rotation finished: %s", status)
                .isTrue();

        for (Stored row : stored) {
            assertThat(TinkVault.keyIdOf(rows.ciphertext(row.workspace(), row.id())))
                    .hasValue(keys.current().primary());
            assertThat(rows.open(row.workspace(), row.id()).reveal()).isEqualTo(plaintexts.get(row));
        }
        VaultStatus.Key old = key(status, oldPrimary);
        assertThat(old.state()).isEqualTo("disabled");
        assertThat(old.rows()).isZero();
        assertThat(status.rotation().remaining()).isZero();
        assertThat(status.rotation().failed()).isZero();
        assertThat(status.rotation().reencrypted()).isPositive();
        assertThat(audit.find(
                                stored.getFirst().workspace(),
                                new AuditQuery("secret.reencrypted", null, null, null, null, 10))
                        .getFirst()
                        .details())
                .containsEntry("purpose", "test.secret")
                .containsKey("rows");

        assertThat(output.getAll()).contains("Vault key rotation: key " + started.keyId());
        for (String material : keyMaterial()) {
            assertThat(output.getAll()).doesNotContain(material);
        }
        for (String plaintext : plaintexts.values()) {
            assertThat(output.getAll()).doesNotContain(plaintext);
        }
    }

    @Test
    void aSecondNodeOverTheSameDatabaseSeesTheRotation() throws Exception {
        var rows = new VaultTestRows(jdbc, tenants, vault);
        WorkspaceId workspace = TenantFixtures.of(context)
                .signUp("Second node", "pro")
                .workspace()
                .orElseThrow()
                .id();
        DataKeys secondKeys = new DataKeys(jdbc, transactions, MasterKeyset.load("", dataDir), settings);
        TinkVault second = new TinkVault(secondKeys, audit);
        var secondRows = new VaultTestRows(jdbc, tenants, second);
        UUID before = secondRows.insert(workspace, "sealed-by-node-two");
        long oldPrimary = secondKeys.current().primary();

        long newPrimary = rotation.rotate().keyId();
        UUID after = rows.insert(workspace, "sealed-by-node-one");

        assertThat(TinkVault.keyIdOf(rows.ciphertext(workspace, after))).hasValue(newPrimary);
        assertThat(secondRows.open(workspace, after).reveal())
                .as("node two meets a key it does not know and reloads at once")
                .isEqualTo("sealed-by-node-one");
        assertThat(secondRows.open(workspace, before).reveal()).isEqualTo("sealed-by-node-two");
        Thread.sleep(settings.refreshInterval().toMillis() + 50);
        UUID later = secondRows.insert(workspace, "sealed-by-node-two-later");
        assertThat(TinkVault.keyIdOf(rows.ciphertext(workspace, later)))
                .as("node two seals under the new primary once its copy is older than the refresh interval")
                .hasValue(newPrimary)
                .isNotEqualTo(oldPrimary);
    }

    @Test
    void aKeyStillUsedByARowThatNoLongerOpensStaysEnabled() throws Exception {
        var rows = new VaultTestRows(jdbc, tenants, vault);
        WorkspaceId workspace = TenantFixtures.of(context)
                .signUp("Broken row", "pro")
                .workspace()
                .orElseThrow()
                .id();
        UUID good = rows.insert(workspace, "opens");
        UUID broken = rows.insert(workspace, "will be replaced by a copy");
        rows.overwrite(workspace, broken, rows.ciphertext(workspace, good));
        long oldPrimary = keys.current().primary();
        try {
            long keyId = rotation.rotate().keyId();
            VaultStatus status = rotation.status();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!finished(status, keyId) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                status = rotation.status();
            }

            assertThat(finished(status, keyId)).isTrue();
            assertThat(status.rotation().failed()).isEqualTo(1);
            assertThat(status.rotation().remaining()).isEqualTo(1);
            assertThat(key(status, oldPrimary).state()).isEqualTo("enabled");
            assertThat(key(status, oldPrimary).rows()).isEqualTo(1);
            assertThat(TinkVault.keyIdOf(rows.ciphertext(workspace, good))).hasValue(keyId);
        } finally {
            rows.delete(workspace, broken);
        }
    }

    @Test
    void aNodeThatDoesNotDeclareAColumnStillReencryptsAndCountsIt() {
        var declaresNothing =
                new EncryptedRows(jdbc, new DefaultListableBeanFactory().getBeanProvider(EncryptedColumn.class));

        assertThat(declaresNothing.columns())
                .as("columns registered by other nodes, so an older node never retires a key they still use")
                .contains(VaultTestColumns.SECRETS);
    }

    @Test
    void aSecretOfAGlobalTableIsReencryptedTooAndOpensOnlyInItsGlobalSlot() throws Exception {
        var user = TenantFixtures.of(context).user("Global secret");
        var slot = SecretSlot.global(user.id().value(), "user.totp_secret");
        jdbc.sql("insert into user_two_factor (id, secret) values (:id, :secret)")
                .param("id", user.id().value())
                .param("secret", vault.seal(slot, Secret.of("JBSWY3DPEHPK3PXPJBSWY3DP")))
                .update();

        long keyId = rotation.rotate().keyId();
        VaultStatus status = rotation.status();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!finished(status, keyId) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = rotation.status();
        }

        assertThat(finished(status, keyId)).isTrue();
        byte[] stored = jdbc.sql("select secret from user_two_factor where id = :id")
                .param("id", user.id().value())
                .query(byte[].class)
                .single();
        assertThat(TinkVault.keyIdOf(stored))
                .as("re-sealed under the new primary")
                .hasValue(keyId);
        assertThat(vault.open(slot, stored).reveal()).isEqualTo("JBSWY3DPEHPK3PXPJBSWY3DP");
        WorkspaceId someWorkspace = TenantFixtures.of(context)
                .signUp("Not global", "free")
                .workspace()
                .orElseThrow()
                .id();
        assertThatThrownBy(
                        () -> vault.open(new SecretSlot(someWorkspace, user.id().value(), "user.totp_secret"), stored))
                .as("a global ciphertext opens in no workspace's slot")
                .isInstanceOf(VaultException.class);
        var declaresNothing =
                new EncryptedRows(jdbc, new DefaultListableBeanFactory().getBeanProvider(EncryptedColumn.class));
        assertThat(declaresNothing.columns())
                .as("registered with its global flag for nodes that do not declare it")
                .contains(EncryptedColumn.global("user_two_factor", "secret", "user.totp_secret"));
    }

    static boolean finished(VaultStatus status, long keyId) {
        return status.rotation() != null
                && status.rotation().keyId() == keyId
                && status.rotation().finishedAt() != null;
    }

    static VaultStatus.Key key(VaultStatus status, long id) {
        return status.keys().stream().filter(k -> k.id() == id).findFirst().orElseThrow();
    }

    /** Every data key's bytes, as hex and base64, to look for in the logs. */
    List<String> keyMaterial() {
        List<String> forms = new ArrayList<>();
        var handle = keys.current().handle();
        for (int i = 0; i < handle.size(); i++) {
            if (handle.getAt(i).getKey() instanceof AesGcmKey key) {
                byte[] bytes = key.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
                forms.add(HexFormat.of().formatHex(bytes));
                forms.add(Base64.getEncoder().encodeToString(bytes));
            }
        }
        assertThat(forms).isNotEmpty();
        return forms;
    }
}
