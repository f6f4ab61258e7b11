package herald.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** The four scenarios of docs/benchmarks.md; each returns its JSON line. */
final class Scenarios {

    private final Options options;
    private final Database database;
    private final Seeder seeder;
    private final SandboxApi sandbox;
    private final int sandboxPort;
    private final Path work;
    private int nodes;

    Scenarios(Options options, Database database, Seeder seeder, SandboxApi sandbox, int sandboxPort, Path work) {
        this.options = options;
        this.database = database;
        this.seeder = seeder;
        this.sandbox = sandbox;
        this.sandboxPort = sandboxPort;
        this.work = work;
    }

    /** The properties of a Herald node: the tuning the figures were taken with (docs/benchmarks.md). */
    private Node node(List<String> extra) throws Exception {
        int port = Bench.freePort();
        List<String> properties = new ArrayList<>(List.of(
                "--herald.public-url=http://localhost:" + port,
                "--herald.database.url=" + database.url,
                "--herald.database.username=" + database.app,
                "--herald.database.password=" + database.appPassword,
                "--herald.database.owner-username=" + database.owner,
                "--herald.database.owner-password=" + database.ownerPassword,
                "--herald.database.pool-size=" + (options.threads() + 10),
                "--herald.data-dir=" + work.resolve("herald"),
                "--herald.demo.enabled=false",
                "--herald.sandbox.enabled=false",
                "--herald.publishing.dispatch=true",
                "--herald.providers.sandbox.base-url=http://localhost:" + sandboxPort + "/sandbox",
                "--db-scheduler.threads=" + options.threads(),
                // Each poll claims a batch in one UPDATE ... SKIP LOCKED and keeps up to three per thread queued,
                // refilled once fewer than one per thread are left, so that a thread never waits for the next poll
                // (3,000 posts: 92.6 posts/s at 0.5/1.0, 111 at 1.0/3.0). Not Herald's default: a node started with
                // herald.publishing.dispatch=false would lock publish jobs it cannot run (docs/benchmarks.md).
                "--db-scheduler.polling-strategy=lock-and-fetch",
                "--db-scheduler.polling-strategy-lower-limit-fraction-of-threads=1.0",
                "--db-scheduler.polling-strategy-upper-limit-fraction-of-threads=3.0",
                "--logging.level.root=WARN",
                // Its "Loaded the ... embedding model" line tells the burst when the node's start-up work is over.
                "--logging.level.herald.content.Embedder=INFO",
                // Its "Wrote ... published outcomes in ... batches" lines say how large the outcomes' batches were.
                "--logging.level.herald.publishing.PublishedOutcomes=INFO",
                // Its "Made ... claims in ... batches" lines say the same of the claims' batches.
                "--logging.level.herald.publishing.BatchedClaims=INFO"));
        properties.addAll(extra);
        for (String given : options.nodeProperties()) { // --node key=value replaces the harness's own value
            String key = given.substring(0, given.indexOf('=') + 1);
            properties.removeIf(property -> property.startsWith(key));
            properties.add(given);
        }
        nodes++;
        return Node.start("herald-" + nodes, options, port, properties, work.resolve("herald-" + nodes + ".log"));
    }

    /** Herald's view of the seeded targets: how many are unfinished, and when the last finished one did. */
    record Progress(int unfinished, int finished, Instant lastFinished) {}

    /** One connection for the progress queries: a new one every second would cost a backend and a SCRAM login. */
    private Connection watcher;

    private Connection watcher() throws SQLException {
        if (watcher == null || watcher.isClosed()) {
            watcher = database.ownerConnection();
        }
        return watcher;
    }

