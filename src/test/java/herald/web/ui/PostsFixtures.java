package herald.web.ui;

import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.Posts;
import herald.shared.WorkspaceId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Connected Sandbox accounts and posts for the composer, calendar and posts page tests. */
final class PostsFixtures {

    private PostsFixtures() {}

    /** An account row as a finished connect leaves it; tokens are not needed until something publishes. */
    static ConnectionId account(TenantScope tenants, JdbcClient jdbc, WorkspaceId workspace, String handle) {
        UUID id = UUID.randomUUID();
        tenants.run(workspace, () -> jdbc.sql(
                        """
                        insert into connections (workspace_id, id, provider, external_id, account_type, label,
                            username, display_name, status, expires_at)
                        values (:workspace, :id, 'sandbox', :external, 'company', :handle, :handle, :handle, 'active',
                            now() + interval '2 hours')""")
                .param("workspace", workspace.value())
                .param("id", id)
                .param("external", UUID.randomUUID().toString())
                .param("handle", handle)
                .update());
        return new ConnectionId(id);
    }

    /** A post scheduled far ahead, so nothing publishes it during a test. */
    static Post scheduled(Posts posts, WorkspaceId workspace, ConnectionId account, String body, String localTime) {
        return posts.create(
                workspace,
                new NewPost(
                        body,
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(account, null)),
                        localTime,
                        "Europe/Berlin",
                        false));
    }
}
