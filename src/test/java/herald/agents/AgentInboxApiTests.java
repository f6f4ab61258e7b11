package herald.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/agent/inbox, POST /api/v1/agent/inbox/{id}/reply and PUT|DELETE /api/v1/agent/inbox/{id}/done,
 * against the real Sandbox: an agent reads the comments under a granted account's posts with COMMENT_READ, and answers
 * them as the account or marks them done with COMMENT_REPLY; the comments of an account it was not granted do not
 * exist for it.
 */
class AgentInboxApiTests extends AgentTestBase {

    @Test
    void readsAndAnswersOnlyTheCommentsOfItsGrantedAccountWithTheCapabilities() {
        Workspace w = workspace("AgentInbox");
        String grantedHandle = handle("inb");
        String granted = connectSandbox(w, grantedHandle);
        String other = connectSandbox(w, handle("noinb"));
        AgentKey agent = agent(w, "Inbox bot");
        grant(w, agent, granted, "[\"POST_READ\"]", false, null);
        String ours = publishedOn(w, granted, "Pizza tonight");
        String theirs = publishedOn(w, other, "Pasta tonight");
        visitorComment(ours, "Moe Szyslak", "Is it spicy?");
        visitorComment(theirs, "Lisa", "Is it vegetarian?");
        assertThat(checkInbox(w)).isEqualTo(2);
        String list = "/api/v1/agent/inbox?connectionId=";

        // Without COMMENT_READ: the missing capability, named.
        var without = send("GET", list + granted, agent.token(), null);
        assertThat(without.status()).as(without.body()).isEqualTo(403);
        assertThat(without.problemType()).isEqualTo("no-permission");
        assertThat(without.json().path("capability").asString()).isEqualTo("COMMENT_READ");

        grant(w, agent, granted, "[\"POST_READ\",\"COMMENT_READ\"]", false, null);
        var listed = send("GET", list + granted, agent.token(), null);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode items = listed.json().path("items");
        assertThat(items).hasSize(1);
        JsonNode moe = items.get(0);
        assertThat(moe.path("text").asString()).isEqualTo("Is it spicy?");
        assertThat(moe.path("author").path("name").asString()).isEqualTo("Moe Szyslak");
        assertThat(moe.path("accountId").asString()).isEqualTo(granted);
        assertThat(moe.path("postText").asString()).isEqualTo("Pizza tonight");
        assertThat(moe.path("status").asString()).isEqualTo("open");
        assertThat(listed.json().path("nextCursor").isNull()).isTrue();

        // Another account's comments: not granted, so not there; and the account must be named.
        var notGranted = send("GET", list + other, agent.token(), null);
        assertThat(notGranted.status()).as(notGranted.body()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/agent/inbox", agent.token(), null).status())
                .isEqualTo(400);
        assertThat(send("GET", list + granted + "&limit=101", agent.token(), null)
                        .status())
                .isEqualTo(400);
        assertThat(send("GET", list + granted + "&status=later", agent.token(), null)
                        .status())
                .isEqualTo(400);

        // Answering needs COMMENT_REPLY on the account the comment was written to.
        String moeId = moe.path("id").asString();
        String reply = "/api/v1/agent/inbox/" + moeId + "/reply";
        var noReply = send("POST", reply, agent.token(), "{\"text\":\"Mild, we promise.\"}");
        assertThat(noReply.status()).as(noReply.body()).isEqualTo(403);
        assertThat(noReply.json().path("capability").asString()).isEqualTo("COMMENT_REPLY");

        grant(w, agent, granted, "[\"COMMENT_READ\",\"COMMENT_REPLY\"]", false, null);
        String lisaId = admin(w, "GET", "/inbox?account=" + other, null)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        var theirComment =
                send("POST", "/api/v1/agent/inbox/" + lisaId + "/reply", agent.token(), "{\"text\":\"Yes, it is.\"}");
        assertThat(theirComment.status()).as(theirComment.body()).isEqualTo(404);
        assertThat(admin(w, "GET", "/inbox/" + lisaId, null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("open");

        var empty = send("POST", reply, agent.token(), "{\"text\":\"  \"}");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(empty.json().path("errors").get(0).path("field").asString()).isEqualTo("text");

        var answered = send("POST", reply, agent.token(), "{\"text\":\"Mild, we promise.\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answered.json().path("status").asString()).isEqualTo("done");
        assertThat(answered.json().path("reply").path("text").asString()).isEqualTo("Mild, we promise.");
        assertThat(answered.json().path("reply").path("by").asString()).contains("Inbox bot");

        // The inbox shows it answered and done, and the answer is on the Sandbox as the account.
        JsonNode inInbox = admin(w, "GET", "/inbox/" + moeId, null).json();
        assertThat(inInbox.path("status").asString()).isEqualTo("done");
        assertThat(inInbox.path("reply").path("text").asString()).isEqualTo("Mild, we promise.");
        assertThat(sandboxComments(ours)
                        .valueStream()
                        .filter(c -> c.path("text").asString().equals("Mild, we promise."))
                        .map(c -> c.path("accountHandle").asString()))
                .containsExactly(grantedHandle);
        assertThat(send("GET", list + granted, agent.token(), null).json().path("items"))
                .isEmpty();
        assertThat(send("GET", list + granted + "&status=done", agent.token(), null)
                        .json()
                        .path("items"))
                .hasSize(1);

        // One answer a comment.
        assertThat(send("POST", reply, agent.token(), "{\"text\":\"Again\"}").status())
                .isEqualTo(409);

        // Audited: the answer as the agent's, and each call with its outcome.
        assertThat(audit(w, "inbox.replied")).singleElement().satisfies(row -> {
            assertThat(row.get("actor_type")).isEqualTo("agent");
            assertThat(row.get("actor_id")).isEqualTo(agent.id());
        });
        assertThat(audit(w, "agent.call").stream().map(r -> r.get("details").toString()))
                .anyMatch(d -> d.contains("\"inbox.list\"") && d.contains("\"ok\""))
                .anyMatch(d -> d.contains("\"inbox.reply\"") && d.contains("\"ok\""))
                .anyMatch(d -> d.contains("\"inbox.reply\"") && d.contains("\"not_found\""))
                .anyMatch(d -> d.contains("\"inbox.reply\"") && d.contains("\"conflict\""));

        // A paused agent may do neither.
        assertThat(admin(w, "POST", "/agents/" + agent.id() + "/pause", null).status())
                .isEqualTo(200);
        var paused = send("GET", list + granted, agent.token(), null);
        assertThat(paused.status()).as(paused.body()).isEqualTo(403);
        assertThat(paused.problemType()).isEqualTo("agent-paused");
        var pausedAnswer = send("POST", reply, agent.token(), "{\"text\":\"Paused\"}");
        assertThat(pausedAnswer.status()).as(pausedAnswer.body()).isEqualTo(403);
        assertThat(pausedAnswer.problemType()).isEqualTo("agent-paused");
    }

    @Test
    void marksACommentThatNeedsNoAnswerDoneAndOpensItAgainWithCommentReply() {
        Workspace w = workspace("AgentTriage");
        String granted = connectSandbox(w, handle("tri"));
        String other = connectSandbox(w, handle("notri"));
        AgentKey agent = agent(w, "Triage bot");
        grant(w, agent, granted, "[\"COMMENT_READ\"]", false, null);
        visitorComment(publishedOn(w, granted, "Soup of the day"), "Carl", "Thanks!");
        visitorComment(publishedOn(w, other, "Salad of the day"), "Lenny", "Thanks too!");
        assertThat(checkInbox(w)).isEqualTo(2);
        String carl = send("GET", "/api/v1/agent/inbox?connectionId=" + granted, agent.token(), null)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        String done = "/api/v1/agent/inbox/" + carl + "/done";

        var withoutReply = send("PUT", done, agent.token(), null);
        assertThat(withoutReply.status()).as(withoutReply.body()).isEqualTo(403);
        assertThat(withoutReply.json().path("capability").asString()).isEqualTo("COMMENT_REPLY");
        assertThat(admin(w, "GET", "/inbox/" + carl, null).json().path("status").asString())
                .isEqualTo("open");

        grant(w, agent, granted, "[\"COMMENT_READ\",\"COMMENT_REPLY\"]", false, null);
        var marked = send("PUT", done, agent.token(), null);
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().path("status").asString()).isEqualTo("done");
        assertThat(marked.json().path("reply").isMissingNode()
                        || marked.json().path("reply").isNull())
                .as("done without an answer")
                .isTrue();
        assertThat(send("PUT", done, agent.token(), null).status())
                .as("idempotent")
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/agent/inbox?connectionId=" + granted, agent.token(), null)
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(admin(w, "GET", "/inbox/" + carl, null).json().path("status").asString())
                .as("done for the company's people too")
                .isEqualTo("done");

        var reopened = send("DELETE", done, agent.token(), null);
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.json().path("status").asString()).isEqualTo("open");

        String lenny = admin(w, "GET", "/inbox?account=" + other, null)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        assertThat(send("PUT", "/api/v1/agent/inbox/" + lenny + "/done", agent.token(), null)
                        .status())
                .as("another account's comment does not exist for the agent")
                .isEqualTo(404);
        assertThat(admin(w, "GET", "/inbox/" + lenny, null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("open");
        assertThat(audit(w, "agent.call").stream().map(r -> r.get("details").toString()))
                .anyMatch(d -> d.contains("\"inbox.done\"") && d.contains("\"no_permission\""))
                .anyMatch(d -> d.contains("\"inbox.done\"") && d.contains("\"ok\""))
                .anyMatch(d -> d.contains("\"inbox.reopen\"") && d.contains("\"ok\""))
                .anyMatch(d -> d.contains("\"inbox.done\"") && d.contains("\"not_found\""));
    }
}
