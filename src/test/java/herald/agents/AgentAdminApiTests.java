package herald.agents;

import static org.assertj.core.api.Assertions.assertThat;

import herald.identity.ApiKeyScope;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API of agents: create with a key shown once, grants, pause and resume, keys, and who may do it. */
class AgentAdminApiTests extends AgentTestBase {

    Workspace w;
    String connection;

    @BeforeEach
    void workspace() {
        w = workspace("AgentAdmin");
        connection = connectSandbox(w, handle("adm"));
    }

    @Test
    void createsAnAgentWithAKeyShownOnceAndStoredOnlyAsAHash() {
        AgentKey agent = agent(w, "Newsletter bot");

        assertThat(agent.token()).startsWith("ha_");
        var view = admin(w, "GET", "/agents/" + agent.id(), null);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().path("status").asString()).isEqualTo("active");
        assertThat(view.json().path("keys").get(0).path("prefix").asString()).isNotBlank();
        assertThat(view.body()).doesNotContain(agent.token());
        var stored = context.getBean(herald.database.TenantScope.class).call(w.id(), () -> jdbc.sql(
                        "select count(*) from agent_keys where encode(secret_hash, 'escape') like :t")
                .param("t", "%" + agent.token() + "%")
                .query(Integer.class)
                .single());
        assertThat(stored).isZero();
        assertThat(audit(w, "agent.created")).hasSize(1);
    }

    @Test
    void replayingTheCreationDoesNotShowTheTokenAgain() {
        String body = "{\"name\":\"Replay bot\"}";
        var first =
                send("POST", "/api/v1/workspaces/" + w.id() + "/agents", w.adminKey(), body, "Idempotency-Key", "k1");
        var replay =
                send("POST", "/api/v1/workspaces/" + w.id() + "/agents", w.adminKey(), body, "Idempotency-Key", "k1");

        assertThat(first.json().path("key").path("token").asString()).startsWith("ha_");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().path("key").path("token").isNull()).isTrue();
    }

    @Test
    void grantsAreReplacedListedDeletedAndEveryChangeIsAudited() {
        AgentKey agent = agent(w, "Grant bot");

        var created = grant(w, agent, connection, "[\"POST_CREATE\"]", false, null);
        var changed = grant(w, agent, connection, "[\"POST_CREATE\",\"POST_SCHEDULE\"]", true, 3);

        assertThat(changed.json().path("id").asString())
                .isEqualTo(created.json().path("id").asString());
        assertThat(changed.json().path("requiresApproval").asBoolean()).isTrue();
        assertThat(changed.json().path("dailyCap").asInt()).isEqualTo(3);
        var listed = admin(w, "GET", "/agents/" + agent.id() + "/grants", null);
        assertThat(listed.json()).hasSize(1);
        assertThat(admin(
                                w,
                                "DELETE",
                                "/agents/" + agent.id() + "/grants/"
                                        + created.json().path("id").asString(),
                                null)
                        .status())
                .isEqualTo(204);
        assertThat(admin(w, "GET", "/agents/" + agent.id() + "/grants", null).json())
                .isEmpty();
        assertThat(audit(w, "agent.grant.created")).hasSize(1);
        var change = audit(w, "agent.grant.changed");
        assertThat(change).hasSize(1);
        assertThat(change.getFirst().get("details").toString())
                .contains("POST_CREATE,POST_SCHEDULE")
                .contains("\"before.capabilities\": \"POST_CREATE\"");
        assertThat(audit(w, "agent.grant.deleted")).hasSize(1);
    }

    @Test
    void refusesUnknownCapabilitiesAndAccountsOfOtherWorkspaces() {
        AgentKey agent = agent(w, "Picky bot");
        var other = workspace("AgentAdminOther");
        String foreign = connectSandbox(other, handle("for"));

        var unknown = admin(
                w,
                "POST",
                "/agents/" + agent.id() + "/grants",
                "{\"connectionId\":\"" + connection + "\",\"capabilities\":[\"POST_EVERYTHING\"]}");
        var elsewhere = admin(
                w,
                "POST",
                "/agents/" + agent.id() + "/grants",
                "{\"connectionId\":\"" + foreign + "\",\"capabilities\":[\"POST_CREATE\"]}");
        var badCap = admin(
                w,
                "POST",
                "/agents/" + agent.id() + "/grants",
                "{\"connectionId\":\"" + connection + "\",\"capabilities\":[\"POST_CREATE\"],\"dailyCap\":0}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asString())
                .contains("POST_EVERYTHING")
                .contains("POST_SCHEDULE");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(badCap.status()).isEqualTo(400);
        assertThat(badCap.json().path("errors").get(0).path("field").asString()).isEqualTo("dailyCap");
    }

    @Test
    void onlyAdminKeysManageAgentsAndOtherWorkspacesSeeNone() {
        AgentKey agent = agent(w, "Guarded bot");
        String writer = apiKeys.create(w.id(), "writer", Set.of(ApiKeyScope.WRITE), null, null)
                .token();
        var other = workspace("AgentAdminStranger");

        var byWriter = send("POST", "/api/v1/workspaces/" + w.id() + "/agents", writer, "{\"name\":\"x\"}");
        var byStranger = send("GET", "/api/v1/workspaces/" + w.id() + "/agents/" + agent.id(), other.adminKey(), null);
        var strangerList = admin(other, "GET", "/agents", null);
        var viaOwnPath = admin(other, "GET", "/agents/" + agent.id(), null);
        var byAgentKey = send("GET", "/api/v1/workspaces/" + w.id() + "/agents", agent.token(), null);

        assertThat(byWriter.status()).isEqualTo(403);
        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(strangerList.json()).isEmpty();
        assertThat(viaOwnPath.status()).isEqualTo(404);
        assertThat(byAgentKey.status()).isEqualTo(404);
    }

    @Test
    void pausesResumesIssuesAndRevokesKeys() {
        AgentKey agent = agent(w, "Lifecycle bot");

        assertThat(admin(w, "POST", "/agents/" + agent.id() + "/pause", null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("paused");
        assertThat(admin(w, "POST", "/agents/" + agent.id() + "/resume", null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("active");
        var second = admin(w, "POST", "/agents/" + agent.id() + "/keys", null);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("token").asString()).startsWith("ha_");
        var revoked = admin(w, "DELETE", "/agents/" + agent.id() + "/keys/" + agent.keyId(), null);
        assertThat(revoked.json().path("revokedAt").isNull()).isFalse();
        assertThat(audit(w, "agent.paused")).hasSize(1);
        assertThat(audit(w, "agent.resumed")).hasSize(1);
        assertThat(audit(w, "agent_key.revoked")).hasSize(1);
        assertThat(admin(w, "POST", "/agents", "{\"name\":\"lifecycle BOT\"}").status())
                .isEqualTo(409);
    }
}
