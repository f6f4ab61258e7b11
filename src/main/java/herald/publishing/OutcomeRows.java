package herald.publishing;

import static herald.database.SqlTimes.timestamp;

import herald.audit.AuditColumns;
import herald.audit.AuditLog;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The SQL of outcomes: one attempt's outcome in one call ({@code herald_complete_target}), and the published outcomes
 * of many targets, of any workspaces, in one call ({@code herald_complete_published}, V172, for {@link
 * PublishedOutcomes}). Each is its own transaction.
 */
@Component
class OutcomeRows {

    /** A published outcome, as the call that ended its attempt got it, with its audit entry. */
    record Published(
            WorkspaceId workspace,
            PostId post,
            TargetId target,
            int fence,
            boolean reconciled,
            String platformId,
            URI url,
            Instant at,
            AuditLog.@Nullable Entry audit) {}

    private final JdbcClient jdbc;

    /** db-scheduler's table, where a final outcome deletes the target's job. */
    private final String jobs;

    OutcomeRows(JdbcClient jdbc, @Value("${db-scheduler.table-name:scheduled_tasks}") String jobs) {
        if (!jobs.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("db-scheduler.table-name must be a plain table name: " + jobs);
        }
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    /**
     * Writes the outcomes in one transaction, each only while its target still carries its fence, and says which were
     * applied: bit {@code i} for {@code outcomes.get(i)}. All or none: an exception leaves nothing written.
     */
    BitSet completePublished(List<Published> outcomes, Instant now) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outcomes are their own transaction: complete them outside any other");
        }
        int n = outcomes.size();
        var workspaces = new UUID[n];
        var posts = new UUID[n];
        var targets = new UUID[n];
        var fences = new int[n];
        var words = new String[n];
        var platformIds = new String[n];
        var urls = new String[n];
        var ats = new String[n];
        var entries = new ArrayList<AuditLog.@Nullable Entry>(n);
        for (int i = 0; i < n; i++) {
            Published o = outcomes.get(i);
            workspaces[i] = o.workspace().value();
            posts[i] = o.post().value();
            targets[i] = o.target().value();
            fences[i] = o.fence();
            words[i] = o.reconciled() ? "reconciled" : "published";
            platformIds[i] = o.platformId();
            urls[i] = o.url().toString();
            ats[i] = o.at().toString();
            entries.add(o.audit());
        }
        var applied = new BitSet(n);
        AuditColumns.of(entries)
                .bind(
                        jdbc.sql(
                                """
                        select herald_complete_published(:workspaces, :posts, :targets, :fences, :outcomes,
                            :platformIds, :urls, cast(:ats as timestamptz[]), :now, :jobs, :task, :auditIds,
                            cast(:auditAts as timestamptz[]), :actorTypes, :actorIds, :actorLabels, :actions,
                            :targetTypes, :targetIds, :details, :ips, :userAgents, :canonicals)"""))
                .param("workspaces", workspaces)
                .param("posts", posts)
                .param("targets", targets)
                .param("fences", fences)
                .param("outcomes", words)
                .param("platformIds", platformIds)
                .param("urls", urls)
                .param("ats", ats)
                .param("now", Timestamp.from(now))
                .param("jobs", jobs)
                .param("task", Dispatch.TASK)
                .query((rs, row) -> {
                    applied.set(rs.getInt(1) - 1);
                    return null;
                })
                .list();
        return applied;
    }

    /**
     * Writes the outcome of attempt {@code fence}, only if the target still carries that fence, with its audit entry
     * ({@code audit}, none for a retry), in one call that is its own transaction: {@code herald_complete_target} (V116),
     * sent outside any transaction, sets the workspace's scope and how the commit is made ({@code durable = false}
     * lets it return before its WAL is flushed), locks the post (the order claims, edits and cancels take, so that it
     * sees every other target's outcome), writes the outcome and closes the attempt's journal entry, settles the
     * post's status from its targets' ({@link Settlement}, in SQL) and, with {@code endJob} (a final outcome), deletes
     * the target's db-scheduler job. False for a zombie, whose outcome is then kept in the journal only (and whose job
     * db-scheduler ends as usual). Deleting the job here rather than by db-scheduler's own {@code OnCompleteRemove}
     * spares a commit per post, and a lost outcome can no longer leave the job deleted: both commit or neither does.
     * One round trip where a transaction of its own took four (the scope, the outcome, the audit entry, the commit).
     */
    boolean complete(
            boolean durable,
            WorkspaceId workspace,
            PostId post,
            TargetId target,
            int fence,
            AttemptOutcome written,
            Instant now,
            AuditLog.@Nullable Entry audit) {
        String outcome = written.outcome();
        String detail = written.detail();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An outcome is its own transaction: complete it outside any other");
        }
        return Boolean.TRUE.equals(jdbc.sql(
                        """
                        select herald_complete_target(:workspace, :post, :target, :fence, :durable, :status, :outcome,
                            :detail, :platformId, :url, cast(:due as timestamptz), cast(:since as timestamptz), :now,
                            :overtaken, :jobs, :task, :instance, :endJob, cast(:auditId as uuid),
                            cast(:auditAt as timestamptz), :actorType, :actorId, :actorLabel, :action, :targetType,
                            :targetId, cast(:details as jsonb), :ip, :userAgent, cast(:canonical as bytea))""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .param("target", target.value())
                .param("fence", fence)
                .param("durable", durable)
                .param("status", written.status().value())
                .param("outcome", outcome)
                .param("detail", detail)
                .param("platformId", written.platformId())
                .param("url", written.url() == null ? null : written.url().toString())
                .param("due", timestamp(written.dueAt()))
                .param("since", timestamp(written.reconcileSince()))
                .param("now", Timestamp.from(now))
                .param(
                        "overtaken",
                        "A newer attempt took over; this outcome was not applied: " + outcome
                                + (detail == null ? "" : " (" + detail + ")"))
                .param("jobs", jobs)
                .param("task", Dispatch.TASK)
                .param("instance", target.toString())
                .param("endJob", written.endJob())
                .param("auditId", audit == null ? null : audit.id())
                .param("auditAt", timestamp(audit == null ? null : audit.at()))
                .param("actorType", audit == null ? null : audit.actorType())
                .param("actorId", audit == null ? null : audit.actorId())
                .param("actorLabel", audit == null ? null : audit.actorLabel())
                .param("action", audit == null ? null : audit.action())
                .param("targetType", audit == null ? null : audit.targetType())
                .param("targetId", audit == null ? null : audit.targetId())
                .param("details", audit == null ? null : audit.details())
                .param("ip", audit == null ? null : audit.ip())
                .param("userAgent", audit == null ? null : audit.userAgent())
                .param("canonical", audit == null ? null : audit.canonical())
                .query(Boolean.class)
                .single());
    }
}