    private Progress progress(Seeder.Seeded seeded) throws SQLException {
        Connection db = watcher();
        try (PreparedStatement q = db.prepareStatement(
                """
                        select count(*) filter (where status in ('scheduled', 'publishing')),
                               count(*) filter (where status not in ('scheduled', 'publishing')),
                               max(updated_at) filter (where status not in ('scheduled', 'publishing'))
                        from post_targets where workspace_id = any(?)""")) {
            // By workspace, through the primary key: a scenario's workspaces hold its targets only. Matching 10,000
            // target ids against an array instead read the whole table four times a second, a quarter of the
            // database's time in a burst, and charged it to Herald's database.
            q.setArray(1, db.createArrayOf("uuid", seeded.workspaces().toArray(UUID[]::new)));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                Timestamp last = rs.getTimestamp(3);
                return new Progress(rs.getInt(1), rs.getInt(2), last == null ? Instant.EPOCH : last.toInstant());
            }
        }
    }

    /**
     * Waits until every seeded target is finished. Once a second it counts the publish jobs left (a target's final
     * outcome deletes its job): a table that shrinks as posts finish, where counting the seeded targets by workspace
     * took 20–50 ms a call on a database grown by the warm-up, a few percent of the run charged to Herald's database.
     * The targets themselves are read when no job is left, and every tenth second in case jobs of an earlier run are
     * still there.
     */
    private Progress awaitFinished(Seeder.Seeded seeded, Instant until, Runnable tick) throws Exception {
        int total = seeded.targets().size();
        int lastReported = -1;
        for (int second = 1; Instant.now().isBefore(until); second++) {
            int left = jobsLeft();
            if (left == 0 || second % 10 == 0) {
                Progress exact = progress(seeded);
                if (exact.unfinished() == 0) {
                    return exact;
                }
                left = Math.min(left, exact.unfinished());
            }
            int finished = Math.max(0, total - left);
            if (finished / Math.max(1, total / 10) != lastReported) {
                lastReported = finished / Math.max(1, total / 10);
                Bench.progress(finished + " of " + total + " finished");
            }
            Thread.sleep(1000);
            tick.run();
        }
        return progress(seeded);
    }

    private int jobsLeft() throws SQLException {
        try (PreparedStatement q = watcher()
                        .prepareStatement("select count(*) from scheduled_tasks where task_name = 'publish-target'");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Herald's targets against the Sandbox's own posts: duplicates, lost, and the kinds of ending. */
    private Map<String, Object> count(Seeder.Seeded seeded, Map<String, List<SandboxApi.Held>> held)
            throws SQLException {
        Map<UUID, String[]> targets = new HashMap<>();
        try (Connection db = database.ownerConnection();
                PreparedStatement q =
                        db.prepareStatement("select id, status, last_error from post_targets where id = any(?)")) {
            q.setArray(1, db.createArrayOf("uuid", seeded.targets().toArray(UUID[]::new)));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    targets.put(rs.getObject(1, UUID.class), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        int published = 0, onSandbox = 0, duplicates = 0, lost = 0, failed = 0, unknown = 0, unfinished = 0;
        int failedButOnSandbox = 0;
        Map<String, Integer> reasons = new LinkedHashMap<>();
        for (int i = 0; i < seeded.targets().size(); i++) {
            String[] target = targets.get(seeded.targets().get(i));
            int copies = held.getOrDefault(seeded.texts().get(i), List.of()).size();
            String status = target[0];
            boolean reason = target[1] != null && !target[1].isBlank();
            duplicates += Math.max(0, copies - 1);
            onSandbox += copies > 0 ? 1 : 0;
            switch (status) {
                case "published" -> {
                    published++;
                    lost += copies == 0 ? 1 : 0;
                }
                case "failed", "unknown" -> {
                    if (status.equals("failed")) {
                        failed++;
                        failedButOnSandbox += copies > 0 ? 1 : 0;
                    } else {
                        unknown++;
                    }
                    lost += reason ? 0 : 1;
                    if (reason) {
                        String key = target[1].length() > 60 ? target[1].substring(0, 60) : target[1];
                        reasons.merge(key, 1, Integer::sum);
                    }
                }
                default -> {
                    unfinished++;
                    lost++;
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("published", published);
        figures.put("duplicates", duplicates);
        figures.put("lost", lost);
        figures.put("onSandbox", onSandbox);
        figures.put("failed", failed);
        figures.put("unknown", unknown);
        figures.put("unfinished", unfinished);
        figures.put("failedButOnSandbox", failedButOnSandbox);
        if (!reasons.isEmpty()) {
            figures.put("reasons", reasons);
        }
        return figures;
    }

    private static List<String> handles(Seeder.Seeded seeded) {
        return seeded.accounts().stream().map(SandboxApi.Account::handle).toList();
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "n/a";
        }
    }

    /**
     * Herald's database's commits, WAL flushes and ended autovacuum/autoanalyze runs so far, all sessions (the harness's own progress queries add about
     * four read-only commits a second): read before and after a run.
     */
    record DatabaseWork(long commits, long walSyncs, long autovacuums) {}

    private DatabaseWork databaseWork() {
        try (Connection db = database.ownerConnection();
                PreparedStatement q = db.prepareStatement(
                        """
                        select (select xact_commit from pg_stat_database where datname = current_database()),
                               (select wal_sync from pg_stat_wal),
                               (select coalesce(sum(autovacuum_count + autoanalyze_count), 0) from pg_stat_all_tables)""")) {
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new DatabaseWork(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            return new DatabaseWork(0, 0, 0);
        }
    }

    /** Commits and WAL flushes per post in Herald's database during a run (docs/benchmarks.md, "What limits them"). */
    private static void perPost(Map<String, Object> line, DatabaseWork before, DatabaseWork after, int posts) {
        if (before.commits() > 0) {
            line.put("commitsPerPost", round((after.commits() - before.commits()) / (double) posts, 2));
            line.put("walFlushesPerPost", round((after.walSyncs() - before.walSyncs()) / (double) posts, 2));
            // Autovacuum and autoanalyze runs that ended meanwhile: their CPU is in heraldDb's figure.
            line.put("autovacuums", after.autovacuums() - before.autovacuums());
        }
    }

    private Map<String, Object> line(String scenario, int posts, int workspaces) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("scenario", scenario);
        line.put("posts", posts);
        line.put("workspaces", workspaces);
        return line;
    }

    /** The processes whose CPU a burst reports: Herald's node and database, the Sandbox's JVM and database. */
    private Map<String, java.util.function.Predicate<String>> cpuGroups(int heraldPort) {
        String heraldDb = work.resolve("pgdata").toString();
        String sandboxDir = work.resolve("sandbox").toString();
        String harness = String.valueOf(ProcessHandle.current().pid());
        Map<String, java.util.function.Predicate<String>> groups = new LinkedHashMap<>();
        groups.put("herald", c -> c.contains("-jar") && c.contains("--server.port=" + heraldPort + " "));
        groups.put("heraldDb", c -> c.contains("postgres") && c.contains(heraldDb));
        groups.put("sandbox", c -> c.contains("-jar") && c.contains("sandbox-standalone"));
        groups.put("sandboxDb", c -> c.contains("postgres") && c.contains(sandboxDir));
        groups.put("harness", c -> c.contains("herald.bench.Bench") && !c.contains("bash"));
        return groups;
    }

    /**
     * Waits, at most 30 s, until the processes of {@code group} use under a tenth of a core for two seconds in a row:
     * what a node does once after start (compiling what the warm-up ran) stays out of the measurement.
     */
    private static void settle(java.util.function.Predicate<String> group) throws InterruptedException {
        Map<String, java.util.function.Predicate<String>> only = Map.of("node", group);
        Instant started = Instant.now();
        Instant until = started.plusSeconds(30);
        int quiet = 0;
        double last = CpuTime.snapshot(only).getOrDefault("node", 0.0);
        while (quiet < 2 && Instant.now().isBefore(until)) {
            Thread.sleep(1000);
            double now = CpuTime.snapshot(only).getOrDefault("node", 0.0);
            quiet = now - last < 100 ? quiet + 1 : 0; // CPU milliseconds in the last second
            last = now;
        }
        Bench.progress((quiet >= 2 ? "the node settled in " : "the node was still busy after ")
                + Duration.between(started, Instant.now()).toSeconds() + " s");
    }

    /** N posts over W workspaces due at one instant; then the same N creates sent straight to the Sandbox. */
    Map<String, Object> burst(String scenario, int latencyMs) throws Exception {
        int posts = options.posts();
        int workspaces = options.workspaces();
        Seeder.Seeded seeded = seeder.seed(scenario, posts, workspaces, sandbox, i -> scenario + " post " + i);
        // The Sandbox's JVM is warmed first, with creates of other texts (not counted against Herald's), so that
        // neither the Herald run nor the raw run after it pays for the Sandbox's JIT compilation. Warm-ups run without
        // the added latency (the same code, sooner): C2 compiles a method after some 15,000 calls, and a warm-up of a
        // few thousand left the compiler threads with a fifth of the machine during the measured run.
        int warmup = options.warmup();
        sandbox.faults("{\"latencyMs\":0}");
        Bench.progress(scenario + ": warming the Sandbox up with " + warmup + " raw creates");
        sandbox.raw(seeded.accounts(), warmup, options.threads(), scenario + "-warmup", new AtomicInteger());
        String loadBefore = loadAverage();
        Progress done;
        Instant due;
        DatabaseWork workBefore;
        DatabaseWork workAfter;
        Map<String, java.util.function.Predicate<String>> groups;
        Map<String, Double> cpuBefore;
        Map<String, Double> cpuAfter;
        Map<String, Double> jitBefore;
        Map<String, Double> jitAfter;
        // Herald's node is warmed the same way, with a burst of its own posts in other workspaces, so that the
        // measured run does not pay for its JIT compilation either; then the node is left to settle (after the
        // embedding model, which loads in the background after start) before the measured posts fall due.
        int heraldWarmup = options.warmup();
        Seeder.Seeded warm = seeder.seed(
                scenario + "-warmup", heraldWarmup, Math.max(1, heraldWarmup / 10), sandbox, i -> "warm-up " + i);
        try (Node node = node(List.of())) {
            node.awaitReady(Duration.ofMinutes(5));
            groups = cpuGroups(node.port);
            Bench.progress(scenario + ": warming Herald up with " + heraldWarmup + " posts");
            seeder.due(warm, Instant.now().plusSeconds(1));
            awaitFinished(warm, Instant.now().plus(Duration.ofSeconds(120 + heraldWarmup / 5)), () -> {});
            if (!node.awaitLog("embedding model", Duration.ofSeconds(90))) {
                Bench.progress(scenario + ": the node did not report its embedding model within 90 s");
            }
            settle(groups.get("herald"));
            sandbox.faults("{\"latencyMs\":" + latencyMs + "}");
            database.vacuum();
            due = Instant.now().plusSeconds(3);
            seeder.due(seeded, due);
            if (options.statements() > 0) {
                database.resetStatements();
            }
            workBefore = databaseWork();
            cpuBefore = CpuTime.snapshot(groups);
            jitBefore = CpuTime.compiling(groups);
            Bench.progress(scenario + ": " + posts + " posts due at " + due);
            done = awaitFinished(seeded, due.plus(Duration.ofSeconds(120 + posts / 5)), () -> {});
            cpuAfter = CpuTime.snapshot(groups);
            jitAfter = CpuTime.compiling(groups);
            workAfter = databaseWork();
            if (options.statements() > 0) {
                Bench.progress(scenario + ": Herald's costliest statements during the run");
                database.topStatements(options.statements()).forEach(Bench::progress);
            }
        }
        double seconds = Duration.between(due, done.lastFinished()).toMillis() / 1000.0;
        Map<String, Object> line = line(scenario, posts, workspaces);
        line.putAll(count(seeded, sandbox.published(handles(seeded))));
        line.put("seconds", round(seconds, 2));
        line.put("postsPerSecond", round(posts / seconds, 1));
        perPost(line, workBefore, workAfter, posts);
        Bench.progress(scenario + ": raw limit, " + posts + " creates straight to the Sandbox, " + options.threads()
                + " at a time");
        AtomicInteger refused = new AtomicInteger();
        Map<String, Double> rawBefore = CpuTime.snapshot(groups);
        double raw = sandbox.raw(seeded.accounts(), posts, options.threads(), scenario, refused);
        Map<String, Double> rawAfter = CpuTime.snapshot(groups);
        line.put("rawSeconds", round(raw, 2));
        line.put("rawPostsPerSecond", round(posts / raw, 1));
        line.put("rawRefused", refused.get());
        line.put("efficiency", round(raw / seconds, 3));
        line.put("cpuMsPerPost", CpuTime.perPost(cpuBefore, cpuAfter, posts));
        Map<String, Double> jit = CpuTime.perPost(jitBefore, jitAfter, posts);
        jit.keySet().retainAll(List.of("herald", "sandbox"));
        line.put("jitMsPerPost", jit);
        Map<String, Double> rawCpu = CpuTime.perPost(rawBefore, rawAfter, posts);
        rawCpu.remove("herald");
        rawCpu.remove("heraldDb");
        line.put("rawCpuMsPerPost", rawCpu);
        line.put("latencyMs", latencyMs);
        line.put("nodes", 1);
        line.put("threads", options.threads());
        line.put("loadBefore", loadBefore);
        line.put("loadAfter", loadAverage());
        return line;
    }

    /** Single posts due one after another on an idle system: how late the platform hears of each. */
    Map<String, Object> lateness() throws Exception {
        int posts = options.latenessPosts();
        int workspaces = Math.min(options.workspaces(), posts);
        long spacing = options.quick() ? 1000 : 1500;
        sandbox.faults("{}");
        Seeder.Seeded seeded = seeder.seed("lateness", posts, workspaces, sandbox, i -> "lateness post " + i);
        List<Instant> dues = new ArrayList<>();
        Progress done;
        String loadBefore = loadAverage();
        try (Node node = node(List.of())) {
            node.awaitReady(Duration.ofMinutes(5));
            Instant start = Instant.now().plusSeconds(5);
            for (int i = 0; i < posts; i++) {
                dues.add(start.plusMillis(
                        i * spacing + ThreadLocalRandom.current().nextLong(1000)));
            }
            seeder.due(seeded, dues::get);
            Bench.progress("lateness: " + posts + " posts due one by one from " + start + " every ~" + spacing + " ms");
            done = awaitFinished(seeded, dues.getLast().plusSeconds(60), () -> {});
        }
        Map<String, List<SandboxApi.Held>> held = sandbox.published(handles(seeded));
        List<Long> late = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            Instant dueAt = dues.get(i);
            held.getOrDefault(seeded.texts().get(i), List.of()).stream()
                    .map(SandboxApi.Held::createdAt)
                    .min(Instant::compareTo)
                    .ifPresent(at -> late.add(Duration.between(dueAt, at).toMillis()));
        }
        late.sort(Long::compare);
        Map<String, Object> line = line("lateness", posts, workspaces);
        line.putAll(count(seeded, held));
        line.put(
                "seconds",
                round(Duration.between(dues.getFirst(), done.lastFinished()).toMillis() / 1000.0, 2));
        line.put("p50Ms", late.isEmpty() ? null : late.get(late.size() / 2));
        line.put("p99Ms", late.isEmpty() ? null : late.get(Math.min(late.size() - 1, (int) (late.size() * 0.99))));
        line.put("maxMs", late.isEmpty() ? null : late.getLast());
        line.put("minMs", late.isEmpty() ? null : late.getFirst());
        line.put("spacingMs", spacing);
        line.put("loadBefore", loadBefore);
        return line;
    }

    /** Two nodes, one killed with -9 mid-burst, while the Sandbox fails, rate-limits and answers too late. */
    Map<String, Object> chaos() throws Exception {
        int posts = options.chaosPosts();
        int workspaces = Math.max(1, Math.min(options.workspaces(), posts / 4));
        int latency = options.latencyMs();
        sandbox.faults("{\"latencyMs\":" + latency + "}");
        Seeder.Seeded seeded = seeder.seed("chaos", posts, workspaces, sandbox, i -> "chaos post " + i);
        List<String> faulty = List.of(
                "--herald.publishing.backoff=200ms",
                "--herald.publishing.max-attempts=8",
                "--herald.providers.sandbox.read-timeout=2s");
        Progress done;
        Instant due;
        Instant killedAt = null;
        int finishedAtKill = 0;
        try (Node survivor = node(faulty);
                Node victim = node(faulty)) {
            survivor.awaitReady(Duration.ofMinutes(5));
            victim.awaitReady(Duration.ofMinutes(5));
            due = Instant.now().plusSeconds(3);
            sandbox.faults("{\"latencyMs\":" + latency + ",\"errorRate\":0.1,\"timeoutAfterCreate\":true,"
                    + "\"rateLimitedUntil\":\"" + due.plusSeconds(3) + "\"}");
            seeder.due(seeded, due);
            Bench.progress("chaos: " + posts + " posts due at " + due + " on two nodes, faults on");
            Instant until = due.plus(Duration.ofMinutes(10));
            Progress now = progress(seeded);
            while (now.unfinished() > 0 && Instant.now().isBefore(until)) {
                Thread.sleep(250);
                now = progress(seeded);
                if (killedAt == null
                        && (now.finished() >= posts / 4 || Instant.now().isAfter(due.plusSeconds(15)))) {
                    victim.kill();
                    killedAt = Instant.now();
                    finishedAtKill = now.finished();
                    sandbox.faults("{\"latencyMs\":" + latency + ",\"errorRate\":0.1}");
                    Bench.progress("chaos: killed a node with " + now.finished() + " of " + posts
                            + " finished; 10% errors go on, timeouts after create stop");
                }
                if (killedAt != null && Instant.now().isAfter(killedAt.plusSeconds(20))) {
                    sandbox.faults("{\"latencyMs\":" + latency + "}");
                }
            }
            done = now;
        }
        Map<String, Object> line = line("chaos", posts, workspaces);
        line.putAll(count(seeded, sandbox.published(handles(seeded))));
        line.put("seconds", round(Duration.between(due, done.lastFinished()).toMillis() / 1000.0, 2));
        line.put("nodes", 2);
        line.put(
                "killedAfterSeconds",
                killedAt == null ? null : round(Duration.between(due, killedAt).toMillis() / 1000.0, 1));
        line.put("finishedAtKill", finishedAtKill);
        line.put("reconciled", outcomes(seeded, "reconciled"));
        line.put("fenced", outcomes(seeded, "fenced"));
        line.put("attempts", outcomes(seeded, null));
        line.put("latencyMs", latency);
        return line;
    }

    private int outcomes(Seeder.Seeded seeded, String outcome) throws SQLException {
        try (Connection db = database.ownerConnection();
                PreparedStatement q =
                        db.prepareStatement("select count(*) from publish_attempts where target_id = any(?)"
                                + (outcome == null ? "" : " and outcome = ?"))) {
            q.setArray(1, db.createArrayOf("uuid", seeded.targets().toArray(UUID[]::new)));
            if (outcome != null) {
                q.setString(2, outcome);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
