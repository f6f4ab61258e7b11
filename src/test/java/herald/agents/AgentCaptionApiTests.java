package herald.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** POST /api/v1/agent/captions: only with CAPTION_GENERATE on a granted account, whose platform's rules apply. */
class AgentCaptionApiTests extends AgentTestBase {

    @Test
    void writesCaptionsOnlyForAGrantedAccountWithCaptionGenerate() {
        Workspace w = workspace("AgentCaptions");
        String granted = connectSandbox(w, handle("cap"));
        String ungranted = connectSandbox(w, handle("nocap"));
        AgentKey agent = agent(w, "Caption bot");
        grant(w, agent, granted, "[\"POST_CREATE\"]", false, null);
        String body = "{\"connectionId\":\"%s\",\"itemName\":\"Tiramisu\",\"variants\":2,\"mode\":\"template\"}";

        var without = send("POST", "/api/v1/agent/captions", agent.token(), body.formatted(granted));
        assertThat(without.status()).as(without.body()).isEqualTo(403);
        assertThat(without.problemType()).isEqualTo("no-permission");

        var notGranted = send("POST", "/api/v1/agent/captions", agent.token(), body.formatted(ungranted));
        assertThat(notGranted.status()).as(notGranted.body()).isEqualTo(404);

        grant(w, agent, granted, "[\"POST_CREATE\",\"CAPTION_GENERATE\"]", false, null);
        var written = send("POST", "/api/v1/agent/captions", agent.token(), body.formatted(granted));
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(written.json().path("mode").asString()).isEqualTo("template");
        assertThat(written.json().path("captions")).hasSize(2);
        assertThat(written.json().path("captions").get(0).path("text").asString())
                .contains("Tiramisu");

        var noAccount = send("POST", "/api/v1/agent/captions", agent.token(), "{\"itemName\":\"Tiramisu\"}");
        assertThat(noAccount.status()).as(noAccount.body()).isEqualTo(400);
    }
}
