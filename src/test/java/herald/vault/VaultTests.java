package herald.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.TenantFixtures;
import herald.audit.AuditEvent;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sealing and opening against the real database: slots bind ciphertexts, openings are audited, nothing leaks. */
@SpringBootTest
class VaultTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Vault vault;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantScope tenants;

    VaultTestRows rows;
    WorkspaceId a;
    WorkspaceId b;

    @BeforeEach
    void twoWorkspaces() {
        rows = new VaultTestRows(jdbc, tenants, vault);
        var fixtures = TenantFixtures.of(context);
        a = fixtures.signUp("Vault A", "pro").workspace().orElseThrow().id();
        b = fixtures.signUp("Vault B", "pro").workspace().orElseThrow().id();
    }

    @Test
    void aSealedSecretOpensInItsOwnSlot() {
        UUID row = rows.insert(a, "xoxb-plain-token-1");

        assertThat(rows.open(a, row).reveal()).isEqualTo("xoxb-plain-token-1");
    }

    @Test
    void aCiphertextCopiedToAnotherRowWorkspaceOrPurposeDoesNotOpen() {
        String plaintext = "xoxb-plain-token-" + UUID.randomUUID();
        UUID row = rows.insert(a, plaintext);
        byte[] ciphertext = rows.ciphertext(a, row);
        UUID otherRow = rows.insert(a, "other");
        UUID rowInB = rows.insert(b, "other");

        rows.overwrite(a, otherRow, ciphertext);
        rows.overwrite(b, rowInB, ciphertext);

        assertThatThrownBy(() -> rows.open(a, otherRow))
                .isInstanceOf(VaultException.class)
                .hasMessageNotContaining(plaintext);
        assertThatThrownBy(() -> rows.open(b, rowInB))
                .isInstanceOf(VaultException.class)
                .hasMessageNotContaining(plaintext);
        assertThatThrownBy(() -> vault.open(new SecretSlot(a, row, "connection.refresh_token"), ciphertext))
                .isInstanceOf(VaultException.class)
                .hasMessageNotContaining(plaintext)
                .hasMessageContaining("connection.refresh_token");
        assertThat(rows.open(a, row).reveal()).isEqualTo(plaintext);
        // Rows that no key opens would keep their key enabled after any rotation in this shared database.
        rows.delete(a, otherRow);
        rows.delete(b, rowInB);
    }

    @Test
    void everyOpeningIsAuditedWithPurposeAndRowButNeverTheValue() {
        UUID row = rows.insert(a, "xoxb-audited-token");

        rows.open(a, row);

        List<AuditEvent> events = audit.find(a, new AuditQuery("secret.decrypted", null, null, null, null, 10));
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().details())
                .containsEntry("purpose", "test.secret")
                .containsEntry("row", row.toString());
        assertThat(events.getFirst().targetId()).isEqualTo(row.toString());
        assertThat(events.getFirst().toString()).doesNotContain("xoxb-audited-token");
        assertThat(audit.verify(a).valid()).isTrue();
    }

    @Test
    void anOpeningInsideTheCallersTransactionRollsBackWithIt() {
        UUID row = rows.insert(a, "rolled-back");

        assertThatThrownBy(() -> tenants.run(a, () -> {
                    rows.open(a, row);
                    throw new IllegalStateException("the caller fails after reading the secret");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(audit.find(a, new AuditQuery("secret.decrypted", null, null, null, null, 10)))
                .isEmpty();
    }

    @Test
    void secretsAndVaultErrorsShowNoPlaintext() {
        Secret secret = Secret.of("xoxb-never-printed");

        assertThat(secret.toString()).doesNotContain("xoxb").isEqualTo("Secret[***]");
        assertThat(String.valueOf(List.of(secret))).doesNotContain("xoxb");
        assertThatThrownBy(() -> vault.open(new SecretSlot(a, UUID.randomUUID(), "p"), "xoxb-garbage".getBytes()))
                .isInstanceOf(VaultException.class)
                .hasMessageNotContaining("xoxb");
    }

    /**
     * What auditing every opening costs: each opening appends to its workspace's hash chain under that workspace's
     * advisory lock, so openings in one workspace are serialised for the length of their transactions, while
     * different workspaces do not wait for each other. Prints the figures; asserts only that all openings succeed.
     */
    @Test
    void measuresTheCostOfAuditedOpenings() throws Exception {
        int perThread = 50;
        int threads = 8;
        List<UUID> inA = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            inA.add(rows.insert(a, "measure-" + i));
        }
        List<WorkspaceId> spread = new ArrayList<>();
        List<UUID> spreadRows = new ArrayList<>();
        var fixtures = TenantFixtures.of(context);
        for (int i = 0; i < threads; i++) {
            WorkspaceId w = fixtures.signUp("Vault M" + i, "pro")
                    .workspace()
                    .orElseThrow()
                    .id();
            spread.add(w);
            spreadRows.add(rows.insert(w, "measure-" + i));
        }
        SecretSlot slot = rows.slot(a, inA.getFirst());
        byte[] ciphertext = rows.ciphertext(a, inA.getFirst());
        long sealOnly = timed(threads, perThread, i -> vault.seal(slot, Secret.of("x")));
        long oneWorkspace = timed(threads, perThread, i -> rows.open(a, inA.get(i)));
        long manyWorkspaces = timed(threads, perThread, i -> rows.open(spread.get(i), spreadRows.get(i)));
        System.out.printf(
                "Vault cost, %d threads x %d: seal %.0f/s; audited open in one workspace %.0f/s; in %d workspaces"
                        + " %.0f/s%n",
                threads,
                perThread,
                rate(threads * perThread, sealOnly),
                rate(threads * perThread, oneWorkspace),
                threads,
                rate(threads * perThread, manyWorkspaces));
        assertThat(vault.open(slot, ciphertext).reveal()).isEqualTo("measure-0");
    }

    interface Work {
        void run(int thread) throws Exception;
    }

    static long timed(int threads, int perThread, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        work.run(thread);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    static double rate(int operations, long nanos) {
        return operations / (nanos / 1e9);
    }
}
