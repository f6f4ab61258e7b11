package herald.publishing;

import herald.database.TenantScope;
import herald.providers.PublishJournal;
import herald.shared.WorkspaceId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The durable {@link PublishJournal} of one target, as one attempt sees it: the notes live in the target's
 * {@code journal} column, so they outlive the attempt, its node and its retries. A note is committed at once, in a
 * short transaction of its own (the provider is between platform calls, never inside a transaction), and only while
 * the target still carries this attempt's fence: a zombie attempt cannot write over the notes of the one that took
 * over.
 */
final class TargetJournal implements PublishJournal {

    private final TenantScope tenants;
    private final JdbcClient jdbc;
    private final WorkspaceId workspace;
    private final TargetId target;
    private final int fence;

    TargetJournal(TenantScope tenants, JdbcClient jdbc, WorkspaceId workspace, TargetId target, int fence) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.workspace = workspace;
        this.target = target;
        this.fence = fence;
    }

    @Override
    public Optional<String> get(String key) {
        return tenants.call(workspace, () -> jdbc.sql(
                        "select journal ->> :key from post_targets where workspace_id = :workspace and id = :target")
                .param("key", key)
                .param("workspace", workspace.value())
                .param("target", target.value())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(value -> value));
    }

    @Override
    public void put(String key, String value) {
        int changed = tenants.call(workspace, () -> jdbc.sql(
                        """
                        update post_targets set journal = journal || jsonb_build_object(cast(:key as text),
                            cast(:value as text))
                        where workspace_id = :workspace and id = :target and fence = :fence""")
                .param("key", key)
                .param("value", value)
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("fence", fence)
                .update());
        if (changed != 1) {
            throw new IllegalStateException(
                    "A newer attempt has taken this target over; attempt " + fence + " may not write its journal.");
        }
    }
}
