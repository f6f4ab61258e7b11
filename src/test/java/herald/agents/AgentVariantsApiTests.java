package herald.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Variants in the agent REST API: a platform or an account gets its own text and first comment, each account's
 * platform checks the text it gets, and a variant that cannot apply is refused before anything is made.
 */
class AgentVariantsApiTests extends AgentTestBase {

    static final String LONG = "Two for one on Tuesdays at Krusty's, all day long. " + "a".repeat(260);

    Workspace w;
    String sandbox;
    String sandboxHandle;
    String x;
    String xHandle;
    AgentKey agent;

    @BeforeEach
    void grantedASandboxAndAnXAccount() {
        w = workspace("AgentVariants");
        sandboxHandle = handle("variants");
        sandbox = connectSandbox(w, sandboxHandle);
        xHandle = handle("xvariants");
        x = xAccount(w, xHandle);
        agent = agent(w, "Variants bot");
        grant(w, agent, sandbox, "[\"POST_CREATE\",\"POST_READ\"]", false, null);
        // X posts wait for a member's approval: they are checked and stored, never sent to X.
        grant(w, agent, x, "[\"POST_CREATE\",\"POST_READ\"]", true, null);
    }

    @Test
    void eachAccountPublishesItsOwnText() {
        var withoutVariant = agentPost(agent, "{\"content\":\"" + LONG + "\",\"platforms\":[\"x\"]}");
        assertThat(withoutVariant.status()).as(withoutVariant.body()).isEqualTo(422);
        assertThat(withoutVariant.json().path("results").get(0).path("detail").asString())
                .contains("text.length")
                .contains("field content");

        var posted = agentPost(
                agent,
                "{\"content\":\"" + LONG + "\",\"platforms\":[\"x\",\"sandbox\"],\"waitSeconds\":10,"
                        + "\"firstComment\":\"#pizza\",\"variants\":[{\"platform\":\"X\",\"content\":\"Two for one"
                        + " on Tuesdays\",\"firstComment\":\"#krusty\"}]}");

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().path("created").asInt()).as(posted.body()).isEqualTo(2);
        assertThat(targetBodies(w))
                .containsEntry(xHandle, "Two for one on Tuesdays|#krusty")
                .containsEntry(sandboxHandle, "|");
        assertThat(StreamSupport.stream(sandboxPosts(sandboxHandle).spliterator(), false)
                        .map(p -> p.path("text").asString()))
                .containsExactly(LONG);
        JsonNode xResult = posted.json().path("results").get(0);
        assertThat(xResult.path("status").asString()).isEqualTo("pending_approval");
        JsonNode xTarget = send(
                        "GET", "/api/v1/agent/posts/" + xResult.path("postId").asString(), agent.token(), null)
                .json()
                .path("targets")
                .get(0);
        assertThat(xTarget.path("content").asString()).isEqualTo("Two for one on Tuesdays");
        assertThat(xTarget.path("firstComment").asString()).isEqualTo("#krusty");
    }

    @Test
    void anAccountsOwnVariantCountsOverItsPlatforms() {
        String secondHandle = handle("second");
        String second = connectSandbox(w, secondHandle);
        grant(w, agent, second, "[\"POST_CREATE\"]", false, null);

        var posted = agentPost(
                agent,
                "{\"content\":\"For everyone\",\"platforms\":[\"sandbox\"],\"waitSeconds\":10,\"variants\":["
                        + "{\"connectionId\":\"" + second + "\",\"content\":\"Just for the second\"},"
                        + "{\"platform\":\"sandbox\",\"content\":\"For every sandbox\"}]}");

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(targetBodies(w))
                .containsEntry(sandboxHandle, "For every sandbox|")
                .containsEntry(secondHandle, "Just for the second|");
        assertThat(StreamSupport.stream(sandboxPosts(secondHandle).spliterator(), false)
                        .map(p -> p.path("text").asString()))
                .containsExactly("Just for the second");
    }

    @Test
    void contentCanBeLeftOutWhenEveryAccountHasItsOwn() {
        var oneWithout = agentPost(
                agent,
                "{\"platforms\":[\"x\",\"sandbox\"],\"variants\":[{\"platform\":\"x\",\"content\":\"Short for X\"}]}");
        assertThat(oneWithout.status()).as(oneWithout.body()).isEqualTo(201);
        assertThat(oneWithout.json().path("created").asInt()).isEqualTo(1);
        JsonNode refused = oneWithout.json().path("results").get(1);
        assertThat(refused.path("error").asString()).isEqualTo("invalid_content");
        assertThat(refused.path("detail").asString()).contains("text.empty").contains("field content");

        var everyOne = agentPost(
                agent,
                "{\"platforms\":[\"x\",\"sandbox\"],\"waitSeconds\":10,\"variants\":[{\"platform\":\"x\","
                        + "\"content\":\"Short for X\"},{\"platform\":\"sandbox\",\"content\":\"Longer for the"
                        + " Sandbox\"}]}");

        assertThat(everyOne.status()).as(everyOne.body()).isEqualTo(201);
        assertThat(everyOne.json().path("created").asInt()).isEqualTo(2);
        assertThat(StreamSupport.stream(sandboxPosts(sandboxHandle).spliterator(), false)
                        .map(p -> p.path("text").asString()))
                .containsExactly("Longer for the Sandbox");
    }

    @Test
    void eachAccountsPlatformChecksItsVariantAndTheRefusalNamesIt() {
        var tooLong = agentPost(
                agent,
                "{\"content\":\"Hi\",\"connectionIds\":[\"" + sandbox + "\"],\"variants\":[{\"connectionId\":\""
                        + sandbox + "\",\"content\":\"" + "a".repeat(501) + "\"}]}");
        var commentTooLong = agentPost(
                agent,
                "{\"content\":\"Hi\",\"platforms\":[\"sandbox\"],\"variants\":[{\"platform\":\"sandbox\","
                        + "\"firstComment\":\"" + "a".repeat(501) + "\"}]}");

        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(422);
        assertThat(tooLong.json().path("results").get(0).path("detail").asString())
                .contains("text.length")
                .contains("field variants[0].content");
        assertThat(commentTooLong.status()).as(commentTooLong.body()).isEqualTo(422);
        assertThat(commentTooLong.json().path("results").get(0).path("detail").asString())
                .contains("comment.length")
                .contains("field variants[0].firstComment");
        assertThat(targetBodies(w)).isEmpty();
    }

    @Test
    void aVariantThatCannotApplyIsRefusedAndNothingIsMade() {
        String ungranted = connectSandbox(w, handle("ungranted"));

        assertRefused(
                "{\"platforms\":[\"sandbox\"],\"variants\":[{\"platform\":\"x\",\"content\":\"Hi X\"}]}",
                "variants[0].platform",
                "no x account");
        assertRefused(
                "{\"connectionIds\":[\"" + sandbox + "\"],\"variants\":[{\"platform\":\"x\",\"content\":\"Hi X\"}]}",
                "variants[0].platform",
                "no x account");
        assertRefused(
                "{\"connectionIds\":[\"" + sandbox + "\"],\"variants\":[{\"connectionId\":\"" + x
                        + "\",\"content\":\"Hi X\"}]}",
                "variants[0].connectionId",
                "does not go to the account");
        assertRefused(
                "{\"platforms\":[\"sandbox\"],\"variants\":[{\"connectionId\":\"" + ungranted
                        + "\",\"content\":\"Hi\"}]}",
                "variants[0].connectionId",
                "does not go to the account");
        assertRefused(
                "{\"platforms\":[\"sandbox\"],\"variants\":[{\"platform\":\"sandbox\",\"connectionId\":\"" + sandbox
                        + "\",\"content\":\"Hi\"}]}",
                "variants[0]",
                "not both");
        assertRefused("{\"platforms\":[\"sandbox\"],\"variants\":[{\"content\":\"Hi\"}]}", "variants[0]", "either");
        assertRefused("{\"platforms\":[\"sandbox\"],\"variants\":[null]}", "variants[0]", "either");
        assertRefused(
                "{\"platforms\":[\"sandbox\"],\"variants\":[{\"platform\":\"sandbox\",\"content\":\"A\"},"
                        + "{\"platform\":\"Sandbox\",\"firstComment\":\"B\"}]}",
                "variants[1]",
                "already names the platform");
        assertRefused(
                "{\"platforms\":[\"sandbox\"],\"variants\":[{\"connectionId\":\"" + sandbox + "\",\"content\":\"A\"},"
                        + "{\"connectionId\":\"" + sandbox + "\",\"content\":\"B\"}]}",
                "variants[1]",
                "already names the account");
        assertRefused(
                "{\"platforms\":[\"sandbox\"],\"variants\":[{\"platform\":\"sandbox\",\"content\":\" \"}]}",
                "variants[0]",
                "no content, firstComment, format or noFirstComment");
        assertRefused(
                "{\"platforms\":[\"sandbox\"],\"variants\":[{\"platform\":\"sandbox\",\"content\":\""
                        + "a".repeat(10_001) + "\"}]}",
                "variants[0].content",
                "at most 10000");
        assertRefused(
                "{\"platforms\":[\"sandbox\"],\"variants\":[{\"platform\":\"sandbox\",\"firstComment\":\""
                        + "a".repeat(10_001) + "\"}]}",
                "variants[0].firstComment",
                "at most 10000");
        var unknownField = agentPost(
                agent,
                "{\"content\":\"Hi\",\"platforms\":[\"sandbox\"],\"variants\":[{\"platform\":\"sandbox\","
                        + "\"colour\":\"red\"}]}");
        assertThat(unknownField.status()).as(unknownField.body()).isEqualTo(400);
        assertThat(targetBodies(w)).isEmpty();
    }

    private void assertRefused(String request, String field, String says) {
        var refused = agentPost(agent, "{\"content\":\"Hi\"," + request.substring(1));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problemType()).isEqualTo("invalid-input");
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(error.path("field").asString()).as(refused.body()).isEqualTo(field);
        assertThat(refused.json().path("detail").asString()).as(refused.body()).contains(says);
    }
}
