package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Personas over REST: the default every workspace gets, changes audited, bad input, and isolation. */
class PersonaApiTests extends ApiTest {

    private static final String NONNA =
            """
            {"name":"Nonna Rosa","description":"Grandmother of the house","tone":"humorous",
             "guidelines":"Speak like family.","wordsToUse":["homemade"," fresh ","Homemade"],"wordsToAvoid":["cheap"]}""";

    @Test
    void aNewWorkspaceHasOneDefaultPersona() {
        Workspace ws = provision();

        var items = api.get(ws.path("/personas"), ws.token()).json().path("items");

        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("name").asString()).isEqualTo("House voice");
        assertThat(items.get(0).path("isDefault").asBoolean()).isTrue();
        assertThat(items.get(0).path("tone").asString()).isEqualTo("casual");
    }

    @Test
    void createsChangesMovesTheDefaultAndDeletesAllButTheDefault() {
        Workspace ws = provision();
        String house = api.get(ws.path("/personas"), ws.token())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();

        var created = api.post(ws.path("/personas"), ws.token(), NONNA);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String nonna = created.json().path("id").asString();
        assertThat(created.header("Location")).endsWith("/personas/" + nonna);
        assertThat(created.json().path("wordsToUse").toString()).isEqualTo("[\"homemade\",\"fresh\"]");
        assertThat(created.json().path("isDefault").asBoolean()).isFalse();

        var changed = api.patch(ws.path("/personas/" + nonna), ws.token(), "{\"tone\":\"casual\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("tone").asString()).isEqualTo("casual");
        assertThat(changed.json().path("guidelines").asString()).isEqualTo("Speak like family.");

        assertProblem(api.delete(ws.path("/personas/" + house), ws.token()), 409, "conflict");

        var made = api.post(ws.path("/personas/" + nonna + "/default"), ws.token(), null);
        assertThat(made.json().path("isDefault").asBoolean()).isTrue();
        var items = api.get(ws.path("/personas"), ws.token()).json().path("items");
        assertThat(items.findValuesAsString("name")).containsExactly("Nonna Rosa", "House voice");
        assertThat(items.get(1).path("isDefault").asBoolean()).isFalse();

        assertThat(api.delete(ws.path("/personas/" + house), ws.token()).status())
                .isEqualTo(204);
        assertProblem(api.delete(ws.path("/personas/" + nonna), ws.token()), 409, "conflict");

        var audit = api.get(ws.path("/audit-events?action=persona.made_default"), ws.token())
                .json();
        assertThat(audit.path("items")).hasSize(1);
        assertThat(api.get(ws.path("/audit-events?action=persona.created"), ws.token())
                        .json()
                        .path("items"))
                .hasSize(1);
        assertThat(api.get(ws.path("/audit-events?action=persona.deleted"), ws.token())
                        .json()
                        .path("items"))
                .hasSize(1);
    }

    @Test
    void refusesBadPersonasWithProblemDocuments() {
        Workspace ws = provision();

        var tone = api.post(ws.path("/personas"), ws.token(), "{\"name\":\"Loud\",\"tone\":\"shouty\"}");
        assertProblem(tone, 400, "invalid-input");
        assertThat(tone.json().path("errors").get(0).path("field").asString()).isEqualTo("tone");

        var name = api.post(ws.path("/personas"), ws.token(), "{\"name\":\"  \",\"tone\":\"casual\"}");
        assertProblem(name, 400, "invalid-input");
        assertThat(name.json().path("errors").get(0).path("field").asString()).isEqualTo("name");

        var both = api.post(
                ws.path("/personas"),
                ws.token(),
                "{\"name\":\"Torn\",\"tone\":\"casual\",\"wordsToUse\":[\"cheap\"],\"wordsToAvoid\":[\"Cheap\"]}");
        assertProblem(both, 400, "invalid-input");

        var long_ = api.post(
                ws.path("/personas"),
                ws.token(),
                "{\"name\":\"Wordy\",\"tone\":\"casual\",\"guidelines\":\"" + "x".repeat(2001) + "\"}");
        assertProblem(long_, 400, "invalid-input");
        assertThat(api.get(ws.path("/personas"), ws.token()).json().path("items"))
                .hasSize(1);
    }

    @Test
    void workspaceBCannotSeeOrChangeAsPersonas() {
        Workspace a = provision();
        Workspace b = provision();
        String nonna = api.post(a.path("/personas"), a.token(), NONNA)
                .json()
                .path("id")
                .asString();

        assertProblem(api.get(b.path("/personas/" + nonna), b.token()), 404, "not-found");
        assertProblem(api.patch(b.path("/personas/" + nonna), b.token(), "{\"tone\":\"casual\"}"), 404, "not-found");
        assertProblem(api.post(b.path("/personas/" + nonna + "/default"), b.token(), null), 404, "not-found");
        assertProblem(api.delete(b.path("/personas/" + nonna), b.token()), 404, "not-found");
        assertProblem(api.get(a.path("/personas/" + nonna), b.token()), 404, "not-found");
        assertThat(api.get(b.path("/personas"), b.token()).json().path("items").findValuesAsString("name"))
                .containsExactly("House voice");
        var captions = api.post(
                b.path("/captions"),
                b.token(),
                "{\"platform\":\"sandbox\",\"personaId\":\"" + nonna
                        + "\",\"itemName\":\"Pizza\",\"mode\":\"template\"}");
        assertProblem(captions, 404, "not-found");
        assertThat(api.get(a.path("/personas/" + nonna), a.token()).status()).isEqualTo(200);
    }

    @Test
    void aReadOnlyKeyListsButCannotCreate() {
        Workspace ws = provision();
        String read = key(ws, "read");

        assertThat(api.get(ws.path("/personas"), read).status()).isEqualTo(200);
        assertThat(api.post(ws.path("/personas"), read, NONNA).status()).isEqualTo(403);
    }
}
