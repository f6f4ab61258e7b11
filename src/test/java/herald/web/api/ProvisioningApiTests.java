package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import herald.shared.WorkspaceId;
import herald.tenancy.InvitationUnusable;
import herald.tenancy.Invitations;
import herald.tenancy.Memberships;
import herald.tenancy.Role;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

class ProvisioningApiTests extends ApiTest {

    @Autowired
    Invitations invitations;

    @Autowired
    Memberships memberships;

    @Test
    void createsAWorkspaceWithAnAdminKeyShownOnceAndInvitesAnOwnerWithoutAccount() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var response = api.post(
                "/api/v1/workspaces",
                OPERATOR,
                """
                {"name":"Krusty Pizza %s","ownerEmail":"Krusty-%s@Example.com","plan":"basic","timezone":"America/Chicago"}"""
                        .formatted(suffix, suffix));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var json = response.json();
        String id = json.path("id").asString();
        assertThat(response.header("Location")).isEqualTo("/api/v1/workspaces/" + id);
        assertThat(json.path("name").asString()).isEqualTo("Krusty Pizza " + suffix);
        assertThat(json.path("slug").asString()).isEqualTo("krusty-pizza-" + suffix);
        assertThat(json.path("plan").asString()).isEqualTo("basic");
        assertThat(json.path("timezone").asString()).isEqualTo("America/Chicago");
        assertThat(json.path("createdAt").asString()).isNotBlank();
        assertThat(json.path("apiKey").path("id").asString()).isNotBlank();
        String token = json.path("apiKey").path("token").asString();
        assertThat(token).startsWith("hk_");
        assertThat(json.path("apiKey").path("scopes").toString()).isEqualTo("[\"admin\"]");
        assertThat(json.path("owner").path("status").asString()).isEqualTo("invited");
        assertThat(json.path("owner").path("email").asString()).isEqualTo("krusty-" + suffix + "@example.com");
        String url = json.path("ownerInvitation").path("url").asString();
        assertThat(url).startsWith("http://localhost:8080/invitations/");
        assertThat(json.path("ownerInvitation").path("expiresAt").asString()).isNotBlank();

        var workspace = api.get("/api/v1/workspaces/" + id, token);
        assertThat(workspace.status()).as(workspace.toString()).isEqualTo(200);
        assertThat(workspace.json().path("usage").path("members").asInt()).isZero();
        var folders = api.get("/api/v1/workspaces/" + id + "/folders", token);
        assertThat(folders.json().path("items").findValuesAsString("name"))
                .as("a provisioned workspace gets the default folders too, before its owner has joined")
                .contains("Food", "Drinks", "Restaurant", "Seasonal");

