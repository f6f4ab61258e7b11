package herald.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.OwnerDatabase;
import herald.TenantFixtures;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log is append-only for Herald, and any change made behind its back, by someone with the owner's rights,
 * shows up in {@link AuditLog#verify} at the first entry that no longer holds.
 */
@SpringBootTest
class AuditChainTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantScope tenants;

    @Autowired
    FlywayConnectionDetails ownerDetails;

    JdbcClient owner;
    WorkspaceId workspace;

    @BeforeEach
    void workspaceWithItsOwnChain() {
        owner = OwnerDatabase.jdbc(ownerDetails);
        workspace = TenantFixtures.of(context)
                .signUp("Audit", "free")
                .workspace()
                .orElseThrow()
                .id();
    }

    /** The sequences of the workspace's chain, oldest first. */
    List<Long> sequences() {
        return owner.sql("select seq from audit_events where workspace_id = :workspace order by seq")
                .param("workspace", workspace.value())
                .query(Long.class)
                .list();
    }

    void append(int entries) {
        for (int i = 0; i < entries; i++) {
            audit.record(workspace, "test.entry", "thing", String.valueOf(i), Map.of("n", String.valueOf(i)));
        }
    }

    @Test
    void anUntouchedChainVerifies() {
        append(8);
        int entries = sequences().size();
        assertThat(entries).as("sign-up's own entries and ours").isGreaterThanOrEqualTo(10);

        assertThat(audit.verify(workspace)).isEqualTo(new Verification(true, entries, null, null));
    }

    @Test
    void anEntryEditedByTheOwnerRoleIsReportedAsTheFirstBrokenOne() {
        append(6);
        List<Long> chain = sequences();
        long edited = chain.get(4);
        owner.sql("update audit_events set details = '{\"n\": \"tampered\"}' where workspace_id = :w and seq = :seq")
                .param("w", workspace.value())
                .param("seq", edited)
                .update();

        Verification verification = audit.verify(workspace);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(edited);
        assertThat(verification.checked()).isEqualTo(4);
        assertThat(verification.reason()).contains("content");
    }

    @Test
    void anEditThatAlsoRecomputesTheRowsOwnHashIsCaughtByTheNextEntry() {
        append(6);
        List<Long> chain = sequences();
        long edited = chain.get(3);
        // The forger rewrites the row and its hash consistently; the entry after it still points at the old hash.
        owner.sql("update audit_events set actor_label = 'someone else', hash = sha256(hash) "
                        + "where workspace_id = :w and seq = :seq")
                .param("w", workspace.value())
                .param("seq", edited)
                .update();

        Verification verification = audit.verify(workspace);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(edited);
    }

    @Test
    void aDeletedEntryIsDetectedAtTheEntryAfterIt() {
        append(6);
        List<Long> chain = sequences();
        owner.sql("delete from audit_events where workspace_id = :w and seq = :seq")
                .param("w", workspace.value())
                .param("seq", chain.get(3))
                .update();

        Verification verification = audit.verify(workspace);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(chain.get(4));
        assertThat(verification.checked()).isEqualTo(3);
    }

    @Test
    void twoEntriesWithSwappedContentAreDetected() {
        append(6);
        List<Long> chain = sequences();
        long first = chain.get(2);
        long second = chain.get(5);
        // Swap everything but the position (and the unique id): the two rows change places in the chain.
        owner.sql(
                        """
                        update audit_events t set occurred_at = o.occurred_at, actor_type = o.actor_type,
                            actor_id = o.actor_id, actor_label = o.actor_label, action = o.action,
                            target_type = o.target_type, target_id = o.target_id, details = o.details, ip = o.ip,
                            user_agent = o.user_agent, prev_hash = o.prev_hash, hash = o.hash
                        from audit_events o
                        where t.workspace_id = :w and o.workspace_id = :w
                          and ((t.seq = :a and o.seq = :b) or (t.seq = :b and o.seq = :a))""")
                .param("w", workspace.value())
                .param("a", first)
                .param("b", second)
                .update();

        Verification verification = audit.verify(workspace);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(first);
    }

    @Test
    void contentSwappedBetweenTwoEntriesWhileTheHashesStayIsDetected() {
        append(6);
        List<Long> chain = sequences();
        long first = chain.get(2);
        long second = chain.get(3);
        owner.sql(
                        """
                        update audit_events t set target_id = o.target_id, details = o.details
                        from audit_events o
                        where t.workspace_id = :w and o.workspace_id = :w
                          and ((t.seq = :a and o.seq = :b) or (t.seq = :b and o.seq = :a))""")
                .param("w", workspace.value())
                .param("a", first)
                .param("b", second)
                .update();

        assertThat(audit.verify(workspace).firstBrokenSequence()).isEqualTo(first);
    }

    @Test
    void theRuntimeRoleMayOnlyAppend() {
        append(1);
        for (String change : List.of(
                "update audit_events set action = 'rewritten'", "delete from audit_events", "truncate audit_events")) {
            assertThatThrownBy(
                            () -> tenants.run(workspace, () -> jdbc.sql(change).update()))
                    .as(change)
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"))
                    .rootCause()
                    .hasMessageContaining("permission denied for table audit_events");
        }
        assertThat(audit.verify(workspace).valid()).isTrue();
    }

    @Test
    void concurrentAppendsToOneWorkspaceFormOneValidChain() throws Exception {
        int threads = 8;
        int each = 15;
        int before = sequences().size();
        var start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int writer = t;
                writers.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        audit.record(workspace, "test.concurrent", "writer", String.valueOf(writer), Map.of());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
        }

        assertThat(audit.verify(workspace)).isEqualTo(new Verification(true, before + threads * each, null, null));
        assertThat(owner.sql("select count(distinct prev_hash) = count(prev_hash) and count(*) - count(prev_hash) = 1"
                                + " from audit_events where workspace_id = :w")
                        .param("w", workspace.value())
                        .query(Boolean.class)
                        .single())
                .as("one first entry, and no two entries claim the same predecessor: the chain did not fork")
                .isTrue();
    }

    @Test
    void chainsOfOtherWorkspacesAreUnaffectedByTampering() {
        WorkspaceId other = TenantFixtures.of(context)
                .signUp("Audit other", "free")
                .workspace()
                .orElseThrow()
                .id();
        append(3);
        owner.sql("update audit_events set action = 'x' where workspace_id = :w")
                .param("w", workspace.value())
                .update();

        assertThat(audit.verify(workspace).valid()).isFalse();
        assertThat(audit.verify(other).valid()).isTrue();
    }

    static String sqlState(Throwable e) {
        return NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql ? sql.getSQLState() : "none";
    }
}
