package herald.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Herald's benchmark harness ({@code scripts/bench}, docs/benchmarks.md). It starts a PostgreSQL for Herald, a
 * standalone Sandbox (its own JVM and database) and, per scenario, Herald node(s) as separate JVMs running the jar;
 * seeds each scenario in bulk; and prints one JSON line per scenario on stdout. Counts of duplicates and lost posts
 * come from the Sandbox's own records, matched against Herald's targets.
 */
public final class Bench {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Bench() {}

    static void progress(String message) {
        System.err.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real stdout, for the JSON lines only: everything else (logs of the code run here) goes to stderr. */
    private static final java.io.PrintStream LINES = System.out;

    static void print(Map<String, Object> line) {
        LINES.println(JSON.writeValueAsString(line));
        LINES.flush();
    }

    public static void main(String[] args) throws Exception {
        System.setOut(System.err);
        Options options = Options.parse(args);
        Path work = options.work()
                .resolve(LocalTime.now().format(DateTimeFormatter.ofPattern("HHmmss")))
                .toAbsolutePath();
        Files.createDirectories(work);
        progress("working in " + work + "; scenarios " + options.scenarios() + (options.quick() ? " (quick)" : ""));
        List<AutoCloseable> open = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(open)));
        try {
            Database database = Database.start(options.databaseUrl(), work, options.statements() > 0);
            open.add(database);
            int sandboxPort = freePort();
            Node sandboxNode = Node.start(
                    "sandbox",
                    options,
                    freePort(),
                    List.of(
                            "--spring.profiles.active=sandbox-standalone",
                            "--herald.sandbox.standalone-port=" + sandboxPort,
                            "--herald.database.url=",
                            "--herald.data-dir=" + work.resolve("sandbox"),
                            "--herald.sandbox.admin-token=" + SandboxApi.ADMIN,
                            "--herald.sandbox.rate-limit.requests=100000000",
                            "--herald.sandbox.stall-after-create=4s",
                            "--herald.sandbox.clients.herald.redirect-uris=" + SandboxApi.REDIRECT,
                            "--herald.sandbox.clients.herald.secret=" + SandboxApi.CLIENT_SECRET,
                            "--herald.publishing.dispatch=false",
                            "--herald.demo.enabled=false",
                            "--herald.database.pool-size=60",
                            "--logging.level.root=WARN"),
                    work.resolve("sandbox.log"));
            open.add(sandboxNode);
            progress("starting the seeder (Herald's code in this JVM; it migrates the database)");
            Seeder seeder = Seeder.start(database, work.resolve("herald"));
            open.add(seeder);
            sandboxNode.awaitReady(java.time.Duration.ofMinutes(5));
            var sandbox = new SandboxApi(sandboxPort);
            var scenarios = new Scenarios(options, database, seeder, sandbox, sandboxPort, work);
            for (String scenario : options.scenarios()) {
                try {
                    print(
                            switch (scenario) {
                                case "burst" -> scenarios.burst("burst", options.latencyMs());
                                case "throughput" -> scenarios.burst("throughput", 0);
                                case "lateness" -> scenarios.lateness();
                                case "chaos" -> scenarios.chaos();
                                default -> throw new IllegalArgumentException(scenario);
                            });
                } catch (Exception e) {
                    progress(scenario + " failed: " + e);
                    e.printStackTrace();
                    print(Map.of("scenario", scenario, "error", String.valueOf(e.getMessage())));
                } finally {
                    sandbox.faults("{}");
                }
            }
        } finally {
            closeAll(open);
        }
        System.exit(0);
    }

    private static void closeAll(List<AutoCloseable> open) {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                progress("could not close " + open.get(i) + ": " + e);
            }
        }
        open.clear();
    }
}
