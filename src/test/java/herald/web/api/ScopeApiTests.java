package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScopeApiTests extends ApiTest {

    @Test
    void aReadKeyReadsTheWorkspaceButNothingThatNeedsAdmin() {
        var workspace = provisionWithOwner("enterprise");
        String read = key(workspace, "read");

        assertThat(api.get(workspace.path(), read).status()).isEqualTo(200);
        for (var refused : java.util.List.of(
                api.get(workspace.path("/members"), read),
                api.get(workspace.path("/invitations"), read),
                api.get(workspace.path("/api-keys"), read),
                api.get(workspace.path("/audit-events"), read),
                api.get(workspace.path("/audit-events/verify"), read),
                api.patch(workspace.path(), read, "{\"name\":\"Mine now\"}"),
                api.post(workspace.path("/api-keys"), read, "{\"name\":\"escalate\",\"scopes\":[\"admin\"]}"),
                api.post(workspace.path("/invitations"), read, "{\"role\":\"admin\"}"),
                api.delete(workspace.path("/members/" + workspace.ownerId()), read))) {
            assertProblem(refused, 403, "insufficient-scope");
            assertThat(refused.json().path("requiredScope").asString()).isEqualTo("admin");
            assertThat(refused.json().path("detail").asString()).contains("'admin'");
        }
        var keys =
                api.get(workspace.path("/api-keys"), workspace.token()).json().path("items");
        assertThat(keys.valueStream().map(k -> k.path("name").asString())).doesNotContain("escalate");
        assertThat(api.get(workspace.path(), workspace.token())
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo(workspace.name());
        assertThat(api.get(workspace.path("/members"), workspace.token())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aWriteKeyReadsAndWritesContentButCannotAdminister() {
        var workspace = provision();
        String write = key(workspace, "write");
        String read = key(workspace, "read");

        assertThat(api.get(workspace.path(), write).status()).isEqualTo(200);
        var invite = api.post(workspace.path("/invitations"), write, "{\"role\":\"viewer\"}");
        assertProblem(invite, 403, "insufficient-scope");
        assertThat(invite.json().path("requiredScope").asString()).isEqualTo("admin");

        // A content mutation (here the test endpoint) needs write: a read key is refused before it runs.
        var byRead = api.post(workspace.path("/test-failures"), read, "{\"marker\":\"read\"}");
        assertProblem(byRead, 403, "insufficient-scope");
        assertThat(byRead.json().path("requiredScope").asString()).isEqualTo("write");
        String marker = "{\"marker\":\"%s\"}".formatted(java.util.UUID.randomUUID());
        assertThat(api.post(workspace.path("/test-failures"), write, marker).status())
                .isEqualTo(500);
        assertThat(api.post(workspace.path("/test-failures"), write, marker).status())
                .isEqualTo(201);
    }

    @Test
    void anAdminKeyDoesEverything() {
        var workspace = provisionWithOwner("enterprise");
        String admin = key(workspace, "admin");

        assertThat(api.get(workspace.path("/members"), admin).status()).isEqualTo(200);
        assertThat(api.post(workspace.path("/invitations"), admin, "{\"role\":\"viewer\"}")
                        .status())
                .isEqualTo(201);
        String marker = "{\"marker\":\"%s\"}".formatted(java.util.UUID.randomUUID());
        assertThat(api.post(workspace.path("/test-failures"), admin, marker).status())
                .isEqualTo(500);
        assertThat(api.post(workspace.path("/test-failures"), admin, marker).status())
                .isEqualTo(201);
    }
}
