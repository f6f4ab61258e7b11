package herald.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import herald.SandboxEndToEndTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * The inbox end to end against the Sandbox inside Herald, over HTTP: a post is published by the dispatcher, visitors
 * comment under it on the Sandbox (its admin route), the sweep (called by the test at chosen instants) finds the
 * comments with the account's token, and the API lists them, answers one as the account (the answer lands on the
 * Sandbox under the comment), marks one done and opens it again, in its workspace only.
 */
@RecordApplicationEvents
class InboxEndToEndTests extends SandboxEndToEndTest {

    @Autowired
    InboxCollector collector;

    @Autowired
    ApplicationEvents events;

    @Test
    void findsCommentsAnswersThemAndKeepsThemToTheWorkspace() {
        String body = "Inbox one " + UUID.randomUUID();
        String post = publish(body);
        JsonNode target =
                api("GET", "/posts/" + post, null).json().path("targets").get(0);
        String platformPost = target.path("platformPostId").asString();
        Instant publishedAt = Instant.parse(target.path("publishedAt").asString());

        String moe = visitorComment(platformPost, "Moe Szyslak", "Is it spicy?", null);
        visitorComment(platformPost, "Lisa", "It is, a little.", moe);

        // The first sweep watches the post and, two minutes after publishing, reads both comments.
        InboxCollector.Sweep sweep = collector.sweep(publishedAt.plus(Duration.ofMinutes(3)), workspace);
        assertThat(sweep.read()).isEqualTo(1);
        assertThat(sweep.found()).isEqualTo(2);

        JsonNode open = api("GET", "/inbox", null).json().path("items");
        assertThat(open.size()).isEqualTo(2);
        JsonNode lisa = open.get(0); // newest first
        assertThat(lisa.path("author").path("name").asString()).isEqualTo("Lisa");
        assertThat(lisa.path("text").asString()).isEqualTo("It is, a little.");
        assertThat(lisa.path("answering").asString()).isEqualTo("Moe Szyslak");
        assertThat(lisa.path("status").asString()).isEqualTo("open");
        assertThat(lisa.path("platform").asString()).isEqualTo("sandbox");
        assertThat(lisa.path("account").asString()).isEqualTo(handle);
        assertThat(lisa.path("postId").asString()).isEqualTo(post);
        assertThat(lisa.path("postText").asString()).isEqualTo(body);
        JsonNode moeRow = open.get(1);
        assertThat(moeRow.path("author").path("name").asString()).isEqualTo("Moe Szyslak");
        assertThat(moeRow.path("answering").isNull()).isTrue();

        // Read again later: nothing new, nothing twice.
        assertThat(collector
                        .sweep(publishedAt.plus(Duration.ofMinutes(10)), workspace)
                        .found())
                .isZero();
        assertThat(api("GET", "/inbox?status=all", null).json().path("items").size())
                .isEqualTo(2);

        // An empty answer is refused and changes nothing.
        String moeId = moeRow.path("id").asString();
        Response empty = api("POST", "/inbox/" + moeId + "/reply", "{\"text\":\"  \"}");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(empty.json().path("errors").get(0).path("field").asString()).isEqualTo("text");
        assertThat(api("GET", "/inbox/" + moeId, null).json().path("status").asString())
                .isEqualTo("open");

        // The answer goes to the Sandbox as the account, under Moe's comment, and the comment is done.
        Response answered = api("POST", "/inbox/" + moeId + "/reply", "{\"text\":\"Mild, we promise.\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answered.json().path("status").asString()).isEqualTo("done");
        assertThat(answered.json().path("reply").path("text").asString()).isEqualTo("Mild, we promise.");
        JsonNode onSandbox = sandboxComments(platformPost);
        JsonNode ours = null;
        for (JsonNode c : onSandbox) {
            if (c.path("text").asString().equals("Mild, we promise.")) {
                ours = c;
            }
        }
        assertThat(ours).as(onSandbox.toString()).isNotNull();
        assertThat(ours.path("accountHandle").asString()).isEqualTo(handle);
        assertThat(ours.path("replyTo").asString()).isEqualTo(moeExternalId(onSandbox));

        // One answer a comment; the account's own answer never comes back as a comment to answer.
        assertThat(api("POST", "/inbox/" + moeId + "/reply", "{\"text\":\"Again\"}")
                        .status())
                .isEqualTo(409);
        assertThat(collector
                        .sweep(publishedAt.plus(Duration.ofMinutes(20)), workspace)
                        .found())
                .isZero();
        assertThat(api("GET", "/audit-events?action=inbox.replied", null)
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);

        // Done and open again.
        String lisaId = lisa.path("id").asString();
        assertThat(api("PUT", "/inbox/" + lisaId + "/done", null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("done");
        assertThat(api("GET", "/inbox", null).json().path("items").size()).isZero();
        assertThat(api("GET", "/inbox?status=done", null).json().path("items").size())
                .isEqualTo(2);
        assertThat(api("DELETE", "/inbox/" + lisaId + "/done", null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("open");
        assertThat(api("GET", "/inbox", null).json().path("items").size()).isEqualTo(1);
        assertThat(api("GET", "/inbox?status=later", null).status()).isEqualTo(400);

        // Another workspace sees none of it.
        Other other = otherWorkspace("Other inbox");
        assertThat(send(other.key(), "GET", other.base() + "/inbox/" + lisaId, null)
                        .status())
                .isEqualTo(404);
        assertThat(send(other.key(), "PUT", other.base() + "/inbox/" + lisaId + "/done", null)
                        .status())
                .isEqualTo(404);
        assertThat(send(other.key(), "GET", other.base() + "/inbox?status=all", null)
                        .json()
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    void anAnswerThePlatformRefusesLeavesTheCommentToAnswerAgain() {
        String post = publish("Inbox two " + UUID.randomUUID());
        JsonNode target =
                api("GET", "/posts/" + post, null).json().path("targets").get(0);
        String platformPost = target.path("platformPostId").asString();
        visitorComment(platformPost, "Barney", "Free refills?", null);
        collector.sweep(Instant.parse(target.path("publishedAt").asString()).plus(Duration.ofMinutes(3)), workspace);
        String id = api("GET", "/inbox", null)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();

        faults("{\"errorRate\":1.0}");
        Response refused = api("POST", "/inbox/" + id + "/reply", "{\"text\":\"Sometimes.\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(502);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://herald.dev/problems/reply-refused");
        assertThat(refused.json().path("reason").asString()).isEqualTo("retry");
        assertThat(api("GET", "/inbox/" + id, null).json().path("reply").isNull())
                .isTrue();
        noFaults();

        Response answered = api("POST", "/inbox/" + id + "/reply", "{\"text\":\"Sometimes.\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(sandboxComments(platformPost).toString()).contains("Sometimes.");
    }

    @Test
    void aCheckReadsTheRecentPostsNowAtMostOnceAMinute() {
        String post = publish("Inbox three " + UUID.randomUUID());
        String platformPost = api("GET", "/posts/" + post, null)
                .json()
                .path("targets")
                .get(0)
                .path("platformPostId")
                .asString();
        visitorComment(platformPost, "Apu", "Thank you, come again.", null);

        Response check = api("POST", "/inbox/check", null);
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().path("read").asInt()).isEqualTo(1);
        assertThat(check.json().path("found").asInt()).isEqualTo(1);
        assertThat(api("GET", "/inbox", null)
                        .json()
                        .path("items")
                        .get(0)
                        .path("text")
                        .asString())
                .isEqualTo("Thank you, come again.");

        Response again = api("POST", "/inbox/check", null);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
    }

    private String publish(String body) {
        String id = create(body, "");
        JsonNode done = awaitFinished(id, Duration.ofSeconds(30));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("published");
        return id;
    }

    /** A visitor's comment on the Sandbox under {@code post}, answering {@code replyTo} when given; its id. */
    @Test
    void anAnswerTheSandboxTookWithoutAnsweringIsFoundBeforeAnotherIsSentAndNeverPostedTwice() {
        String post = publish("Inbox uncertain " + UUID.randomUUID());
        JsonNode target =
                api("GET", "/posts/" + post, null).json().path("targets").get(0);
        String platformPost = target.path("platformPostId").asString();
        Instant publishedAt = Instant.parse(target.path("publishedAt").asString());
        visitorComment(platformPost, "Barney", "Open on Sundays?", null);
        visitorComment(platformPost, "Carl", "Open on Mondays?", null);
        collector.sweep(publishedAt.plus(Duration.ofMinutes(3)), workspace);
        String barney = idOf("Open on Sundays?");
        String carl = idOf("Open on Mondays?");

        // The Sandbox stores the answer but answers too late: Herald cannot tell, and keeps what it sent.
        faults("{\"timeoutAfterCreate\":true}");
        Response lost;
        try {
            lost = api("POST", "/inbox/" + barney + "/reply", "{\"text\":\"Yes, from noon.\"}");
        } finally {
            noFaults();
        }
        assertThat(lost.status()).as(lost.body()).isEqualTo(502);
        assertThat(lost.json().path("reason").asString()).isEqualTo("unknown");
        JsonNode uncertain = api("GET", "/inbox/" + barney, null).json();
        assertThat(uncertain.path("status").asString()).isEqualTo("open");
        assertThat(uncertain.path("uncertainAnswer").path("text").asString()).isEqualTo("Yes, from noon.");

        // The next answer looks first, finds the first one there, records it, and sends nothing.
        Response again = api("POST", "/inbox/" + barney + "/reply", "{\"text\":\"Yes, from noon!\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("posted after all");
        JsonNode found = api("GET", "/inbox/" + barney, null).json();
        assertThat(found.path("status").asString()).isEqualTo("done");
        assertThat(found.path("reply").path("text").asString()).isEqualTo("Yes, from noon.");
        assertThat(found.path("uncertainAnswer").isNull()).isTrue();
        assertThat(answersOnSandbox(platformPost)).containsExactly("Yes, from noon.");

        // An uncertain answer that never reached the platform (as if the call died before it did) is looked for,
        // not found, and the new answer goes out once.
        context.getBean(herald.database.TenantScope.class)
                .run(workspace, () -> context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql("update inbox_comments set uncertain_text = 'Never arrived', uncertain_since = now()"
                                + " - interval '1 minute' where id = :id")
                        .param("id", UUID.fromString(carl))
                        .update());
        Response sent = api("POST", "/inbox/" + carl + "/reply", "{\"text\":\"No, closed.\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().path("reply").path("text").asString()).isEqualTo("No, closed.");
        assertThat(sent.json().path("uncertainAnswer").isNull()).isTrue();
        assertThat(answersOnSandbox(platformPost)).containsExactlyInAnyOrder("Yes, from noon.", "No, closed.");
        assertThat(api("GET", "/audit-events?action=inbox.replied", null)
                        .json()
                        .path("items")
                        .valueStream()
                        .map(e -> e.path("details").path("found").asString("")))
                .containsExactlyInAnyOrder("", "true");
    }

    private String idOf(String text) {
        for (JsonNode c : api("GET", "/inbox?status=all", null).json().path("items")) {
            if (c.path("text").asString().equals(text)) {
                return c.path("id").asString();
            }
        }
        throw new AssertionError("no comment " + text + " in the inbox");
    }

    /** The texts the account wrote under the post on the Sandbox. */
    private java.util.List<String> answersOnSandbox(String post) {
        return sandboxComments(post)
                .valueStream()
                .filter(c -> handle.equals(c.path("accountHandle").asString("")))
                .map(c -> c.path("text").asString())
                .toList();
    }

    private String visitorComment(String post, String name, String text, String replyTo) {
        String json = "{\"name\":\"" + name + "\",\"text\":\"" + text + "\""
                + (replyTo == null ? "" : ",\"replyTo\":\"" + replyTo + "\"") + "}";
        Response created = send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/admin/posts/" + post + "/comments"))
                .header("X-Sandbox-Admin-Token", ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** The post's comments as the Sandbox holds them, read through its admin route's sibling: the feed's JSON. */
    private JsonNode sandboxComments(String post) {
        Response listed = send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/admin/posts/" + post + "/comments"))
                .header("X-Sandbox-Admin-Token", ADMIN)
                .GET());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json().path("data");
    }

    private static String moeExternalId(JsonNode comments) {
        for (JsonNode c : comments) {
            if (c.path("text").asString().equals("Is it spicy?")) {
                return c.path("id").asString();
            }
        }
        throw new AssertionError("no comment of Moe in " + comments);
    }
}
