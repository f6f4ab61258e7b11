package herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code sandbox-standalone} profile: the Sandbox on a port of its own, where nothing of Herald is served. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("sandbox-standalone")
class StandalonePortTests {

    /**
     * Chosen when the context asks for it, just before Tomcat binds it: a port chosen when the class loads may be
     * taken meanwhile by another suite's server (seen once in CI).
     */
    static volatile int sandboxPort;

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("herald.sandbox.standalone-port", StandalonePortTests::sandboxPort);
    }

    private static synchronized int sandboxPort() {
        if (sandboxPort == 0) {
            sandboxPort = freePort();
        }
        return sandboxPort;
    }

    @LocalServerPort
    int heraldPort;

    @Test
    void theSandboxAnswersOnItsOwnPortAndHeraldDoesNot() {
        var sandbox = new SandboxClient(sandboxPort());
        var herald = new SandboxClient(heraldPort);

        assertThat(sandbox.get("/sandbox/@krusty", Map.of()).status()).isEqualTo(200);
        assertThat(sandbox.get("/sign-in", Map.of()).status()).isEqualTo(404);
        assertThat(herald.get("/sign-in", Map.of()).status()).isEqualTo(200);
        assertThat(herald.get("/sandbox/@krusty", Map.of()).status())
                .as("still served beside Herald too")
                .isEqualTo(200);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
