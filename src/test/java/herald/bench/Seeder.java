package herald.bench;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import herald.HeraldApplication;
import herald.shared.WorkspaceId;
import herald.vault.Secret;
import herald.vault.SecretSlot;
import herald.vault.Vault;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Seeds a scenario in bulk, with SQL as the schema owner (documented in docs/benchmarks.md): workspaces on the
 * enterprise plan, one Sandbox connection per account with tokens sealed by Herald's own vault (the one thing that
 * needs Herald's code, run here as an application context without web traffic or jobs), and posts with one target
 * each, scheduled as db-scheduler executions far in the future. {@link #due} then moves them to the instant the
 * scenario measures from, once the nodes are up. The benchmark measures dispatch, not the create API.
 */
final class Seeder implements AutoCloseable {

    /** What a scenario seeded: its workspaces, accounts, and per post its target, text and due instant. */
    record Seeded(List<UUID> workspaces, List<SandboxApi.Account> accounts, List<UUID> targets, List<String> texts) {}

    static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    /**
     * The vector stored with every seeded post, as the create API would have stored one (herald.content's
     * PostScheduled listener): without it each node's similarity catch-up, and the PostPublished listener, would embed
     * the seeded posts during the measured burst, about 6 ms of CPU per post that a real burst spent when its posts
     * were scheduled. It is one unit vector for all (nothing in a benchmark compares them); the text and its hash are
     * each post's own, so nothing takes it for stale.
     */
    private static final byte[] PLACEHOLDER_VECTOR;

    static {
        var buffer = java.nio.ByteBuffer.allocate(384 * Float.BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 384; i++) {
            buffer.putFloat((float) (1 / Math.sqrt(384)));
        }
        PLACEHOLDER_VECTOR = buffer.array();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As Herald's Dispatch does: a job is due {@code herald.publishing.lead} before its post. */
    static final java.time.Duration LEAD = java.time.Duration.ofSeconds(1);

    private final Database database;
    private final ConfigurableApplicationContext context;
    private final Vault vault;
    private final SchedulerClient scheduler;

    private Seeder(Database database, ConfigurableApplicationContext context) {
        this.database = database;
        this.context = context;
        this.vault = context.getBean(Vault.class);
        this.scheduler = SchedulerClient.Builder.create(database.ownerDataSource())
                .tableName("scheduled_tasks")
                .build();
    }

    /** Test classes are on the harness's classpath; the seeding context scans only Herald's own. */
    static final class OnlyHeraldClasses extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURI().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OnlyHeraldClasses;
        }

        @Override
        public int hashCode() {
            return OnlyHeraldClasses.class.hashCode();
        }
    }

    /** Starts Herald's code in this JVM (no jobs, no dispatch, no Sandbox); its start migrates the database. */
    static Seeder start(Database database, Path dataDir) {
        var context = new SpringApplicationBuilder(HeraldApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("onlyHeraldClasses", new OnlyHeraldClasses()))
                .run(
                        "--server.port=0",
                        "--herald.database.url=" + database.url,
                        "--herald.database.username=" + database.app,
                        "--herald.database.password=" + database.appPassword,
                        "--herald.database.owner-username=" + database.owner,
                        "--herald.database.owner-password=" + database.ownerPassword,
                        "--herald.data-dir=" + dataDir.toAbsolutePath(),
                        "--spring.flyway.locations=classpath:db/migration",
                        "--db-scheduler.enabled=false",
                        "--herald.publishing.dispatch=false",
                        "--herald.sandbox.enabled=false",
                        "--herald.demo.enabled=false",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--logging.level.herald=WARN");
        return new Seeder(database, context);
    }

    /**
     * {@code posts} posts over {@code workspaceCount} workspaces, with accounts enough that none holds more than 40
     * (the Sandbox's listing shows 100), round robin, text from {@code text}.
     */
    Seeded seed(String label, int posts, int workspaceCount, SandboxApi sandbox, IntFunction<String> text)
            throws SQLException {
        String run = label.charAt(0) + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        int perWorkspace = Math.max(1, (int) Math.ceil(posts / (double) workspaceCount / 40));
        List<String> handles = new ArrayList<>();
        for (int i = 0; i < workspaceCount * perWorkspace; i++) {
            handles.add("b" + run + "_" + i);
        }
        Bench.progress(label + ": creating " + handles.size() + " Sandbox accounts");
        List<SandboxApi.Account> accounts = sandbox.accounts(handles);
        List<UUID> workspaces = new ArrayList<>();
        List<UUID> connections = new ArrayList<>();
        List<UUID> connectionWorkspace = new ArrayList<>();
        List<UUID> targets = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Bench.progress(label + ": seeding " + workspaceCount + " workspaces and " + posts + " posts");
        try (Connection db = database.ownerConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement ws = db.prepareStatement(
                    "insert into workspaces (id, name, slug, timezone, plan) values (?, ?, ?, 'UTC', 'enterprise')")) {
                for (int i = 0; i < workspaceCount; i++) {
                    UUID id = UUID.randomUUID();
                    workspaces.add(id);
                    ws.setObject(1, id);
                    ws.setString(2, "Bench " + run + " " + i);
                    ws.setString(3, "bench-" + run.replace('_', '-') + "-" + i);
                    ws.addBatch();
                }
                ws.executeBatch();
            }
            try (PreparedStatement c = db.prepareStatement(
                    """
                    insert into connections (workspace_id, id, provider, external_id, account_type, label, username,
                        display_name, status, access_token, refresh_token, expires_at, last_refreshed_at)
                    values (?, ?, 'sandbox', ?, 'company', ?, ?, ?, 'active', ?, ?, ?, now())""")) {
                for (int i = 0; i < accounts.size(); i++) {
                    SandboxApi.Account account = accounts.get(i);
                    UUID workspace = workspaces.get(i % workspaceCount);
                    UUID id = UUID.randomUUID();
                    WorkspaceId tenant = new WorkspaceId(workspace);
                    c.setObject(1, workspace);
                    c.setObject(2, id);
                    c.setString(3, account.id());
                    c.setString(4, "@" + account.handle());
                    c.setString(5, account.handle());
                    c.setString(6, account.handle());
                    c.setBytes(
                            7,
                            vault.seal(
                                    new SecretSlot(tenant, id, "connection.access_token"),
                                    Secret.of(account.accessToken())));
                    c.setBytes(
                            8,
                            vault.seal(
                                    new SecretSlot(tenant, id, "connection.refresh_token"),
                                    Secret.of(account.refreshToken())));
                    c.setTimestamp(9, Timestamp.from(Instant.now().plusSeconds(account.expiresIn())));
                    c.addBatch();
                    connections.add(id);
                    connectionWorkspace.add(workspace);
                }
                c.executeBatch();
            }
            try (PreparedStatement p = db.prepareStatement(
                            """
                            insert into posts (workspace_id, id, body, status, scheduled_at, timezone)
                            values (?, ?, ?, 'scheduled', ?, 'UTC')""");
                    PreparedStatement t = db.prepareStatement(
                            """
                            insert into post_targets (workspace_id, id, post_id, connection_id, provider, account,
                                account_handle, status, due_at)
                            values (?, ?, ?, ?, 'sandbox', ?, ?, 'scheduled', ?)""");
                    PreparedStatement v = db.prepareStatement(
                            """
                            insert into post_vectors (workspace_id, post_id, text, text_hash, model, vector, at)
                            values (?, ?, ?, ?, 'all-minilm-l6-v2', ?, ?)""")) {
                byte[] vector = PLACEHOLDER_VECTOR;
                for (int i = 0; i < posts; i++) {
                    int a = i % accounts.size();
                    UUID workspace = connectionWorkspace.get(a);
                    UUID post = UUID.randomUUID();
                    UUID target = UUID.randomUUID();
                    String body = text.apply(i) + " " + run;
                    p.setObject(1, workspace);
                    p.setObject(2, post);
                    p.setString(3, body);
                    p.setTimestamp(4, Timestamp.from(FAR));
                    p.addBatch();
                    t.setObject(1, workspace);
                    t.setObject(2, target);
                    t.setObject(3, post);
                    t.setObject(4, connections.get(a));
                    t.setString(5, "Sandbox @" + accounts.get(a).handle());
                    t.setString(6, accounts.get(a).handle());
                    t.setTimestamp(7, Timestamp.from(FAR));
                    t.addBatch();
                    v.setObject(1, workspace);
                    v.setObject(2, post);
                    v.setString(3, body);
                    v.setBytes(4, sha256(body));
                    v.setBytes(5, vector);
                    v.setTimestamp(6, Timestamp.from(FAR));
                    v.addBatch();
                    targets.add(target);
                    texts.add(body);
                    if (i % 1000 == 999) {
                        p.executeBatch();
                        t.executeBatch();
                        v.executeBatch();
                    }
                }
                p.executeBatch();
                t.executeBatch();
                v.executeBatch();
            }
            db.commit();
        }
        List<TaskInstance<?>> jobs = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            UUID workspace = connectionWorkspace.get(i % accounts.size());
            jobs.add(new TaskInstance<>("publish-target", targets.get(i).toString(), workspace + "/" + targets.get(i)));
        }
        scheduler.scheduleBatch(jobs, FAR);
        return new Seeded(workspaces, accounts, targets, texts);
    }

    /** Makes every seeded post due at {@code at}, in three statements of one transaction. */
    void due(Seeded seeded, Instant at) throws SQLException {
        try (Connection db = database.ownerConnection()) {
            db.setAutoCommit(false);
            UUID[] ids = seeded.targets().toArray(UUID[]::new);
            String[] names = seeded.targets().stream().map(UUID::toString).toArray(String[]::new);
            try (PreparedStatement t = db.prepareStatement("update post_targets set due_at = ? where id = any(?)");
                    PreparedStatement p = db.prepareStatement(
                            """
                            update posts p set scheduled_at = ? from post_targets t
                            where t.workspace_id = p.workspace_id and t.post_id = p.id and t.id = any(?)""");
                    PreparedStatement j = db.prepareStatement(
                            """
                            update scheduled_tasks set execution_time = ?
                            where task_name = 'publish-target' and task_instance = any(?)""");
                    PreparedStatement v = db.prepareStatement(
                            """
                            update post_vectors v set at = ? from post_targets t
                            where t.workspace_id = v.workspace_id and t.post_id = v.post_id and t.id = any(?)""")) {
                Timestamp when = Timestamp.from(at);
                t.setTimestamp(1, when);
                t.setArray(2, db.createArrayOf("uuid", ids));
                t.executeUpdate();
                p.setTimestamp(1, when);
                p.setArray(2, db.createArrayOf("uuid", ids));
                p.executeUpdate();
                j.setTimestamp(1, Timestamp.from(at.minus(LEAD)));
                j.setArray(2, db.createArrayOf("text", names));
                j.executeUpdate();
                v.setTimestamp(1, when);
                v.setArray(2, db.createArrayOf("uuid", ids));
                v.executeUpdate();
            }
            db.commit();
        }
    }

    /** Makes post {@code i} due at {@code due.apply(i)}: its post, its target and its job, in one transaction. */
    void due(Seeded seeded, IntFunction<Instant> due) throws SQLException {
        try (Connection db = database.ownerConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement t = db.prepareStatement(
                            "update post_targets set due_at = ? where id = ? returning post_id, workspace_id");
                    PreparedStatement p =
                            db.prepareStatement("update posts set scheduled_at = ? where workspace_id = ? and id = ?");
                    PreparedStatement j = db.prepareStatement(
                            """
                            update scheduled_tasks set execution_time = ?
                            where task_name = 'publish-target' and task_instance = ?""")) {
                for (int i = 0; i < seeded.targets().size(); i++) {
                    Timestamp at = Timestamp.from(due.apply(i));
                    UUID target = seeded.targets().get(i);
                    t.setTimestamp(1, at);
                    t.setObject(2, target);
                    try (var rs = t.executeQuery()) {
                        rs.next();
                        p.setTimestamp(1, at);
                        p.setObject(2, rs.getObject(2));
                        p.setObject(3, rs.getObject(1));
                        p.addBatch();
                    }
                    j.setTimestamp(1, Timestamp.from(due.apply(i).minus(LEAD)));
                    j.setString(2, target.toString());
                    j.addBatch();
                }
                p.executeBatch();
                j.executeBatch();
            }
            db.commit();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
