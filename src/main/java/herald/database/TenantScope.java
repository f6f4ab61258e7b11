package herald.database;

import herald.shared.WorkspaceId;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work inside one workspace: binds it and runs the work in a transaction whose row-level security scope is that
 * workspace. Switching to another workspace always starts a new transaction, never reuses one set for a different
 * tenant.
 */
@Component
public class TenantScope {

    private final TransactionTemplate joining;
    private final TransactionTemplate fresh;
    private final TransactionTemplate snapshot;

    TenantScope(PlatformTransactionManager transactions) {
        this.joining = new TransactionTemplate(transactions);
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /**
     * Reads inside one workspace from one snapshot: every statement of {@code work} sees the database as of the
     * first, so a read made of several statements (a post, then its targets) never mixes states from before and after
     * another transaction's commit. Joins a transaction of the same workspace that is already running.
     */
    public <T> T read(WorkspaceId workspace, Supplier<T> work) {
        return in(workspace, snapshot, work);
    }

    public <T> T call(WorkspaceId workspace, Supplier<T> work) {
        return in(workspace, fresh, work);
    }

    /** Runs {@code work} in the running transaction if it is this workspace's, else in a new one from {@code start}. */
    private <T> T in(WorkspaceId workspace, TransactionTemplate start, Supplier<T> work) {
        boolean sameTenantTransaction = TransactionSynchronizationManager.isActualTransactionActive()
                && TenantContext.current().filter(workspace::equals).isPresent();
        try (var ignored = TenantContext.bind(workspace)) {
            return (sameTenantTransaction ? joining : start).execute(status -> work.get());
        }
    }

    /**
     * Runs {@code work} in a new transaction of this workspace that is always rolled back: a dry run sees its own
     * writes (a queue slot it took, a day's quota it used) and leaves nothing behind.
     */
    public <T> T rehearse(WorkspaceId workspace, Supplier<T> work) {
        try (var ignored = TenantContext.bind(workspace)) {
            return fresh.execute(status -> {
                status.setRollbackOnly();
                return work.get();
            });
        }
    }

    public void run(WorkspaceId workspace, Runnable work) {
        call(workspace, () -> {
            work.run();
            return null;
        });
    }
}
