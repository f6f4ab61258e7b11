package herald.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The command line of {@code scripts/bench}. */
record Options(
        List<String> scenarios,
        boolean quick,
        int posts,
        int workspaces,
        int latencyMs,
        int threads,
        int latenessPosts,
        int chaosPosts,
        int statements,
        int warmup,
        List<String> nodeProperties,
        @Nullable String databaseUrl,
        Path jar,
        String java,
        Path work) {

    static final List<String> ALL = List.of("burst", "lateness", "throughput", "chaos");

    static Options parse(String[] args) {
        List<String> scenarios = new ArrayList<>();
        boolean quick = false;
        Integer posts = null;
        Integer workspaces = null;
        Integer chaos = null;
        Integer lateness = null;
        int statements = 0;
        Integer warmup = null;
        List<String> nodeProperties = new ArrayList<>();
        int latency = 50;
        int threads = 24; // Herald's own db-scheduler.threads
        String database = System.getenv("HERALD_DATABASE_URL");
        Path jar = null;
        String java = "java";
        Path work = Path.of("target", "bench");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--posts" -> posts = Integer.parseInt(args[++i]);
                case "--workspaces" -> workspaces = Integer.parseInt(args[++i]);
                case "--latency" -> latency = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--chaos-posts" -> chaos = Integer.parseInt(args[++i]);
                case "--lateness-posts" -> lateness = Integer.parseInt(args[++i]);
                case "--database-url" -> database = args[++i];
                case "--statements" -> statements = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--node" -> nodeProperties.add("--" + args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--java" -> java = args[++i];
                case "--work" -> work = Path.of(args[++i]);
                case "all" -> scenarios.addAll(ALL);
                default -> {
                    if (!ALL.contains(arg)) {
                        throw new IllegalArgumentException("Unknown argument " + arg + "; scenarios are " + ALL
                                + ", options --quick --posts --workspaces --latency --threads --chaos-posts"
                                + " --lateness-posts --statements --warmup --node --database-url");
                    }
                    scenarios.add(arg);
                }
            }
        }
        if (jar == null) {
            throw new IllegalArgumentException("--jar is required (scripts/bench passes it)");
        }
        int n = posts != null ? posts : quick ? 1000 : 10000;
        int w = workspaces != null ? workspaces : quick ? 100 : 1000;
        return new Options(
                scenarios.isEmpty() ? ALL : scenarios,
                quick,
                n,
                w,
                latency,
                threads,
                lateness != null ? lateness : quick ? 30 : 120,
                chaos != null ? chaos : quick ? 400 : 2000,
                statements,
                warmup != null ? warmup : quick ? 3000 : 30000,
                List.copyOf(nodeProperties),
                database == null || database.isBlank() ? null : database,
                jar,
                java,
                work);
    }
}
