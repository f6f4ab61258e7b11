package herald.web.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import herald.TenantFixtures;
import herald.database.TenantScope;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.shared.WorkspaceId;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The asset API tests' shared setup: the whole application on a random port, small upload limits (images 1 MB, videos
 * 2 MB), a plan with 1 MB of storage ({@code snug}), and a stand-in for the publishing module's asset references.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "herald.assets.max-image-size=1MB",
            "herald.assets.max-video-size=2MB",
            "herald.plans.snug.members=10",
            "herald.plans.snug.connections=1",
            "herald.plans.snug.posts-per-day=1",
            "herald.plans.snug.api-requests-per-hour=100000",
            "herald.plans.snug.ai-tokens-per-month=1",
            "herald.plans.snug.storage-mb=1"
        })
@Import(AssetApiTest.References.class)
abstract class AssetApiTest {

    @TestConfiguration
    static class References {
        @Bean
        BlockingReferences blockingReferences() {
            return new BlockingReferences();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BlockingReferences references;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A workspace on {@code plan} and a read + write API key of it. */
    record Workspace(WorkspaceId id, String token) {

        String path(String rest) {
            return "/api/v1/workspaces/" + id + rest;
        }
    }

    Workspace workspace(String plan) {
        var signedUp = TenantFixtures.of(context).signUp("Assets", plan);
        var workspace = signedUp.workspace().orElseThrow();
        var key = apiKeys.create(
                workspace.id(),
                "assets test",
                Set.of(ApiKeyScope.READ, ApiKeyScope.WRITE),
                null,
                signedUp.user().id());
        return new Workspace(workspace.id(), key.token());
    }

    String folder(Workspace workspace, String name) {
        var response = http.json("POST", workspace.path("/folders"), workspace.token(), "{\"name\":\"" + name + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    long count(WorkspaceId workspace, String table) {
        return tenants.call(workspace, () -> jdbc.sql("select count(*) from " + table + " where workspace_id = :w")
                .param("w", workspace.value())
                .query(Long.class)
                .single());
    }

    java.util.List<String> storageKeys(WorkspaceId workspace) {
        return tenants.call(workspace, () -> jdbc.sql(
                        "select storage_key from asset_blobs where workspace_id = :w union all"
                                + " select thumbnail_key from asset_blobs where workspace_id = :w and thumbnail_key is not null")
                .param("w", workspace.value())
                .query(String.class)
                .list());
    }

    static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.problemType()).as(response.toString()).isEqualTo(type);
        assertThat(response.json().path("detail").asString()).isNotBlank();
    }
}
