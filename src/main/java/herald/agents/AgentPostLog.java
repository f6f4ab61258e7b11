package herald.agents;

import herald.connections.ConnectionId;
import herald.database.Keyset;
import herald.database.TenantScope;
import herald.publishing.PostId;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The posts agents created, each with the grant that allowed it, and the approval decision on it. A row is reserved
 * before the post is created, under the grant's row lock, so that two concurrent calls cannot both take the last post
 * of a daily cap; it is given its post once created, or discarded when the post was refused.
 */
@Component
class AgentPostLog {

    private static final Keyset NEWEST_CREATED_FIRST = Keyset.newestFirst("created_at", "post_id");

    private final JdbcClient jdbc;
    private final TenantScope tenants;

    AgentPostLog(JdbcClient jdbc, TenantScope tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    /** A reservation, or empty when the grant's cap for the day starting at {@code dayStart} is used up. */
    Optional<UUID> reserve(
            WorkspaceId workspace, AgentId agent, Grant grant, Channel channel, Instant dayStart, Instant now) {
        return tenants.call(workspace, () -> {
            jdbc.sql("select id from agent_grants where workspace_id = :workspace and id = :id for update")
                    .param("workspace", workspace.value())
                    .param("id", grant.id().value())
                    .query()
                    .listOfRows();
            if (grant.dailyCap() != null && usedSince(workspace, grant.id(), dayStart) >= grant.dailyCap()) {
                return Optional.empty();
            }
            UUID id = UUID.randomUUID();
            jdbc.sql(
                            """
                            insert into agent_posts (workspace_id, id, agent_id, grant_id, connection_id, channel,
                                approval, created_at)
                            values (:workspace, :id, :agent, :grant, :connection, :channel, 'none', :now)""")
                    .param("workspace", workspace.value())
                    .param("id", id)
                    .param("agent", agent.value())
                    .param("grant", grant.id().value())
                    .param("connection", grant.connection().value())
                    .param("channel", channel.value())
                    .param("now", Timestamp.from(now))
                    .update();
            return Optional.of(id);
        });
    }

    /** Posts through the grant since {@code since}, rejected ones aside. */
    int usedSince(WorkspaceId workspace, GrantId grant, Instant since) {
        return tenants.call(workspace, () -> jdbc.sql(
                        """
                        select count(*) from agent_posts
                        where workspace_id = :workspace and grant_id = :grant and created_at >= :since
                          and approval <> 'rejected'""")
                .param("workspace", workspace.value())
                .param("grant", grant.value())
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single());
    }

    void attach(WorkspaceId workspace, UUID reservation, PostId post, boolean pending) {
        tenants.run(workspace, () -> jdbc.sql(
                        """
                        update agent_posts set post_id = :post, approval = :approval
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", reservation)
                .param("post", post.value())
                .param("approval", pending ? "pending" : "none")
                .update());
    }

    void discard(WorkspaceId workspace, UUID reservation) {
        tenants.run(workspace, () -> jdbc.sql("delete from agent_posts where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", reservation)
                .update());
    }

    /** A post the agent created, where the agent's listing places it: when it was created, then its id. */
    record Created(PostId post, Instant at) {}

    /**
     * The posts the agent created, newest first, {@code limit} after the position {@code (afterTime, afterId)} of the
     * previous page's last one (none for the first page).
     */
    List<Created> postsOf(
            WorkspaceId workspace, AgentId agent, @Nullable Instant afterTime, @Nullable PostId afterId, int limit) {
        Keyset.After after = afterTime == null || afterId == null ? null : new Keyset.After(afterTime, afterId.value());
        return tenants.call(workspace, () -> NEWEST_CREATED_FIRST
                .page(
                        jdbc,
                        """
                        select post_id, created_at from agent_posts
                        where workspace_id = :workspace and agent_id = :agent and post_id is not null""",
                        after,
                        limit)
                .param("workspace", workspace.value())
                .param("agent", agent.value())
                .query((rs, n) -> new Created(
                        new PostId(rs.getObject(1, UUID.class)),
                        rs.getTimestamp(2).toInstant()))
                .list());
    }

    boolean createdBy(WorkspaceId workspace, AgentId agent, PostId post) {
        return tenants.call(
                workspace,
                () -> jdbc.sql(
                                        """
                                select count(*) from agent_posts
                                where workspace_id = :workspace and agent_id = :agent and post_id = :post""")
                                .param("workspace", workspace.value())
                                .param("agent", agent.value())
                                .param("post", post.value())
                                .query(Integer.class)
                                .single()
                        > 0);
    }

    /** Who created each post, for the approval queue: post id to agent id and name. */
    Map<PostId, String> agentNames(WorkspaceId workspace, List<PostId> posts) {
        if (posts.isEmpty()) {
            return Map.of();
        }
        return tenants.call(workspace, () -> {
            Map<PostId, String> names = new java.util.HashMap<>();
            jdbc.sql(
                            """
                            select p.post_id, a.name from agent_posts p
                            join agents a on a.workspace_id = p.workspace_id and a.id = p.agent_id
                            where p.workspace_id = :workspace and p.post_id in (:posts)""")
                    .param("workspace", workspace.value())
                    .param("posts", posts.stream().map(PostId::value).toList())
                    .query((rs, n) -> names.put(new PostId(rs.getObject(1, UUID.class)), rs.getString(2)))
                    .list();
            return names;
        });
    }

    void decide(
            WorkspaceId workspace,
            PostId post,
            boolean approved,
            @Nullable UserId by,
            @Nullable String note,
            Instant now) {
        tenants.run(workspace, () -> jdbc.sql(
                        """
                        update agent_posts set approval = :approval, decided_by = :by, decided_at = :now, note = :note
                        where workspace_id = :workspace and post_id = :post""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .param("approval", approved ? "approved" : "rejected")
                .param("by", by == null ? null : by.value())
                .param("now", Timestamp.from(now))
                .param("note", note)
                .update());
    }

    /** Connection of each of the agent's posts is its grant's; used to find it again. */
    Optional<ConnectionId> connectionOf(WorkspaceId workspace, PostId post) {
        return tenants.call(workspace, () -> jdbc.sql(
                        "select connection_id from agent_posts where workspace_id = :workspace and post_id = :post")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query((rs, n) -> new ConnectionId(rs.getObject(1, UUID.class)))
                .optional());
    }
}
