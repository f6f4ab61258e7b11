package herald.web.ui;

import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.Posts;
import herald.shared.WorkspaceId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Connected Sandbox accounts and posts for the composer, calendar and posts page tests. */
final class PostsFixtures {

    private PostsFixtures() {}

    /** An account row as a finished connect leaves it; tokens are not needed until something publishes. */
    static ConnectionId account(TenantScope tenants, JdbcClient jdbc, WorkspaceId workspace, String handle) {
        return herald.TenantFixtures.sandboxAccount(tenants, jdbc, workspace, handle);
    }

    /** A post scheduled far ahead, so nothing publishes it during a test. */
    static Post scheduled(Posts posts, WorkspaceId workspace, ConnectionId account, String body, String localTime) {
        return posts.create(workspace, onOneAccount(account, body, localTime, null));
    }

    /** A post scheduled far ahead (2099) on {@code account}, with {@code firstComment} as its first comment. */
    static Post commented(Posts posts, WorkspaceId workspace, ConnectionId account, String body, String firstComment) {
        return posts.create(workspace, onOneAccount(account, body, "2099-05-01T12:00", firstComment));
    }

    /** A post for {@code account} alone at {@code localTime} in Europe/Berlin; {@code firstComment} null for none. */
    static NewPost onOneAccount(ConnectionId account, String body, String localTime, @Nullable String firstComment) {
        return new NewPost(
                body,
                null,
                List.of(),
                List.of(new NewPost.NewTarget(account, null)),
                localTime,
                "Europe/Berlin",
                false,
                List.of(),
                null,
                firstComment);
    }

    /** Leaves a post and its one target as the dispatcher would, last changed at {@code when} (SQL). */
    static void settle(
            TenantScope tenants,
            JdbcClient jdbc,
            WorkspaceId ws,
            Post post,
            String status,
            @Nullable String error,
            String when) {
        tenants.run(ws, () -> {
            jdbc.sql("update post_targets set status = :status, last_error = :error,"
                            + " published_at = case when :status = 'published' then now() end"
                            + " where workspace_id = :ws and post_id = :post")
                    .param("status", status)
                    .param("error", error)
                    .param("ws", ws.value())
                    .param("post", post.id().value())
                    .update();
            jdbc.sql("update posts set status = :status, updated_at = " + when
                            + " where workspace_id = :ws and id = :post")
                    .param("status", status)
                    .param("ws", ws.value())
                    .param("post", post.id().value())
                    .update();
        });
    }

    static final String UNKNOWN_WHY = "Herald sent this post but could not confirm whether the platform published it.";

    /**
     * Makes the post's first target look as the dispatcher leaves it after two attempts: a 503 retried, then a read
     * timeout the platform's list could not settle, so its outcome is unknown.
     */
    static void unknownAfterTwoAttempts(TenantScope tenants, JdbcClient jdbc, Post post) {
        var workspace = post.workspace().value();
        var target = post.targets().getFirst().id().value();
        tenants.run(post.workspace(), () -> {
            jdbc.sql(
                            """
                            insert into publish_attempts (workspace_id, target_id, fence, reconciling, node, started_at,
                                finished_at, outcome, detail)
                            values (:w, :t, 1, false, 'node-a', now() - interval '10 minutes',
                                    now() - interval '10 minutes' + interval '400 milliseconds', 'retry',
                                    'Sandbox answered 503: try again later.'),
                                   (:w, :t, 2, true, 'node-b', now() - interval '5 minutes',
                                    now() - interval '5 minutes' + interval '30 seconds', 'unknown', :why)""")
                    .param("w", workspace)
                    .param("t", target)
                    .param("why", UNKNOWN_WHY)
                    .update();
            jdbc.sql(
                            """
                            update post_targets set status = 'unknown', attempts = 2, fence = 2, last_error = :why
                            where workspace_id = :w and id = :t""")
                    .param("w", workspace)
                    .param("t", target)
                    .param("why", UNKNOWN_WHY)
                    .update();
            jdbc.sql("update posts set status = 'failed' where workspace_id = :w and id = :p")
                    .param("w", workspace)
                    .param("p", post.id().value())
                    .update();
        });
    }

    /**
     * Its one target published at {@code at} and read once, with {@code counts} (JSON) giving {@code views} and
     * {@code engagements}, as the analytics sweep leaves it.
     */
    static void published(
            TenantScope tenants,
            JdbcClient jdbc,
            Post post,
            java.time.Instant at,
            String counts,
            long views,
            long engagements) {
        var target = post.targets().getFirst();
        var when = java.sql.Timestamp.from(at);
        tenants.run(post.workspace(), () -> {
            jdbc.sql(
                            """
                            update post_targets set status = 'published', platform_post_id = 'p-1',
                                platform_url = 'http://localhost/sandbox/@krusty/p-1', published_at = :at
                            where workspace_id = :w and id = :t""")
                    .param("at", when)
                    .param("w", post.workspace().value())
                    .param("t", target.id().value())
                    .update();
            jdbc.sql("update posts set status = 'published' where workspace_id = :w and id = :p")
                    .param("w", post.workspace().value())
                    .param("p", post.id().value())
                    .update();
            jdbc.sql(
                            """
                            insert into post_metrics (workspace_id, target_id, post_id, connection_id, provider, account,
                                published_at, counts, views, engagements, reads, read_at, next_read_at)
                            values (:w, :t, :p, :c, 'sandbox', :account, :at, cast(:counts as jsonb), :views,
                                :engagements, 1, now(), now() + interval '5 hours')""")
                    .param("w", post.workspace().value())
                    .param("t", target.id().value())
                    .param("p", post.id().value())
                    .param("c", target.connection().value())
                    .param("account", target.account())
                    .param("at", when)
                    .param("counts", counts)
                    .param("views", views)
                    .param("engagements", engagements)
                    .update();
        });
    }

    /**
     * A short link of the post's first target to {@code url}, as publishing writes it, followed by {@code clicks}
     * people; its code.
     */
    static String shortLink(
            TenantScope tenants,
            JdbcClient jdbc,
            herald.publishing.ShortLinks links,
            Post post,
            String url,
            int clicks) {
        String code = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        tenants.run(post.workspace(), () -> jdbc.sql(
                        """
                        insert into short_links (code, workspace_id, post_id, target_id, part, url)
                        values (:code, :w, :p, :t, 'text', :url)""")
                .param("code", code)
                .param("w", post.workspace().value())
                .param("p", post.id().value())
                .param("t", post.targets().getFirst().id().value())
                .param("url", url)
                .update());
        for (int i = 0; i < clicks; i++) {
            links.follow(code, true);
        }
        return code;
    }
}
