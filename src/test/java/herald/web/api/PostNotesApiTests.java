package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Notes on a post over REST: any writer adds them, only their author or an admin key removes them. */
class PostNotesApiTests extends ApiTest {

    @Autowired
    TenantScope tenants;

    @Test
    void writersAddNotesWhichOnlyTheirAuthorOrAnAdminRemoves() {
        Workspace ws = provision();
        String post = draft(ws);
        String writer = key(ws, "write");
        String otherWriter = key(ws, "write");
        String reader = key(ws, "read");

        var added = api.post(ws.path("/posts/" + post + "/notes"), writer, "{\"body\":\"  Less cheese, more sun.  \"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().path("body").asString()).isEqualTo("Less cheese, more sun.");
        assertThat(added.json().path("authorType").asString()).isEqualTo("api_key");
        assertThat(added.json().path("author").asString()).startsWith("key ");
        String note = added.json().path("id").asString();
        var listed = api.get(ws.path("/posts/" + post + "/notes"), reader);
        assertThat(listed.json().path("items").valueStream().map(n -> n.path("id")
                        .asString()))
                .containsExactly(note);

        assertThat(api.post(ws.path("/posts/" + post + "/notes"), reader, "{\"body\":\"Hi\"}")
                        .status())
                .as("a read key writes nothing")
                .isEqualTo(403);
        var notTheirs = api.send("DELETE", ws.path("/posts/" + post + "/notes/" + note), otherWriter, null);
        assertThat(notTheirs.status()).as(notTheirs.toString()).isEqualTo(403);
        assertThat(api.send("DELETE", ws.path("/posts/" + post + "/notes/" + note), writer, null)
                        .status())
                .isEqualTo(204);

        var again = api.post(ws.path("/posts/" + post + "/notes"), writer, "{\"body\":\"Second thoughts\"}");
        var byAdmin = api.send(
                "DELETE",
                ws.path("/posts/" + post + "/notes/" + again.json().path("id").asString()),
                ws.token(),
                null);
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(204);
        assertThat(api.get(ws.path("/posts/" + post + "/notes"), reader).json().path("items"))
                .isEmpty();
        assertThat(api.get(ws.path("/audit-events?action=post.note_added"), ws.token())
                        .json()
                        .path("items"))
                .hasSize(2);
        assertThat(api.get(ws.path("/audit-events?action=post.note_removed"), ws.token())
                        .json()
                        .path("items"))
                .hasSize(2);
    }

    @Test
    void refusesEmptyAndOverlongNotesAndAnotherWorkspacesPost() {
        Workspace ws = provision();
        String post = draft(ws);

        assertProblem(
                api.post(ws.path("/posts/" + post + "/notes"), ws.token(), "{\"body\":\"   \"}"), 400, "invalid-input");
        var overlong =
                api.post(ws.path("/posts/" + post + "/notes"), ws.token(), "{\"body\":\"" + "a".repeat(2001) + "\"}");
        assertProblem(overlong, 400, "invalid-input");
        assertThat(overlong.json().path("detail").asString()).contains("at most 2000 characters");

        Workspace other = provision();
        assertThat(api.get(other.path("/posts/" + post + "/notes"), other.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.post(other.path("/posts/" + post + "/notes"), other.token(), "{\"body\":\"Sneaky\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get(ws.path("/posts/" + post + "/notes"), ws.token())
                        .json()
                        .path("items"))
                .isEmpty();
    }

    private String draft(Workspace ws) {
        String account = herald.TenantFixtures.sandboxAccount(
                        tenants, jdbc, new WorkspaceId(UUID.fromString(ws.id())), "krusty")
                .value()
                .toString();
        var created = api.post(
                ws.path("/posts"),
                ws.token(),
                "{\"body\":\"Pizza\",\"targets\":[{\"connectionId\":\"%s\"}],\"draft\":true}".formatted(account));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
