package herald.publishing;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and changes a workspace's link tagging (table {@code link_tagging}, V134). A workspace that never changed it
 * has no row and gets {@link LinkTaggingSetting#DEFAULT}.
 */
@Component
public class WorkspaceLinkTagging {

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final AuditLog audit;

    WorkspaceLinkTagging(JdbcClient jdbc, TenantScope tenants, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
    }

    public LinkTaggingSetting get(WorkspaceId workspace) {
        return tenants.call(workspace, () -> read(workspace).orElse(LinkTaggingSetting.DEFAULT));
    }

    /**
     * Replaces the workspace's setting, recorded in the audit log; changes nothing when a value is refused.
     *
     * @throws herald.shared.InvalidInput naming the value that is refused ({@link UtmValues#checked()})
     */
    public LinkTaggingSetting change(WorkspaceId workspace, LinkTaggingSetting setting) {
        UtmValues values = setting.values().checked();
        return tenants.call(workspace, () -> {
            jdbc.sql(
                            """
                            insert into link_tagging (workspace_id, enabled, utm_source, utm_medium, utm_campaign,
                                utm_content, utm_term, updated_at)
                            values (:workspace, :enabled, :source, :medium, :campaign, :content, :term, now())
                            on conflict (workspace_id) do update set enabled = excluded.enabled,
                                utm_source = excluded.utm_source, utm_medium = excluded.utm_medium,
                                utm_campaign = excluded.utm_campaign, utm_content = excluded.utm_content,
                                utm_term = excluded.utm_term, updated_at = excluded.updated_at""")
                    .param("workspace", workspace.value())
                    .param("enabled", setting.enabled())
                    .param("source", values.source())
                    .param("medium", values.medium())
                    .param("campaign", values.campaign())
                    .param("content", values.content())
                    .param("term", values.term())
                    .update();
            audit.record(
                    workspace,
                    "workspace.link_tagging_changed",
                    "workspace",
                    workspace.toString(),
                    Map.of(
                            "enabled", String.valueOf(setting.enabled()),
                            "utm_source", values.source(),
                            "utm_medium", values.medium(),
                            "utm_campaign", values.campaign()));
            return new LinkTaggingSetting(setting.enabled(), values);
        });
    }

    /**
     * How a post being created or edited gets its links tagged, for checking it against its targets' rules: null when
     * it is not tagged ({@code tagLinks} false, or null while the workspace's default is off).
     */
    public LinkTagging.@Nullable Plan plan(
            WorkspaceId workspace, @Nullable Boolean tagLinks, PostId post, Instant now) {
        if (Boolean.FALSE.equals(tagLinks)) {
            return null;
        }
        LinkTaggingSetting setting = get(workspace);
        if (tagLinks == null && !setting.enabled()) {
            return null;
        }
        return new LinkTagging.Plan(setting.values(), post, LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    /** Inside the workspace's transaction. */
    Optional<LinkTaggingSetting> read(WorkspaceId workspace) {
        return jdbc.sql("select * from link_tagging where workspace_id = :workspace")
                .param("workspace", workspace.value())
                .query(WorkspaceLinkTagging::setting)
                .optional();
    }

    /**
     * The UTM values a post keeps ({@code posts.utm_values}, read with its {@code tag_links} as {@code utm_source} ...
     * {@code utm_term}): null when it does not tag its links.
     */
    static @Nullable UtmValues ofPost(ResultSet rs) throws SQLException {
        if (!rs.getBoolean("tag_links")) {
            return null;
        }
        return new UtmValues(
                rs.getString("utm_source"),
                rs.getString("utm_medium"),
                rs.getString("utm_campaign"),
                rs.getString("utm_content"),
                rs.getString("utm_term"));
    }

    static LinkTaggingSetting setting(ResultSet rs, int row) throws SQLException {
        return new LinkTaggingSetting(
                rs.getBoolean("enabled"),
                new UtmValues(
                        rs.getString("utm_source"),
                        rs.getString("utm_medium"),
                        rs.getString("utm_campaign"),
                        rs.getString("utm_content"),
                        rs.getString("utm_term")));
    }
}
