package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Snippets over REST: saved, listed by name, changed and deleted, names unique in a workspace whatever their case. */
class SnippetApiTests extends ApiTest {

    @Test
    void savesChangesListsAndDeletesSnippets() {
        Workspace ws = provision();

        var saved =
                api.post(ws.path("/snippets"), ws.token(), "{\"name\":\" Pizza  tags \",\"body\":\"#pizza #napoli\"}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        assertThat(saved.json().path("name").asString()).isEqualTo("Pizza tags");
        String id = saved.json().path("id").asString();
        api.post(ws.path("/snippets"), ws.token(), "{\"name\":\"Disclaimer\",\"body\":\"Prices may vary.\"}");

        var same = api.post(ws.path("/snippets"), ws.token(), "{\"name\":\"PIZZA TAGS\",\"body\":\"#other\"}");
        assertProblem(same, 409, "conflict");
        assertThat(same.json().path("detail").asString()).contains("choose another name");
        assertProblem(
                api.post(ws.path("/snippets"), ws.token(), "{\"name\":\"Empty\",\"body\":\"  \"}"),
                400,
                "invalid-input");

        var changed = api.send(
                "PUT",
                ws.path("/snippets/" + id),
                ws.token(),
                "{\"name\":\"Pizza tags\",\"body\":\"#pizza #margherita\"}");
        assertThat(changed.json().path("body").asString()).isEqualTo("#pizza #margherita");
        var list = api.get(ws.path("/snippets"), ws.token()).json().path("items");
        assertThat(list.valueStream().map(s -> s.path("name").asString())).containsExactly("Disclaimer", "Pizza tags");

        Workspace other = provision();
        assertThat(api.get(other.path("/snippets/" + id), other.token()).status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", other.path("/snippets/" + id), other.token(), null)
                        .status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", ws.path("/snippets/" + id), ws.token(), null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get(ws.path("/snippets"), ws.token()).json().path("items"))
                .hasSize(1);
        assertThat(api.get(ws.path("/audit-events?action=snippet.created"), ws.token())
                        .json()
                        .path("items"))
                .hasSize(2);
    }
}
