package herald.connections;

import herald.database.TenantContext;
import herald.shared.WorkspaceId;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in its own transaction scoped to one workspace, committed when the work returns, whatever transaction the
 * caller may be in: new tokens must be committed before anyone uses them, and a consumed state must stay consumed.
 */
@Component
class TenantWork {

    private final TransactionTemplate fresh;

    TenantWork(PlatformTransactionManager transactions) {
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    <T> T call(WorkspaceId workspace, Supplier<T> work) {
        try (var ignored = TenantContext.bind(workspace)) {
            return fresh.execute(status -> work.get());
        }
    }

    void run(WorkspaceId workspace, Runnable work) {
        call(workspace, () -> {
            work.run();
            return null;
        });
    }
}
