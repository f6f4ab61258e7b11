package herald.publishing;

import static herald.database.SqlTimes.instant;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The journal of a post's attempts, read-only: every time Herald called (or began to call) a platform for one of its
 * targets, in order, with the node that ran it and how it ended. The dispatcher writes it (see docs/adr/0008); this
 * only shows it to people and programs.
 */
@Component
public class AttemptHistory {

    private final JdbcClient jdbc;
    private final TenantScope tenants;

    AttemptHistory(JdbcClient jdbc, TenantScope tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    /**
     * One attempt at one target.
     *
     * @param number 1 for the target's first attempt, counting every later one (retries, publish-again)
     * @param reconciling whether it first asked the platform if an earlier attempt had already published the post
     * @param node the Herald node that ran it
     * @param outcome null while unfinished; else {@code published}, {@code reconciled} (found already published),
     *     {@code retry}, {@code failed}, {@code unknown} or {@code fenced} (a newer attempt took over)
     * @param detail the platform's words or Herald's explanation, for every outcome but published
     */
    public record Attempt(
            TargetId target,
            int number,
            boolean reconciling,
            String node,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String outcome,
            @Nullable String detail) {

        public boolean finished() {
            return finishedAt != null;
        }
    }

    /** The attempts of each of the post's targets, oldest first; a target never attempted has no entry. */
    public Map<TargetId, List<Attempt>> of(WorkspaceId workspace, PostId post) {
        List<Attempt> all = tenants.call(workspace, () -> jdbc.sql(
                        """
                        select a.target_id, a.fence, a.reconciling, a.node, a.started_at, a.finished_at, a.outcome,
                            a.detail,
                            row_number() over (partition by a.target_id order by a.fence) as number
                        from publish_attempts a
                        join post_targets t on t.workspace_id = a.workspace_id and t.id = a.target_id
                        where a.workspace_id = :workspace and t.post_id = :post
                        order by a.target_id, a.fence""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query((rs, n) -> new Attempt(
                        new TargetId(rs.getObject("target_id", UUID.class)),
                        rs.getInt("number"),
                        rs.getBoolean("reconciling"),
                        rs.getString("node"),
                        rs.getTimestamp("started_at").toInstant(),
                        instant(rs.getTimestamp("finished_at")),
                        rs.getString("outcome"),
                        rs.getString("detail")))
                .list());
        Map<TargetId, List<Attempt>> byTarget = new LinkedHashMap<>();
        all.forEach(a ->
                byTarget.computeIfAbsent(a.target(), k -> new ArrayList<>()).add(a));
        byTarget.replaceAll((k, v) -> List.copyOf(v));
        return byTarget;
    }
}
