package herald.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time of the benchmark's processes, from {@code /proc} (Linux only; elsewhere every figure is 0): each JVM, and
 * each PostgreSQL server with all its backends (the postmaster's own time, the time of the backends that exited, which
 * the kernel adds to the postmaster's children's time, and the live backends'). A snapshot before and after a run
 * says where the machine's CPU went per post (docs/benchmarks.md, "Where the time goes").
 */
final class CpuTime {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /** A process as /proc shows it: parent, own CPU ticks, ticks of its exited and waited-for children, command. */
    private record Proc(long pid, long ppid, long ticks, long childTicks, String command) {}

    private CpuTime() {}

    /** CPU milliseconds so far of each named group: the processes whose command line matches, and their children. */
    static Map<String, Double> snapshot(Map<String, Predicate<String>> groups) {
        List<Proc> all = processes();
        Map<Long, List<Proc>> children = new HashMap<>();
        for (Proc p : all) {
            children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p);
        }
        // A process some group names is that group's alone: the harness starts the Herald nodes and the Sandbox as its
        // children, and counting them again under "harness" made the harness look like it competed with Herald.
        java.util.Set<Long> named = new java.util.HashSet<>();
        for (Proc p : all) {
            if (groups.values().stream().anyMatch(matches -> matches.test(p.command()))) {
                named.add(p.pid());
            }
        }
        Map<String, Double> millis = new LinkedHashMap<>();
        groups.forEach((name, matches) -> {
            long ticks = 0;
            for (Proc p : all) {
                if (matches.test(p.command())) {
                    ticks += p.ticks() + p.childTicks();
                    for (Proc child : children.getOrDefault(p.pid(), List.of())) {
                        if (!named.contains(child.pid())) {
                            ticks += child.ticks();
                        }
                    }
                }
            }
            millis.put(name, ticks * 1000 / TICKS_PER_SECOND);
        });
        return millis;
    }

    /**
     * CPU milliseconds so far of the JIT compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}) of each
     * group's JVMs: what of a run went to compiling rather than to the work, which a warm-up too short leaves large.
     */
    static Map<String, Double> compiling(Map<String, Predicate<String>> groups) {
        Map<String, Double> millis = new LinkedHashMap<>();
        List<Proc> all = processes();
        groups.forEach((name, matches) -> {
            long ticks = 0;
            for (Proc p : all) {
                if (matches.test(p.command())) {
                    ticks += compilerTicks(p.pid());
                }
            }
            millis.put(name, ticks * 1000 / TICKS_PER_SECOND);
        });
        return millis;
    }

    private static long compilerTicks(long pid) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException gone) {
            return 0;
        }
        return ticks;
    }

    /** {@code after - before} per group, per post, in milliseconds. */
    static Map<String, Double> perPost(Map<String, Double> before, Map<String, Double> after, int posts) {
        Map<String, Double> perPost = new LinkedHashMap<>();
        after.forEach((name, ms) ->
                perPost.put(name, Math.round((ms - before.getOrDefault(name, 0.0)) / posts * 100) / 100.0));
        return perPost;
    }

    private static List<Proc> processes() {
        List<Proc> all = new ArrayList<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    String command = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    all.add(new Proc(
                            Long.parseLong(name),
                            Long.parseLong(f[1]),
                            Long.parseLong(f[11]) + Long.parseLong(f[12]),
                            Long.parseLong(f[13]) + Long.parseLong(f[14]),
                            command));
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return all;
    }
}
