package herald.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One JVM running the Herald jar: a Herald node, or the standalone Sandbox. */
final class Node implements AutoCloseable {

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private Node(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static Node start(String name, Options options, int port, List<String> properties, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                options.java(),
                "-Xmx768m",
                "-XX:+UseParallelGC",
                "-jar",
                options.jar().toAbsolutePath().toString(),
                "--server.port=" + port));
        command.addAll(properties);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Bench.progress("starting " + name + " on port " + port + " (log " + log + ")");
        return new Node(name, port, builder.start(), log);
    }

    /**
     * Waits, at most {@code within}, until the node's log has a line containing {@code text}; false if it has not.
     */
    boolean awaitLog(String text, Duration within) throws InterruptedException {
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            try {
                if (java.nio.file.Files.readString(log).contains(text)) {
                    return true;
                }
            } catch (IOException | java.io.UncheckedIOException notYet) {
                // not written yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** Waits until the node answers its readiness probe. */
    Node awaitReady(Duration within) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log");
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    Bench.progress(name + " is ready");
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + within);
    }

    /** {@code kill -9}: no shutdown hook, no graceful stop, attempts left open mid-call. */
    void kill() {
        Bench.progress("kill -9 " + name + " (pid " + process.pid() + ")");
        process.destroyForcibly();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
