package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document and Swagger UI load without signing in, and describe every endpoint and its errors. */
class DocsApiTests extends ApiTest {

    @Test
    void theOpenApiDocumentDescribesEveryOperation() {
        var response = api.get("/v3/api-docs", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode doc = response.json();
        writeForReaders(response.body());
        assertThat(doc.path("components")
                        .path("securitySchemes")
                        .path("apiKey")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(doc.path("components").path("schemas").has("Problem")).isTrue();
        assertThat(doc.path("security").toString()).contains("apiKey");
        JsonNode paths = doc.path("paths");
        assertThat(paths.propertyNames())
                .contains(
                        "/api/v1/workspaces",
                        "/api/v1/workspaces/{workspaceId}",
                        "/api/v1/workspaces/{workspaceId}/members",
                        "/api/v1/workspaces/{workspaceId}/members/{userId}",
                        "/api/v1/workspaces/{workspaceId}/invitations",
                        "/api/v1/workspaces/{workspaceId}/invitations/{invitationId}",
                        "/api/v1/workspaces/{workspaceId}/api-keys",
                        "/api/v1/workspaces/{workspaceId}/api-keys/{keyId}",
                        "/api/v1/workspaces/{workspaceId}/audit-events",
                        "/api/v1/workspaces/{workspaceId}/audit-events/verify");

        List<String> checked = new ArrayList<>();
        List<String> operationIds = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            if (path.contains("test-failures")) {
                continue; // exists only in these tests
            }
            JsonNode item = paths.path(path);
            if (path.contains("{workspaceId}")) {
                assertThat(item.path("parameters").toString()).as(path).contains("workspaceId");
            }
            for (String method : item.propertyNames()) {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                JsonNode operation = item.path(method);
                String where = method + " " + path;
                assertThat(operation.path("summary").asString()).as(where).isNotBlank();
                assertThat(operation.path("responses").propertyNames())
                        .as(where)
                        .contains("401", "404", "500");
                assertThat(operation
                                .path("responses")
                                .path("404")
                                .path("content")
                                .toString())
                        .as(where)
                        .contains("application/problem+json")
                        .contains("#/components/schemas/Problem");
                if (!method.equals("get")) {
                    assertThat(operation.path("parameters").toString())
                            .as(where)
                            .contains("Idempotency-Key");
                }
                assertThat(operation.path("content").toString()).doesNotContain("*/*");
                operationIds.add(operation.path("operationId").asString());
                checked.add(where);
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(16);
        assertThat(operationIds)
                .doesNotHaveDuplicates()
                .contains("provisionWorkspace", "createApiKey", "listAuditEvents");
        assertThat(response.body()).doesNotContain("\"*/*\"");
        String members = paths.path("/api/v1/workspaces/{workspaceId}/members")
                .path("get")
                .path("description")
                .asString();
        assertThat(members).contains("admin");
        assertThat(paths.path("/api/v1/workspaces/{workspaceId}/members")
                        .path("get")
                        .path("parameters")
                        .toString())
                .contains("limit")
                .contains("cursor");
        assertThat(paths.path("/api/v1/workspaces/{workspaceId}/api-keys")
                        .path("post")
                        .path("responses")
                        .has("201"))
                .isTrue();
    }

    /** Keeps the document in target/ for a person to read after the build. */
    private static void writeForReaders(String document) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), document);
        } catch (java.io.IOException e) {
            // only a convenience
        }
    }

    @Test
    void swaggerUiLoadsAtDocs() {
        var redirect = api.get("/docs", null);
        assertThat(redirect.status()).as(redirect.toString()).isIn(200, 302);
        String location = redirect.status() == 302 ? redirect.header("Location") : "/docs";

        var page = api.exchange(HttpRequest.newBuilder(api.uri(location.replaceFirst("^https?://[^/]+", "")))
                .GET()
                .build());

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger-ui");
        var config = api.get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
    }
}
