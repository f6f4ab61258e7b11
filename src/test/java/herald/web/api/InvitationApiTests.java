package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import herald.tenancy.InvitationUnusable;
import herald.tenancy.Invitations;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InvitationApiTests extends ApiTest {

    @Autowired
    Invitations invitations;

    @Autowired
    TenantScope tenants;

    List<String> open(Workspace workspace) {
        var response = api.get(workspace.path("/invitations"), workspace.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json()
                .path("items")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList();
    }

    @Test
    void invitesWithASingleUseLinkShownOnce() {
        var workspace = provisionWithOwner("enterprise");

        var response = api.post(
                workspace.path("/invitations"),
                workspace.token(),
                "{\"email\":\"Guest@Example.com\",\"role\":\"editor\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var json = response.json();
        String id = json.path("id").asString();
        assertThat(response.header("Location")).isEqualTo(workspace.path("/invitations/" + id));
        assertThat(json.path("email").asString()).isEqualTo("guest@example.com");
        assertThat(json.path("role").asString()).isEqualTo("editor");
        assertThat(json.path("url").asString()).startsWith("http://localhost:8080/invitations/");
        assertThat(json.path("expiresAt").asString()).isNotBlank();
        var listed = api.get(workspace.path("/invitations"), workspace.token());
        assertThat(open(workspace)).containsExactly(id);
        assertThat(listed.body()).doesNotContain(json.path("url").asString());
    }

    @Test
    void revokesAnInvitationOnce() {
        var workspace = provisionWithOwner("enterprise");
        var invited = api.post(workspace.path("/invitations"), workspace.token(), "{\"role\":\"viewer\"}");
        String id = invited.json().path("id").asString();
        String url = invited.json().path("url").asString();

        assertThat(api.delete(workspace.path("/invitations/" + id), workspace.token())
                        .status())
                .isEqualTo(204);

        assertThat(open(workspace)).doesNotContain(id);
        assertProblem(api.delete(workspace.path("/invitations/" + id), workspace.token()), 404, "not-found");
        assertThatThrownBy(() -> invitations.preview(url.substring(url.lastIndexOf('/') + 1)))
                .isInstanceOfSatisfying(InvitationUnusable.class, e -> assertThat(e.reason())
                        .isEqualTo(InvitationUnusable.Reason.REVOKED));
    }

    @Test
    void answersNotFoundForUnknownAndUsedInvitations() {
        var workspace = provisionWithOwner("enterprise");
        var invited = api.post(workspace.path("/invitations"), workspace.token(), "{\"role\":\"viewer\"}");
        String id = invited.json().path("id").asString();
        String url = invited.json().path("url").asString();
        var person = users.register("used-" + UUID.randomUUID() + "@herald.test", "Used", "a long enough passphrase");
        invitations.accept(url.substring(url.lastIndexOf('/') + 1), person.id());

        assertThat(open(workspace)).doesNotContain(id);
        assertProblem(api.delete(workspace.path("/invitations/" + id), workspace.token()), 404, "not-found");
        assertProblem(
                api.delete(workspace.path("/invitations/" + UUID.randomUUID()), workspace.token()), 404, "not-found");
    }

    @Test
    void stopsListingAnExpiredInvitation() {
        var workspace = provisionWithOwner("enterprise");
        var invited = api.post(workspace.path("/invitations"), workspace.token(), "{\"role\":\"viewer\"}");
        String id = invited.json().path("id").asString();
        tenants.run(WorkspaceId.of(workspace.id()), () -> jdbc.sql(
                        "update invitations set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", UUID.fromString(id))
                .update());

        assertThat(open(workspace)).doesNotContain(id);
        String url = invited.json().path("url").asString();
        assertThatThrownBy(() -> invitations.preview(url.substring(url.lastIndexOf('/') + 1)))
                .isInstanceOfSatisfying(InvitationUnusable.class, e -> assertThat(e.reason())
                        .isEqualTo(InvitationUnusable.Reason.EXPIRED));
    }

    @Test
    void refusesBadInvitationsAndCreatesNothing() {
        var workspace = provisionWithOwner("enterprise");

        var cases = List.of(
                List.of("{\"role\":\"overlord\"}", "role"),
                List.of("{\"role\":\"owner\"}", "role"),
                List.of("{\"email\":\"nope\",\"role\":\"editor\"}", "email"),
                List.of("{\"email\":\"a@b.example\"}", "role"));
        for (var bad : cases) {
            var response = api.post(workspace.path("/invitations"), workspace.token(), bad.get(0));
            assertProblem(response, 400, "invalid-input");
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .isEqualTo(bad.get(1));
        }
        assertThat(open(workspace)).isEmpty();
    }

    @Test
    void refusesAnInvitationBeyondThePlansSeats() {
        var workspace = provisionWithOwner("cramped");
        var first = api.post(workspace.path("/invitations"), workspace.token(), "{\"role\":\"viewer\"}");
        String url = first.json().path("url").asString();
        var person = users.register("seat-" + UUID.randomUUID() + "@herald.test", "Seat", "a long enough passphrase");
        invitations.accept(url.substring(url.lastIndexOf('/') + 1), person.id());

        var response = api.post(workspace.path("/invitations"), workspace.token(), "{\"role\":\"viewer\"}");

        assertProblem(response, 403, "plan-limit");
        assertThat(response.json().path("limit").asString()).isEqualTo("members");
        assertThat(open(workspace)).isEmpty();
    }
}
