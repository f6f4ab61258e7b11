package herald.demo;

import static org.assertj.core.api.Assertions.assertThat;

import herald.OwnerDatabase;
import herald.audit.Actor;
import herald.audit.AuditEvent;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.connections.Connection;
import herald.connections.ConnectionStatus;
import herald.connections.Connections;
import herald.identity.Users;
import herald.publishing.Post;
import herald.publishing.PostQuery;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.shared.WorkspaceId;
import herald.tenancy.WorkspaceMembership;
import herald.tenancy.Workspaces;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo workspaces come with their Sandbox accounts connected, through the real OAuth flow over HTTP: a code
 * grant at the Sandbox, Herald's callback, the connection stored as Herald itself. Herald's public URL is the test
 * server's real address, so the Sandbox's registered redirect URI reaches this Herald.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DemoConnectionsTests {

    static final int PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("herald.public-url", () -> BASE);
    }

    @Autowired
    herald.publishing.PostRepeats repeats;

    @Autowired
    DemoData demoData;

    @Autowired
    DemoConnections demoConnections;

    @Autowired
    DemoPosts demoPosts;

    @Autowired
    Posts posts;

    @Autowired
    Connections connections;

    @Autowired
    Users users;

    @Autowired
    Workspaces workspaces;

    @Autowired
    AuditLog audit;

    @Autowired
    FlywayConnectionDetails ownerDetails;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    @AfterEach
    void noDemoData() {
        DemoDataCleaner.remove(OwnerDatabase.jdbc(ownerDetails));
    }

    void seed() {
        demoData.seed(DemoConfiguration.furnishing(demoConnections, demoPosts));
    }

    Map<String, WorkspaceId> demoWorkspaces() {
        var owner = users.findByEmail(DemoData.EMAIL).orElseThrow();
        return workspaces.of(owner.id()).stream()
                .collect(Collectors.toMap(WorkspaceMembership::name, WorkspaceMembership::id));
    }

    @Test
    void eachDemoWorkspaceComesWithItsSandboxAccountConnectedThroughTheCodeGrant() throws Exception {
        long codeGrantsBefore = codeGrants();

        seed();

        Map<String, WorkspaceId> demo = demoWorkspaces();
        List<Connection> krusty = connections.list(demo.get("Krusty Pizza"));
        assertThat(krusty).singleElement().satisfies(connection -> {
            assertThat(connection.provider()).isEqualTo("sandbox");
            assertThat(connection.username()).isEqualTo("krusty");
            assertThat(connection.status()).isEqualTo(ConnectionStatus.ACTIVE);
            assertThat(connection.expiresAt()).isNotNull();
        });
        assertThat(connections.list(demo.get("Hults Cafe")))
                .singleElement()
                .satisfies(connection -> assertThat(connection.username()).isEqualTo("hults"));
        assertThat(codeGrants() - codeGrantsBefore)
                .as("each connection came from an authorization code exchanged at the Sandbox")
                .isEqualTo(2);
        // First posts: two to publish now (whichever node of the suite dispatches them), three queued in the
        // schedule's next slots, a draft.
        List<Post> krustyPosts =
                posts.list(demo.get("Krusty Pizza"), new PostQuery(null, null, null, null, null, null, 50));
        assertThat(krustyPosts).hasSize(6);
        assertThat(krustyPosts).filteredOn(p -> p.status() == PostStatus.DRAFT).hasSize(1);
        assertThat(krustyPosts)
                .filteredOn(p -> p.status() != PostStatus.DRAFT)
                .hasSize(5)
                .allSatisfy(p -> assertThat(p.targets()).singleElement().satisfies(t -> assertThat(t.account())
                        .isEqualTo("Sandbox @krusty")));
        assertThat(krustyPosts)
                .filteredOn(p -> p.scheduledAt() != null && p.scheduledAt().isAfter(java.time.Instant.now()))
                .as("queued in the posting schedule's next slots")
                .hasSize(3);
        assertThat(krustyPosts).flatExtracting(Post::tags).contains("specials", "hours", "team", "events");
        assertThat(krustyPosts)
                .filteredOn(p -> p.firstComment() != null)
                .as("one shows a first comment")
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.firstComment()).isEqualTo("#pizza #brooklyn #sliceoftheweek");
                    assertThat(p.targets().getFirst().comment()).isNotNull();
                });
        assertThat(krustyPosts)
                .as("one repeats every week")
                .filteredOn(p -> repeats.of(demo.get("Krusty Pizza"), p.id()).isPresent())
                .singleElement()
                .satisfies(p -> assertThat(p.body()).startsWith("Family night Tuesday"));
        assertThat(posts.list(demo.get("Hults Cafe"), new PostQuery(null, null, null, null, null, null, 50)))
                .hasSize(4);
        List<AuditEvent> connected = audit.find(
                demo.get("Krusty Pizza"), new AuditQuery("connection.connected", null, null, null, null, 10));
        assertThat(connected)
                .singleElement()
                .satisfies(event -> assertThat(event.actor().type()).isEqualTo(Actor.Type.SYSTEM));
    }

    @Test
    void aLaterStartConnectsNothingAgainAndLeavesADisconnectedAccountDisconnected() throws Exception {
        seed();
        WorkspaceId krusty = demoWorkspaces().get("Krusty Pizza");
        Connection connected = connections.list(krusty).getFirst();
        connections.disconnect(krusty, connected.id());
        long codeGrantsBefore = codeGrants();

        seed();

        assertThat(codeGrants()).as("no new grant at the next start").isEqualTo(codeGrantsBefore);
        assertThat(posts.list(krusty, new PostQuery(null, null, null, null, null, null, 50)))
                .as("no second set of sample posts")
                .hasSize(6);
        assertThat(connections.list(krusty)).singleElement().satisfies(connection -> assertThat(connection.status())
                .isEqualTo(ConnectionStatus.DISCONNECTED));
        assertThat(connections.list(demoWorkspaces().get("Hults Cafe")))
                .singleElement()
                .satisfies(connection -> assertThat(connection.active()).isTrue());
    }

    long codeGrants() throws IOException, InterruptedException {
        HttpResponse<String> stats = http.send(
                HttpRequest.newBuilder(URI.create(BASE + "/sandbox/admin/stats"))
                        .header("X-Sandbox-Admin-Token", "test-sandbox-admin-token")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
        JsonNode json = JsonMapper.builder().build().readTree(stats.body());
        return json.path("tokenRequests").path("authorization_code").asLong();
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
