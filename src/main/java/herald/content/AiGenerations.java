package herald.content;

import herald.database.Keyset;
import herald.database.TenantContext;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The generation log: every call to a model, newest first, and what it added to the month's usage. */
@Service
public class AiGenerations {

    private static final Keyset NEWEST_FIRST = Keyset.newestFirst("created_at", "id");

    private final JdbcClient jdbc;
    private final TenantScope tenants;

    private final TransactionTemplate own;

    AiGenerations(JdbcClient jdbc, TenantScope tenants, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Where a page continues: after this generation, newest first. */
    public record After(Instant createdAt, UUID id) {}

    /**
     * Up to {@code limit} generations after {@code after}, newest first.
     *
     * @param purpose only those of this purpose, when not null
     * @param batch only those of this batch (one calendar run), when not null
     */
    public List<AiGeneration> page(
            WorkspaceId workspace, @Nullable String purpose, @Nullable UUID batch, @Nullable After after, int limit) {
        Keyset.After from = after == null ? null : new Keyset.After(after.createdAt(), after.id());
        return tenants.call(workspace, () -> NEWEST_FIRST
                .page(
                        jdbc,
                        """
                                select * from ai_generations
                                where workspace_id = :workspace
                                  and (cast(:purpose as text) is null or purpose = :purpose)
                                  and (cast(:batch as uuid) is null or batch = :batch)""",
                        from,
                        limit)
                .param("workspace", workspace.value())
                .param("purpose", purpose)
                .param("batch", batch)
                .query((rs, n) -> generation(rs))
                .list());
    }

    public Optional<AiGeneration> find(WorkspaceId workspace, UUID id) {
        return tenants.call(
                workspace, () -> jdbc.sql("select * from ai_generations where workspace_id = :workspace and id = :id")
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .query((rs, n) -> generation(rs))
                        .optional());
    }

    /**
     * Deletes every logged call, of every workspace, made before {@code before}, {@code batch} rows a transaction.
     *
     * @return how many were deleted
     */
    int purge(Instant before, int batch) {
        int total = 0;
        while (true) {
            Integer purged = jdbc.sql("select herald_purge_ai_generations(:before, :limit)")
                    .param("before", Timestamp.from(before))
                    .param("limit", batch)
                    .query(Integer.class)
                    .single();
            total += purged;
            if (purged < batch) {
                return total;
            }
        }
    }

    /**
     * Logs a call and adds it to the month's usage, in a transaction of its own: a caller's rollback (a failed
     * calendar run) must not erase calls that were made and paid for. The usage row is increased in place, so
     * concurrent calls add up exactly (see {@link AiUsageMeter}).
     */
    void record(WorkspaceId workspace, AiGeneration generation, LocalDate month) {
        try (var scope = TenantContext.bind(workspace)) {
            own.executeWithoutResult(status -> insert(workspace, generation, month));
        }
    }

    private void insert(WorkspaceId workspace, AiGeneration generation, LocalDate month) {
        jdbc.sql(
                        """
                            insert into ai_generations (workspace_id, id, purpose, batch, source, model,
                                endpoint_host, system_prompt, user_prompt, response, status, error_kind,
                                error_message, prompt_tokens, completion_tokens, cost_micros, latency_ms, actor,
                                created_at)
                            values (:workspace, :id, :purpose, :batch, :source, :model, :host, :system, :user,
                                :response, :status, :errorKind, :errorMessage, :promptTokens, :completionTokens,
                                :cost, :latency, :actor, :createdAt)""")
                .param("workspace", workspace.value())
                .param("id", generation.id())
                .param("purpose", generation.purpose())
                .param("batch", generation.batch())
                .param("source", generation.source())
                .param("model", generation.model())
                .param("host", generation.endpointHost())
                .param("system", generation.systemPrompt())
                .param("user", generation.userPrompt())
                .param("response", generation.response())
                .param("status", generation.status())
                .param("errorKind", generation.errorKind())
                .param("errorMessage", generation.errorMessage())
                .param("promptTokens", generation.promptTokens())
                .param("completionTokens", generation.completionTokens())
                .param("cost", generation.costMicros())
                .param("latency", generation.latencyMillis())
                .param("actor", generation.actor())
                .param("createdAt", Timestamp.from(generation.createdAt()))
                .update();
        jdbc.sql(
                        """
                            insert into ai_usage (workspace_id, month, prompt_tokens, completion_tokens, cost_micros,
                                generations, failures)
                            values (:workspace, :month, :promptTokens, :completionTokens, :cost, 1, :failures)
                            on conflict (workspace_id, month) do update set
                                prompt_tokens = ai_usage.prompt_tokens + excluded.prompt_tokens,
                                completion_tokens = ai_usage.completion_tokens + excluded.completion_tokens,
                                cost_micros = ai_usage.cost_micros + excluded.cost_micros,
                                generations = ai_usage.generations + 1,
                                failures = ai_usage.failures + excluded.failures""")
                .param("workspace", workspace.value())
                .param("month", month)
                .param("promptTokens", generation.promptTokens())
                .param("completionTokens", generation.completionTokens())
                .param("cost", generation.costMicros())
                .param("failures", generation.succeeded() ? 0 : 1)
                .update();
    }

    private static AiGeneration generation(ResultSet rs) throws SQLException {
        return new AiGeneration(
                rs.getObject("id", UUID.class),
                rs.getString("purpose"),
                rs.getObject("batch", UUID.class),
                rs.getString("source"),
                rs.getString("model"),
                rs.getString("endpoint_host"),
                rs.getString("system_prompt"),
                rs.getString("user_prompt"),
                rs.getString("response"),
                rs.getString("status"),
                rs.getString("error_kind"),
                rs.getString("error_message"),
                rs.getLong("prompt_tokens"),
                rs.getLong("completion_tokens"),
                rs.getLong("cost_micros"),
                rs.getLong("latency_ms"),
                rs.getString("actor"),
                rs.getTimestamp("created_at").toInstant());
    }
}
