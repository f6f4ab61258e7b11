package herald.publishing;

import herald.audit.AuditLog;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The SQL of {@link PublishedOutcomes}: the published outcomes of many targets, of any workspaces, in one call to
 * {@code herald_complete_published} (V172), its own transaction.
 */
@Component
class PublishedRows {

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

    /** db-scheduler's table, where an applied outcome deletes the target's job. */
    private final String jobs;

    PublishedRows(JdbcClient jdbc, @Value("${db-scheduler.table-name:scheduled_tasks}") String jobs) {
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
    BitSet complete(List<Published> outcomes, Instant now) {
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
        var auditIds = new UUID[n];
        var auditAts = new String[n];
        var actorTypes = new String[n];
        var actorIds = new String[n];
        var actorLabels = new String[n];
        var actions = new String[n];
        var targetTypes = new String[n];
        var targetIds = new String[n];
        var details = new String[n];
        var ips = new String[n];
        var userAgents = new String[n];
        var canonicals = new byte[n][];
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
            AuditLog.Entry entry = o.audit();
            if (entry != null) {
                auditIds[i] = entry.id();
                auditAts[i] = entry.at().toString();
                actorTypes[i] = entry.actorType();
                actorIds[i] = entry.actorId();
                actorLabels[i] = entry.actorLabel();
                actions[i] = entry.action();
                targetTypes[i] = entry.targetType();
                targetIds[i] = entry.targetId();
                details[i] = entry.details();
                ips[i] = entry.ip();
                userAgents[i] = entry.userAgent();
                canonicals[i] = entry.canonical();
            }
        }
        var applied = new BitSet(n);
        jdbc.sql(
                        """
                        select herald_complete_published(:workspaces, :posts, :targets, :fences, :outcomes,
                            :platformIds, :urls, cast(:ats as timestamptz[]), :now, :jobs, :task, :auditIds,
                            cast(:auditAts as timestamptz[]), :actorTypes, :actorIds, :actorLabels, :actions,
                            :targetTypes, :targetIds, :details, :ips, :userAgents, :canonicals)""")
                .param("workspaces", workspaces)
                .param("posts", posts)
                .param("targets", targets)
                .param("fences", fences)
                .param("outcomes", words)
                .param("platformIds", platformIds)
                .param("urls", urls)
                .param("ats", ats)
                .param("now", java.sql.Timestamp.from(now))
                .param("jobs", jobs)
                .param("task", Dispatch.TASK)
                .param("auditIds", auditIds)
                .param("auditAts", auditAts)
                .param("actorTypes", actorTypes)
                .param("actorIds", actorIds)
                .param("actorLabels", actorLabels)
                .param("actions", actions)
                .param("targetTypes", targetTypes)
                .param("targetIds", targetIds)
                .param("details", details)
                .param("ips", ips)
                .param("userAgents", userAgents)
                .param("canonicals", canonicals)
                .query((rs, row) -> {
                    applied.set(rs.getInt(1) - 1);
                    return null;
                })
                .list();
        return applied;
    }
}
