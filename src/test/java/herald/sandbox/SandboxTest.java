package herald.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole application on a random port, driven over HTTP. Every test makes its own accounts (the database is shared
 * with the rest of the build); faults are global, so they are cleared after each test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "herald.sandbox.clients.test.name=Test <Client>",
            "herald.sandbox.clients.test.secret=" + SandboxClient.SECRET,
            "herald.sandbox.clients.test.redirect-uris=" + SandboxClient.REDIRECT + ",https://client.test/other",
            "herald.sandbox.clients.other.secret=other-secret",
            "herald.sandbox.clients.other.redirect-uris=https://other.test/callback",
            "herald.sandbox.rate-limit.requests=12",
            "herald.sandbox.stall-after-create=3s",
            "herald.sandbox.media.max-bytes=2048",
            "herald.sandbox.media.timeout=2s",
            // the tests' media server; every other internal address stays refused
            "herald.sandbox.media.allowed-hosts=127.0.0.1"
        })
abstract class SandboxTest {

    @LocalServerPort
    int port;

    SandboxClient sandbox;

    @BeforeEach
    void client() {
        sandbox = new SandboxClient(port);
    }

    @AfterEach
    void clearFaults() {
        sandbox.admin("DELETE", "/sandbox/admin/faults", null);
    }
}
