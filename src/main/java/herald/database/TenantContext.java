package herald.database;

import herald.shared.WorkspaceId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The workspace the current thread acts for. Every transaction started while one is bound sets
 * {@code herald.workspace_id} for that transaction only (see {@link TenantTransactionManager}); with none bound, a
 * transaction sees no tenant rows at all.
 */
public final class TenantContext {

    private static final ThreadLocal<@Nullable WorkspaceId> current = new ThreadLocal<>();

    private TenantContext() {}

    public static Optional<WorkspaceId> current() {
        return Optional.ofNullable(current.get());
    }

    public static WorkspaceId require() {
        return current().orElseThrow(() -> new IllegalStateException("No workspace is bound to this thread"));
    }

    /** Binds {@code workspace} until the returned scope is closed, then restores what was bound before. */
    public static Scope bind(WorkspaceId workspace) {
        WorkspaceId previous = current.get();
        current.set(workspace);
        return () -> {
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
        };
    }

    /** A binding that ends when closed; closing never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
