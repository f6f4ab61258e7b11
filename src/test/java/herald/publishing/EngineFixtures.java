package herald.publishing;

import herald.TenantFixtures;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import herald.vault.Secret;
import herald.vault.SecretSlot;
import herald.vault.Vault;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tests that drive the dispatcher themselves start from (PublishingEngineTests, PausingTests): a workspace, a
 * connection to the scripted platform, and a post made due now.
 */
final class EngineFixtures {

    private final ApplicationContext context;
    private final TenantScope tenants;
    private final JdbcClient jdbc;
    private final Vault vault;
    private final Posts posts;

    EngineFixtures(ApplicationContext context) {
        this.context = context;
        this.tenants = context.getBean(TenantScope.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.vault = context.getBean(Vault.class);
        this.posts = context.getBean(Posts.class);
    }

    WorkspaceId workspace(String plan) {
        return TenantFixtures.of(context)
                .signUp("Engine", plan)
                .workspace()
                .orElseThrow()
                .id();
    }

    ConnectionId connection(WorkspaceId workspace) {
        UUID id = UUID.randomUUID();
        tenants.run(workspace, () -> jdbc.sql(
                        """
                        insert into connections (workspace_id, id, provider, external_id, account_type, label,
                            username, display_name, status, access_token, refresh_token, expires_at)
                        values (:workspace, :id, 'scripted', :external, 'company', 'Scripted', 'scripted',
                            'Scripted', 'active', :access, :refresh, now() + interval '2 hours')""")
                .param("workspace", workspace.value())
                .param("id", id)
                .param("external", id.toString())
                .param("access", vault.seal(new SecretSlot(workspace, id, "connection.access_token"), Secret.of("a")))
                .param("refresh", vault.seal(new SecretSlot(workspace, id, "connection.refresh_token"), Secret.of("r")))
                .update());
        return new ConnectionId(id);
    }

    /** A post scheduled at {@code at} on the connections. */
    Post scheduled(WorkspaceId workspace, Instant at, ConnectionId... connections) {
        return posts.create(
                workspace,
                new NewPost(
                        "Engine " + UUID.randomUUID(),
                        null,
                        List.of(),
                        java.util.Arrays.stream(connections)
                                .map(c -> new NewPost.NewTarget(c, null))
                                .toList(),
                        at.toString(),
                        null,
                        false));
    }

    /** A post scheduled in an hour, whose targets are then made due now: the test runs the dispatcher itself. */
    Post due(WorkspaceId workspace, ConnectionId... connections) {
        Post post = scheduled(workspace, Instant.now().plusSeconds(3600), connections);
        makeDue(workspace, post.id());
        return post;
    }

    /** A post of {@code body} and {@code link} on {@code connection}, scheduled far ahead, then made due now. */
    Post due(WorkspaceId workspace, ConnectionId connection, String body, @Nullable String link) {
        return due(
                workspace,
                new NewPost(
                        body,
                        link,
                        List.of(),
                        List.of(new NewPost.NewTarget(connection, null)),
                        "2099-05-01T12:00",
                        "Europe/Berlin",
                        false));
    }

    /** {@code post} created, then made due now. */
    Post due(WorkspaceId workspace, NewPost post) {
        Post created = posts.create(workspace, post);
        makeDue(workspace, created.id());
        return created;
    }

    /** What the target's journal noted under {@code key}, null when nothing. */
    @Nullable
    String journal(WorkspaceId workspace, Target target, String key) {
        return tenants.call(workspace, () -> jdbc.sql("select journal ->> ? from post_targets where id = ?")
                .param(1, key)
                .param(2, target.id().value())
                .query(String.class)
                .single());
    }

    /** Its targets' time has come (or passed a minute ago, while their account was paused). */
    void makeDue(WorkspaceId workspace, PostId post) {
        tenants.run(workspace, () -> jdbc.sql("update post_targets set due_at = now() where post_id = :post")
                .param("post", post.value())
                .update());
    }
}
