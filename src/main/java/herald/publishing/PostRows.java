package herald.publishing;

import static herald.database.SqlTimes.timestamp;

import herald.assets.AssetId;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The writes of the post's own row (with its thread's media), and the post's row lock; {@link TargetRows} writes its
 * targets and {@link PostReads} queries them. Every method runs inside a tenant transaction that its caller opened.
 */
@Component
class PostRows {

    private final JdbcClient jdbc;
    private final ThreadMediaRows threadMedia;

    PostRows(JdbcClient jdbc, ThreadMediaRows threadMedia) {
        this.threadMedia = threadMedia;
        this.jdbc = jdbc;
    }

    void insert(
            WorkspaceId workspace,
            PostId id,
            String body,
            @Nullable String link,
            List<AssetId> media,
            PostStatus status,
            @Nullable PublishTime time,
            Instant now,
            Provenance provenance,
            List<String> tags,
            @Nullable UtmValues utm,
            boolean shortLinks,
            @Nullable String firstComment,
            ThreadContent thread,
            @Nullable String language) {
        utm(
                        jdbc.sql(
                                """
                        insert into posts (workspace_id, id, body, link, media_ids, status, scheduled_at, timezone,
                            created_at, updated_at, origin, created_by_type, created_by_id, created_by_label, tags,
                            first_comment, short_links, thread, language, tag_links, utm_values)
                        values (:workspace, :id, :body, :link, :media, :status, :scheduledAt, :timezone, :now, :now,
                            :origin, :createdByType, :createdById, :createdByLabel, :tags, :firstComment, :shortLinks,
                            :thread, :language, :tagLinks,
                            """
                                        + UTM_VALUES + ")"),
                        utm)
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("body", body)
                .param("link", link)
                .param("media", uuids(media))
                .param("status", status.value())
                .param("scheduledAt", timestamp(time == null ? null : time.instant()))
                .param("timezone", time == null ? null : time.timezone())
                .param("now", Timestamp.from(now))
                .param("origin", provenance.origin().value())
                .param("createdByType", provenance.actorType())
                .param("createdById", provenance.actorId())
                .param("createdByLabel", label(provenance.actorLabel()))
                .param("tags", tags.toArray(String[]::new))
                .param("firstComment", firstComment)
                .param("shortLinks", shortLinks)
                .param("thread", thread.parts().toArray(String[]::new))
                .param("language", language)
                .update();
        threadMedia.insert(workspace, id, thread.media());
    }

    /** The post's UTM values as {@code posts.utm_values} holds them, null when it does not tag its links. */
    private static final String UTM_VALUES =
            """
            case when :tagLinks then jsonb_build_object('source', cast(:utmSource as text),
                'medium', cast(:utmMedium as text), 'campaign', cast(:utmCampaign as text),
                'content', cast(:utmContent as text), 'term', cast(:utmTerm as text)) end""";

    private static JdbcClient.StatementSpec utm(JdbcClient.StatementSpec statement, @Nullable UtmValues utm) {
        return statement
                .param("tagLinks", utm != null)
                .param("utmSource", utm == null ? null : utm.source())
                .param("utmMedium", utm == null ? null : utm.medium())
                .param("utmCampaign", utm == null ? null : utm.campaign())
                .param("utmContent", utm == null ? null : utm.content())
                .param("utmTerm", utm == null ? null : utm.term());
    }

    private static @Nullable String label(@Nullable String label) {
        return label == null || label.length() <= 300 ? label : label.substring(0, 300);
    }

    void update(
            WorkspaceId workspace,
            PostId id,
            String body,
            @Nullable String link,
            List<AssetId> media,
            PostStatus status,
            @Nullable Instant scheduledAt,
            @Nullable String timezone,
            @Nullable UtmValues utm,
            boolean shortLinks,
            @Nullable String firstComment,
            ThreadContent thread,
            @Nullable String language,
            Instant now) {
        utm(
                        jdbc.sql(
                                """
                        update posts set body = :body, link = :link, media_ids = :media, status = :status,
                            scheduled_at = :scheduledAt, timezone = :timezone, updated_at = :now,
                            first_comment = :firstComment, tag_links = :tagLinks, short_links = :shortLinks,
                            thread = :thread, language = :language, utm_values = """
                                        + UTM_VALUES + " where workspace_id = :workspace and id = :id"),
                        utm)
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("body", body)
                .param("link", link)
                .param("media", uuids(media))
                .param("status", status.value())
                .param("scheduledAt", timestamp(scheduledAt))
                .param("timezone", timezone)
                .param("firstComment", firstComment)
                .param("shortLinks", shortLinks)
                .param("thread", thread.parts().toArray(String[]::new))
                .param("language", language)
                .param("now", Timestamp.from(now))
                .update();
        threadMedia.replace(workspace, id, thread.media());
    }

    /** The post's status under a row lock, so edits, cancels and the dispatcher's claims take turns. */
    Optional<PostStatus> lock(WorkspaceId workspace, PostId id) {
        return jdbc.sql("select status from posts where workspace_id = :workspace and id = :id for update")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query((rs, n) -> PostStatus.of(rs.getString(1)))
                .optional();
    }

    void setStatus(WorkspaceId workspace, PostId id, PostStatus status, Instant now) {
        jdbc.sql("update posts set status = :status, updated_at = :now where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("status", status.value())
                .param("now", Timestamp.from(now))
                .update();
    }

    static UUID[] uuids(List<AssetId> ids) {
        return ids.stream().map(AssetId::value).toArray(UUID[]::new);
    }
}