        // The link makes its addressee the owner, once.
        String invitationToken = url.substring(url.lastIndexOf('/') + 1);
        assertThat(invitations.preview(invitationToken).role()).isEqualTo(Role.OWNER);
        var owner = users.register("krusty-" + suffix + "@example.com", "Krusty", "a long enough passphrase");
        invitations.accept(invitationToken, owner.id());
        assertThat(memberships.roleOf(WorkspaceId.of(id), owner.id())).contains(Role.OWNER);
        Assertions.assertThatThrownBy(() -> invitations.accept(invitationToken, owner.id()))
                .isInstanceOf(InvitationUnusable.class);
    }

    @Test
    void addsAnOwnerWhoHasAnAccountAtOnce() {
        String email = "existing-" + UUID.randomUUID() + "@herald.test";
        var user = users.register(email, "Existing", "a long enough passphrase");

        var response = api.post(
                "/api/v1/workspaces",
                OPERATOR,
                """
                {"name":"Hults Cafe %s","ownerEmail":"%s","plan":"free","timezone":"Europe/Stockholm"}"""
                        .formatted(UUID.randomUUID().toString().substring(0, 6), email));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("owner").path("status").asString()).isEqualTo("member");
        assertThat(response.json().path("owner").path("userId").asString())
                .isEqualTo(user.id().toString());
        assertThat(response.json().path("ownerInvitation").isNull()).isTrue();
        assertThat(memberships.roleOf(WorkspaceId.of(response.json().path("id").asString()), user.id()))
                .contains(Role.OWNER);
    }

    @Test
    void recordsTheProvisioningInTheNewWorkspacesAuditLog() {
        var workspace = provision();

        var events = api.get(workspace.path("/audit-events"), workspace.token());

        assertThat(events.status()).isEqualTo(200);
        var actions = events.json()
                .path("items")
                .valueStream()
                .map(event -> event.path("action").asString() + " by "
                        + event.path("actor").path("type").asString())
                .toList();
        assertThat(actions)
                .contains("workspace.created by operator", "member.invited by operator", "api_key.created by operator");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown plan      | {\"name\":\"%s\",\"ownerEmail\":\"a@b.example\",\"plan\":\"platinum\",\"timezone\":\"UTC\"}       | plan",
                "invalid timezone  | {\"name\":\"%s\",\"ownerEmail\":\"a@b.example\",\"plan\":\"free\",\"timezone\":\"Mars/Olympus\"} | timezone",
                "invalid email     | {\"name\":\"%s\",\"ownerEmail\":\"not-an-email\",\"plan\":\"free\",\"timezone\":\"UTC\"}        | ownerEmail",
                "missing plan      | {\"name\":\"%s\",\"ownerEmail\":\"a@b.example\",\"timezone\":\"UTC\"}                         | plan",
                "blank timezone    | {\"name\":\"%s\",\"ownerEmail\":\"a@b.example\",\"plan\":\"free\",\"timezone\":\" \"}           | timezone",
                "unknown property  | {\"name\":\"%s\",\"ownerEmail\":\"a@b.example\",\"plan\":\"free\",\"timezone\":\"UTC\",\"owner\":1} | owner",
                "name too long     | {\"name\":\"%s-----------------------------------------------------------------------------------------------\",\"ownerEmail\":\"a@b.example\",\"plan\":\"free\",\"timezone\":\"UTC\"} | name",
            })
    void refusesBadInputNamingTheFieldAndCreatesNothing(String label, String template, String field) {
        String name = "Refused " + UUID.randomUUID().toString().substring(0, 8);

        var response = api.post("/api/v1/workspaces", OPERATOR, template.formatted(name));

        assertProblem(response, 400, "invalid-input");
        assertThat(response.json().path("errors").valueStream().map(e -> e.path("field")
                        .asString()))
                .contains(field);
        assertThat(slugTaken(name.toLowerCase().replace(' ', '-'))).isFalse();
    }

    @Test
    void listsEveryMissingFieldAtOnce() {
        var response = api.post("/api/v1/workspaces", OPERATOR, "{}");

        assertProblem(response, 400, "invalid-input");
        assertThat(response.json().path("errors").valueStream().map(e -> e.path("field")
                        .asString()))
                .containsExactlyInAnyOrder("name", "ownerEmail", "plan", "timezone");
    }

    @Test
    void refusesMalformedJsonAndCreatesNothing() {
        String name = "Malformed " + UUID.randomUUID().toString().substring(0, 8);

        var response = api.post("/api/v1/workspaces", OPERATOR, "{\"name\":\"" + name + "\", \"plan\": ");

        assertProblem(response, 400, "malformed-json");
        assertThat(slugTaken(name.toLowerCase().replace(' ', '-'))).isFalse();
    }

    @Test
    void refusesAnApiKeyAndAMissingOrWrongToken() {
        var workspace = provision();
        String body =
                """
                {"name":"Sneaky","ownerEmail":"a@b.example","plan":"free","timezone":"UTC"}""";

        assertProblem(api.post("/api/v1/workspaces", workspace.token(), body), 403, "operator-only");
        assertProblem(api.post("/api/v1/workspaces", null, body), 401, "unauthenticated");
        assertProblem(api.post("/api/v1/workspaces", "wrong-operator-token", body), 401, "unauthenticated");
        assertThat(slugTaken("sneaky")).isFalse();
    }
}
