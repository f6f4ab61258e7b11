package herald.audit;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The columns of entries as parallel arrays, for a statement that appends many in one call ({@code
 * herald_audit_append_many}, or an outcome batch's own call): a null entry leaves nulls in its place.
 */
public record AuditColumns(
        UUID[] ids,
        String[] ats,
        String[] actorTypes,
        String[] actorIds,
        String[] actorLabels,
        String[] actions,
        String[] targetTypes,
        String[] targetIds,
        String[] details,
        String[] ips,
        String[] userAgents,
        byte[][] canonicals) {

    public static AuditColumns of(List<? extends AuditLog.@Nullable Entry> entries) {
        int n = entries.size();
        var columns = new AuditColumns(
                new UUID[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new byte[n][]);
        for (int i = 0; i < n; i++) {
            AuditLog.Entry entry = entries.get(i);
            if (entry == null) {
                continue;
            }
            columns.ids[i] = entry.id();
            columns.ats[i] = entry.at().toString();
            columns.actorTypes[i] = entry.actorType();
            columns.actorIds[i] = entry.actorId();
            columns.actorLabels[i] = entry.actorLabel();
            columns.actions[i] = entry.action();
            columns.targetTypes[i] = entry.targetType();
            columns.targetIds[i] = entry.targetId();
            columns.details[i] = entry.details();
            columns.ips[i] = entry.ip();
            columns.userAgents[i] = entry.userAgent();
            columns.canonicals[i] = entry.canonical();
        }
        return columns;
    }

    /**
     * Binds the arrays as {@code :auditIds}, {@code :auditAts} (text, to cast to {@code timestamptz[]}), {@code
     * :actorTypes}, {@code :actorIds}, {@code :actorLabels}, {@code :actions}, {@code :targetTypes}, {@code
     * :targetIds}, {@code :details}, {@code :ips}, {@code :userAgents} and {@code :canonicals}.
     */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement
                .param("auditIds", ids)
                .param("auditAts", ats)
                .param("actorTypes", actorTypes)
                .param("actorIds", actorIds)
                .param("actorLabels", actorLabels)
                .param("actions", actions)
                .param("targetTypes", targetTypes)
                .param("targetIds", targetIds)
                .param("details", details)
                .param("ips", ips)
                .param("userAgents", userAgents)
                .param("canonicals", canonicals);
    }
}
