package herald;

import herald.assets.Assets;
import herald.assets.Folders;
import herald.assets.SampleMedia;
import herald.assets.Upload;
import herald.database.TenantScope;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.identity.IssuedApiKey;
import herald.identity.User;
import herald.identity.Users;
import herald.shared.WorkspaceId;
import herald.tenancy.Invitations;
import herald.tenancy.IssuedInvitation;
import herald.tenancy.Role;
import herald.tenancy.SignUp;
import herald.tenancy.Workspace;
import herald.vault.Secret;
import herald.vault.SecretSlot;
import herald.vault.Vault;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Workspaces with a row in every tenant table, made through the domain services as a user would make them: an owner
 * who signed up, a member who joined by invitation, an open invitation, an API key, an asset in a default folder,
 * a review link, and the audit entries of all that.
 */
public final class TenantFixtures {

    public static final String PASSWORD = "quiet-harbour-lantern-42";

    private final SignUp signUp;
    private final Users users;
    private final Invitations invitations;
    private final ApiKeys apiKeys;
    private final TenantScope tenants;
    private final JdbcClient jdbc;
    private final Vault vault;
    private final Folders folders;
    private final Assets assets;
    private final ApplicationContext context;

    private TenantFixtures(ApplicationContext context) {
        this.context = context;
        this.signUp = context.getBean(SignUp.class);
        this.users = context.getBean(Users.class);
        this.invitations = context.getBean(Invitations.class);
        this.apiKeys = context.getBean(ApiKeys.class);
        this.tenants = context.getBean(TenantScope.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.vault = context.getBean(Vault.class);
        this.folders = context.getBean(Folders.class);
        this.assets = context.getBean(Assets.class);
    }

    public static TenantFixtures of(ApplicationContext context) {
        return new TenantFixtures(context);
    }

    /** A workspace, its owner, a member, an open invitation and an API key. */
    public record Tenant(
            Workspace workspace, User owner, User member, IssuedInvitation openInvitation, IssuedApiKey key) {

        public WorkspaceId id() {
            return workspace.id();
        }
    }

    /** A fixture secret, sealed where the connections module would seal it, so key rotation finds real ciphertext. */
    private byte[] seal(WorkspaceId workspace, UUID row, String purpose) {
        return vault.seal(new SecretSlot(workspace, row, purpose), Secret.of("fixture-" + purpose));
    }

    /**
     * An active Sandbox account row of {@code workspace}, as a finished connect leaves it; without tokens, which nothing
     * needs until something publishes through it.
     */
    public static herald.connections.ConnectionId sandboxAccount(
            TenantScope tenants, JdbcClient jdbc, WorkspaceId workspace, String handle) {
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
        return new herald.connections.ConnectionId(id);
    }

    public static String uniqueEmail(String label) {
        return label.toLowerCase().replaceAll("[^a-z0-9]", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A user who signed up with a workspace of their own on {@code plan}. */
    public SignUp.Result signUp(String label, String plan) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        return signUp.signUp(
                new SignUp.Form(
                        uniqueEmail(label + "owner"),
                        PASSWORD,
                        label + " Owner",
                        label + " " + suffix,
                        "Europe/Berlin"),
                plan);
    }

    public User user(String label) {
        return users.register(uniqueEmail(label), label, PASSWORD);
    }

    public Tenant tenant(String label) {
        SignUp.Result owner = signUp(label, "pro");
        Workspace workspace = owner.workspace().orElseThrow();
        User member = user(label + " member");
        var invitation = invitations.invite(
                workspace.id(), member.email(), Role.EDITOR, owner.user().id());
        invitations.accept(invitation.token(), member.id());
        IssuedInvitation open = invitations.invite(
                workspace.id(), null, Role.VIEWER, owner.user().id());
        IssuedApiKey key = apiKeys.create(
                workspace.id(),
                label + " key",
                Set.of(ApiKeyScope.READ),
                null,
                owner.user().id());
        // A remembered API response, as the Idempotency-Key filter stores it, so every tenant table has rows.
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into idempotency_keys (workspace_id, key, fingerprint, state, locked_until, status)
                        values (:workspace, :key, '\\x00', 'completed', now(), 201)""")
                .param("workspace", workspace.id().value())
                .param("key", "fixture-" + UUID.randomUUID())
                .update());
        // A connected account, a connect in progress and a refresh attempt, as the connections module stores them.
        UUID connection = UUID.randomUUID();
        UUID state = UUID.randomUUID();
        tenants.run(workspace.id(), () -> {
            jdbc.sql(
                            """
                            insert into connections (workspace_id, id, provider, external_id, account_type, label,
                                username, display_name, status, access_token, refresh_token, expires_at)
                            values (:workspace, :id, 'sandbox', :external, 'company', :label, 'fixture',
                                'Fixture', 'active', :access, :refresh, now() + interval '2 hours')""")
                    .param("workspace", workspace.id().value())
                    .param("id", connection)
                    .param("access", seal(workspace.id(), connection, "connection.access_token"))
                    .param("refresh", seal(workspace.id(), connection, "connection.refresh_token"))
                    .param("external", UUID.randomUUID().toString())
                    .param("label", label + " account")
                    .update();
            jdbc.sql(
                            """
                            insert into oauth_states (workspace_id, id, state_hash, provider, account_type, flow,
                                initiator_type, initiator_id, reconnect_id, pkce_verifier, redirect_uri, expires_at)
                            values (:workspace, :id, :hash, 'sandbox', 'company', 'ui', 'user', :user, :connection,
                                :verifier, 'http://localhost/connections/callback/sandbox', now() + interval '10 minutes')""")
                    .param("workspace", workspace.id().value())
                    .param("id", state)
                    .param("verifier", seal(workspace.id(), state, "oauth_state.pkce_verifier"))
                    .param("hash", UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .param("user", owner.user().id().toString())
                    .param("connection", connection)
                    .update();
            jdbc.sql(
                            """
                            insert into token_refresh_history (workspace_id, id, connection_id, attempted_at, trigger,
                                outcome)
                            values (:workspace, :id, :connection, now(), 'sweep', 'refreshed')""")
                    .param("workspace", workspace.id().value())
                    .param("id", UUID.randomUUID())
                    .param("connection", connection)
                    .update();
        });
        // A published post with its target and the attempt that published it, as the publishing module stores them.
        UUID post = UUID.randomUUID();
        UUID target = UUID.randomUUID();
        tenants.run(workspace.id(), () -> {
            jdbc.sql(
                            """
                            insert into posts (workspace_id, id, body, status, scheduled_at)
                            values (:workspace, :id, 'Fixture post', 'published', now())""")
                    .param("workspace", workspace.id().value())
                    .param("id", post)
                    .update();
            jdbc.sql(
                            """
                            insert into post_targets (workspace_id, id, post_id, connection_id, provider, account,
                                account_handle, status, attempts, fence, platform_post_id, platform_url, published_at)
                            values (:workspace, :id, :post, :connection, 'sandbox', 'Sandbox @fixture', 'fixture',
                                'published', 1, 1, 'p1', 'http://localhost/sandbox/@fixture/p1', now())""")
                    .param("workspace", workspace.id().value())
                    .param("id", target)
                    .param("post", post)
                    .param("connection", connection)
                    .update();
            jdbc.sql(
                            """
                            insert into publish_attempts (workspace_id, target_id, fence, reconciling, node,
                                finished_at, outcome)
                            values (:workspace, :target, 1, false, 'fixture', now(), 'published')""")
                    .param("workspace", workspace.id().value())
                    .param("target", target)
                    .update();
        });
        // A card of a page the workspace's posts link to, as LinkCards keeps it.
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into link_cards (workspace_id, url, title, description, fetched_at)
                        values (:workspace, 'https://example.com/menu', 'Menu', 'Today', now())""")
                .param("workspace", workspace.id().value())
                .update());
        // A medium of the post's thread's first part, as ThreadMediaRows stores it.
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into post_thread_media (workspace_id, post_id, position, ordinal, asset_id)
                        values (:workspace, :post, 1, 1, :asset)""")
                .param("workspace", workspace.id().value())
                .param("post", post)
                .param("asset", UUID.randomUUID())
                .update());
        // A part of the published target's thread, posted as a reply to it, as ThreadParts leaves it.
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into post_thread_parts (workspace_id, target_id, position, post_id, status, fence,
                            attempts, platform_id, url, posted_at)
                        values (:workspace, :target, 1, :post, 'posted', 1, 1, 'p2',
                            'http://localhost/sandbox/@fixture/p2', now())""")
                .param("workspace", workspace.id().value())
                .param("target", target)
                .param("post", post)
                .update());
        // The published post kept in the evergreen library, as Evergreen.add keeps it.
        tenants.run(workspace.id(), () -> jdbc.sql(
                        "insert into post_evergreen (workspace_id, post_id, shares) values (:workspace, :post, 1)")
                .param("workspace", workspace.id().value())
                .param("post", post)
                .update());
        // A short link of the published target, followed once, as publishing writes it and a reader's click counts it.
        String code = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into short_links (code, workspace_id, post_id, target_id, part, url)
                        values (:code, :workspace, :post, :target, 'text', 'https://fixture.example/menu')""")
                .param("code", code)
                .param("workspace", workspace.id().value())
                .param("post", post)
                .param("target", target)
                .update());
        context.getBean(herald.publishing.ShortLinks.class).follow(code, true);
        // The post's anti-repetition vector, as the content module stores it (a zero vector will do here).
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into post_vectors (workspace_id, post_id, text, text_hash, model, vector, at)
                        values (:workspace, :post, 'Fixture post', sha256('Fixture post'::bytea), 'all-minilm-l6-v2',
                            decode(repeat('00', 1536), 'hex'), now())
                        on conflict do nothing""")
                .param("workspace", workspace.id().value())
                .param("post", post)
                .update());
        // An agent with its key, a grant on the connected account, and the post above as one it created.
        var agent = context.getBean(herald.agents.Agents.class)
                .create(
                        workspace.id(),
                        label + " agent",
                        "Fixture agent",
                        owner.user().id());
        context.getBean(herald.agents.Grants.class)
                .grant(
                        workspace.id(),
                        agent.agent().id(),
                        new herald.agents.NewGrant(
                                new herald.connections.ConnectionId(connection),
                                Set.of(herald.agents.Capability.POST_CREATE),
                                true,
                                5));
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into agent_posts (workspace_id, id, agent_id, connection_id, post_id, channel, approval)
                        values (:workspace, :id, :agent, :connection, :post, 'agent_api', 'none')""")
                .param("workspace", workspace.id().value())
                .param("id", UUID.randomUUID())
                .param("agent", agent.agent().id().value())
                .param("connection", connection)
                .param("post", post)
                .update());
        // A finished calendar run with one planned slot and one log line, as the content module stores them.
        UUID calendarRun = UUID.randomUUID();
        tenants.run(workspace.id(), () -> {
            jdbc.sql(
                            """
                            insert into calendar_runs (workspace_id, id, month, posts, ai_for_all, status, done, total,
                                created_by_origin, created_by_type, finished_at)
                            values (:workspace, :id, '2026-12', 5, false, 'succeeded', 5, 5, 'ui', 'user', now())""")
                    .param("workspace", workspace.id().value())
                    .param("id", calendarRun)
                    .update();
            jdbc.sql(
                            """
                            insert into calendar_slots (workspace_id, run_id, position, post_type, local_at,
                                scheduled_at, caption, mode)
                            values (:workspace, :run, 1, 'promotional', '2026-12-03 09:10', now(), 'Fixture', 'template')""")
                    .param("workspace", workspace.id().value())
                    .param("run", calendarRun)
                    .update();
            jdbc.sql(
                            """
                            insert into calendar_log (workspace_id, run_id, level, message, done)
                            values (:workspace, :run, 'info', 'Fixture line', 5)""")
                    .param("workspace", workspace.id().value())
                    .param("run", calendarRun)
                    .update();
        });
        // The workspace's own AI endpoint with a sealed key, a logged generation and the month's usage, as the
        // content module stores them.
        UUID aiEndpoint = UUID.randomUUID();
        tenants.run(workspace.id(), () -> {
            jdbc.sql(
                            """
                            insert into ai_endpoints (workspace_id, id, base_url, model, api_key, key_hint)
                            values (:workspace, :id, 'https://api.openai.com/v1', 'gpt-4o-mini', :key, 'sk-…ture')""")
                    .param("workspace", workspace.id().value())
                    .param("id", aiEndpoint)
                    .param("key", seal(workspace.id(), aiEndpoint, "ai_endpoint.api_key"))
                    .update();
            jdbc.sql(
                            """
                            insert into ai_generations (workspace_id, id, purpose, source, model, endpoint_host,
                                system_prompt, user_prompt, response, status, prompt_tokens, completion_tokens,
                                cost_micros, latency_ms, actor, created_at)
                            values (:workspace, :id, 'caption', 'workspace', 'gpt-4o-mini', 'api.openai.com',
                                'You write.', 'A caption.', 'Fixture caption.', 'succeeded', 10, 5, 5, 120, 'system',
                                now())""")
                    .param("workspace", workspace.id().value())
                    .param("id", UUID.randomUUID())
                    .update();
            jdbc.sql(
                            """
                            insert into ai_usage (workspace_id, month, prompt_tokens, completion_tokens, cost_micros,
                                generations)
                            values (:workspace, date_trunc('month', now())::date, 10, 5, 5, 1)""")
                    .param("workspace", workspace.id().value())
                    .update();
        });
        // A webhook endpoint with its sealed secret and a test delivery, through the webhooks module (a public IP
        // literal needs no DNS; no test node sends it).
        var webhooks = context.getBean(herald.webhooks.WebhookEndpoints.class);
        var endpoint = webhooks.create(
                workspace.id(),
                new herald.webhooks.WebhookEndpointDraft(
                        "https://93.184.215.14/hooks", java.util.List.of("post.published"), label, true));
        webhooks.sendTest(workspace.id(), endpoint.endpoint().id());
        // A snippet, through the content module.
        context.getBean(herald.content.Snippets.class).create(workspace.id(), "Hashtags " + label, "#fixture");
        // A feed with the item that made the published post, as the feeds module stores them after a check.
        UUID feed = UUID.randomUUID();
        tenants.run(workspace.id(), () -> {
            jdbc.sql(
                            """
                            insert into feeds (workspace_id, id, url, title, connection_ids, mode, next_check_at)
                            values (:workspace, :id, 'https://93.184.215.14/feed.xml', 'Fixture feed',
                                array[:connection]::uuid[], 'draft', now() + interval '15 minutes')""")
                    .param("workspace", workspace.id().value())
                    .param("id", feed)
                    .param("connection", connection)
                    .update();
            jdbc.sql(
                            """
                            insert into feed_items (workspace_id, feed_id, id, item_key, title, outcome, post_id)
                            values (:workspace, :feed, :id, encode(sha256('fixture'::bytea), 'hex'), 'Fixture item',
                                'posted', :post)""")
                    .param("workspace", workspace.id().value())
                    .param("feed", feed)
                    .param("id", UUID.randomUUID())
                    .param("post", post)
                    .update();
        });
        // The published post repeated every week, as the publishing module stores a repeating post; its series has
        // ended, so that the repeat sweep does not make its next occurrence (new rows of posts, post_targets and
        // post_repeats) while TenantIsolationTests counts those tables' rows before and after a statement.
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into post_repeats (workspace_id, post_id, every, starts_at, zone, ended)
                        values (:workspace, :post, 'week', localtimestamp, 'Europe/Berlin', 'Stopped by the fixture.')""")
                .param("workspace", workspace.id().value())
                .param("post", post)
                .update());
        // A rejection's note that sent the post back, as PostApprovals stores it.
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into post_sent_back (workspace_id, post_id, note, sent_by, sent_at)
                        values (:workspace, :post, 'Fixture note', 'fixture@example.com', now())""")
                .param("workspace", workspace.id().value())
                .param("post", post)
                .update());
        // A note on the published post, through the publishing module.
        context.getBean(herald.publishing.PostNotes.class)
                .add(workspace.id(), new herald.publishing.PostId(post), "Fixture note");
        // The published target's figures, as the analytics sweep stores them after a reading.
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into post_metrics (workspace_id, target_id, post_id, connection_id, provider, account,
                            published_at, counts, views, engagements, reads, read_at, next_read_at)
                        values (:workspace, :target, :post, :connection, 'sandbox', 'Sandbox @fixture', now(),
                            '{"likes": 3, "impressions": 40}', 40, 3, 1, now(), now() + interval '6 hours')""")
                .param("workspace", workspace.id().value())
                .param("target", target)
                .param("post", post)
                .param("connection", connection)
                .update());
        // The published target watched by the inbox, and a comment someone wrote under it.
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into inbox_watches (workspace_id, target_id, post_id, connection_id, provider,
                            account_handle, platform_post_id, published_at, next_read_at)
                        values (:workspace, :target, :post, :connection, 'sandbox', 'fixture', 'fixture-post', now(),
                            now() + interval '2 minutes')""")
                .param("workspace", workspace.id().value())
                .param("target", target)
                .param("post", post)
                .param("connection", connection)
                .update());
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into inbox_comments (workspace_id, id, target_id, post_id, connection_id, provider,
                            external_id, author_handle, author_name, text, written_at, found_at)
                        values (:workspace, gen_random_uuid(), :target, :post, :connection, 'sandbox', 'c-1', 'moe',
                            'Moe', 'Nice one', now(), now())""")
                .param("workspace", workspace.id().value())
                .param("target", target)
                .param("post", post)
                .param("connection", connection)
                .update());
        // The account's audience snapshot of today, as the analytics audience snapshot stores it.
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into audience_snapshots (workspace_id, connection_id, day, followers, following, posts,
                            read_at)
                        values (:workspace, :connection, current_date, 120, 20, 3, now())""")
                .param("workspace", workspace.id().value())
                .param("connection", connection)
                .update());
        // An unread notification of the owner about the post, as the notifications module stores it, and a kind the
        // member muted, through that module.
        // It waits to be e-mailed (as it would with spring.mail.host set), and the member chose a daily digest.
        UUID notification = UUID.randomUUID();
        tenants.run(workspace.id(), () -> {
            jdbc.sql(
                            """
                            insert into notifications (workspace_id, id, user_id, kind, title, body, link, post_id)
                            values (:workspace, :id, :user, 'post_failed', 'A post failed: “Fixture post”',
                                'Sandbox @fixture did not publish it: fixture.', :link, :post)""")
                    .param("workspace", workspace.id().value())
                    .param("id", notification)
                    .param("user", owner.user().id().value())
                    .param("link", "/w/" + workspace.slug() + "/posts/" + post)
                    .param("post", post)
                    .update();
            jdbc.sql(
                            """
                            insert into notification_emails (workspace_id, notification_id, user_id, delivery, due_at)
                            values (:workspace, :id, :user, 'immediately', now() + interval '1 day')""")
                    .param("workspace", workspace.id().value())
                    .param("id", notification)
                    .param("user", owner.user().id().value())
                    .update();
        });
        context.getBean(herald.notifications.NotificationEmails.class)
                .choose(
                        workspace.id(),
                        member.id(),
                        new herald.notifications.EmailPreference(herald.notifications.EmailDelivery.DAILY, 7));
        context.getBean(herald.notifications.NotificationMutes.class)
                .choose(
                        workspace.id(),
                        member.id(),
                        java.util.Set.of(herald.notifications.NotificationKind.POST_AWAITING_APPROVAL));
        // A review link for a client, through the reviews module.
        context.getBean(herald.reviews.ReviewLinks.class)
                .create(
                        workspace.id(),
                        new herald.reviews.ReviewLinkDraft(
                                label + " client",
                                java.time.Instant.now().minus(java.time.Duration.ofDays(1)),
                                java.time.Instant.now().plus(java.time.Duration.ofDays(30)),
                                java.util.List.of(new herald.connections.ConnectionId(connection)),
                                null,
                                true,
                                null),
                        owner.user().id());
        // A posting schedule of its own, and one of its account's, through the publishing module.
        var schedule = context.getBean(herald.publishing.PostingSchedule.class);
        schedule.replace(workspace.id(), java.util.Map.of(java.time.DayOfWeek.MONDAY, java.util.List.of("09:00")));
        schedule.replace(
                workspace.id(),
                new herald.connections.ConnectionId(connection),
                java.util.Map.of(java.time.DayOfWeek.FRIDAY, java.util.List.of("18:00")));
        // Its link tagging, turned on, through the publishing module.
        context.getBean(herald.publishing.WorkspaceLinkTagging.class)
                .change(
                        workspace.id(),
                        new herald.publishing.LinkTaggingSetting(true, herald.publishing.UtmValues.DEFAULTS));
        // A row of the vault tests' table (db/testmigration), which exists in every test database.
        tenants.run(workspace.id(), () -> jdbc.sql(
                        "insert into vault_test_secrets (workspace_id, id, secret) values (:workspace, :id, null)")
                .param("workspace", workspace.id().value())
                .param("id", UUID.randomUUID())
                .update());
        // An asset (and so a blob) in one of the default folders the new workspace got.
        var folder = folders.all(workspace.id()).getFirst();
        assets.upload(
                workspace.id(),
                folder.id(),
                new java.io.ByteArrayInputStream(SampleMedia.png(4, 4)),
                Upload.named(label + ".png"));
        // A persona besides the default one the new workspace got.
        context.getBean(herald.content.Personas.class)
                .create(
                        workspace.id(),
                        new herald.content.PersonaDraft(
                                label + " voice",
                                "",
                                "professional",
                                "",
                                java.util.List.of("fresh"),
                                java.util.List.of()),
                        false);
        return new Tenant(workspace, owner.user(), member, open, key);
    }
}
