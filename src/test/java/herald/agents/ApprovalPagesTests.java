package herald.agents;

import static org.assertj.core.api.Assertions.assertThat;

import herald.TenantFixtures;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A grant that needs approval holds an agent's posts until a member decides on the approval page: approved (as it
 * is, or edited) it is published; rejected with a note it never is. The agents page creates agents and grants them
 * accounts. Driven over HTTP with a signed-in member's session, as a browser would.
 */
class ApprovalPagesTests extends AgentTestBase {

    Workspace w;
    String slug;
    String handle;
    String connection;
    AgentKey agent;
    Browser member;

    @BeforeEach
    void approvalRequired() {
        w = workspace("Approvals");
        slug = w.owner().workspace().orElseThrow().slug();
        handle = handle("appr");
        connection = connectSandbox(w, handle);
        agent = agent(w, "Careful bot");
        grant(w, agent, connection, "[\"POST_CREATE\",\"POST_READ\"]", true, null);
        member = new Browser();
        member.signIn(w.owner().user().email(), TenantFixtures.PASSWORD);
    }

    @Test
    void aPostWaitsForApprovalAndIsPublishedWithTheMembersEdit() throws InterruptedException {
        String post = pending("Draft by the agent");
        Thread.sleep(2_000);
        assertThat(status(post)).isEqualTo("pending_approval");
        assertThat(sandboxPosts(handle)).isEmpty();

        var queue = member.get("/w/" + slug + "/approvals");
        assertThat(queue.body()).contains("Draft by the agent").contains("Careful bot");
        assertThat(queue.body()).containsPattern("data-test=\"approvals-count\"[^>]*>1<");
        var approved = member.post(
                "/w/" + slug + "/approvals/" + post + "/approve", Map.of("body", "Edited and approved by a person"));

        assertThat(approved.statusCode()).isEqualTo(302);
        JsonNode done =
                awaitPost(agent, post, p -> p.path("status").asString().equals("published"), Duration.ofSeconds(30));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("published");
        assertThat(done.path("content").asString()).isEqualTo("Edited and approved by a person");
        assertThat(StreamSupport.stream(sandboxPosts(handle).spliterator(), false)
                        .map(p -> p.path("text").asString()))
                .containsExactly("Edited and approved by a person");
        assertThat(audit(w, "post.approved")).singleElement().satisfies(row -> assertThat(row.get("actor_type"))
                .isEqualTo("user"));
        assertThat(member.get("/w/" + slug + "/approvals").body()).contains("Nothing is waiting for approval");
        assertThat(member.get("/w/" + slug + "/posts/" + post).body())
                .containsPattern("data-test=\"provenance\">\\s*Created by\\s*<strong>Careful bot")
                .contains("as an agent, through the agent API");
    }

    @Test
    void aRejectedPostIsNeverPublishedAndARejectionNeedsANote() throws InterruptedException {
        String post = pending("Something off-brand");

        member.get("/w/" + slug + "/approvals");
        var withoutNote = member.post("/w/" + slug + "/approvals/" + post + "/reject", Map.of("note", " "));
        assertThat(status(post)).isEqualTo("pending_approval");
        assertThat(member.get(withoutNote.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("Say why");
        var rejected =
                member.post("/w/" + slug + "/approvals/" + post + "/reject", Map.of("note", "Not our tone of voice"));
        assertThat(member.get(rejected.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("Rejected: the post will not be published");
        var again = member.post("/w/" + slug + "/approvals/" + post + "/approve", Map.of());
        Thread.sleep(2_000);

        assertThat(status(post)).isEqualTo("cancelled");
        assertThat(sandboxPosts(handle)).isEmpty();
        assertThat(member.get(again.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("Not approved");
        assertThat(audit(w, "post.rejected").getFirst().get("details").toString())
                .contains("Not our tone of voice");
        assertThat(context.getBean(herald.publishing.PostNotes.class)
                        .of(w.id(), new herald.publishing.PostId(java.util.UUID.fromString(post))))
                .as("the reason is on the post's page too, by the member who rejected it")
                .singleElement()
                .satisfies(note -> {
                    assertThat(note.body()).isEqualTo("Rejected: Not our tone of voice");
                    assertThat(note.authorType()).isEqualTo("user");
                });
        var decision = context.getBean(herald.database.TenantScope.class).call(w.id(), () -> jdbc.sql(
                        "select approval, note from agent_posts where workspace_id = :w and post_id = :p")
                .param("w", w.id().value())
                .param("p", java.util.UUID.fromString(post))
                .query()
                .singleRow());
        assertThat(decision).containsEntry("approval", "rejected").containsEntry("note", "Not our tone of voice");
    }

    @Test
    void theQueueShowsEachAccountsOwnTextAndTheFirstCommentsThatWillGoOutAndNoLabelForAPostWithoutOne() {
        var posted = agentPost(
                agent,
                "{\"content\":\"Agent post\",\"platforms\":[\"sandbox\"],\"firstComment\":\"#pizza <b>hot</b>\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        pending("No comment on this one");
        var tenants = context.getBean(herald.database.TenantScope.class);
        var own = TenantFixtures.sandboxAccount(tenants, jdbc, w.id(), handle("own"));
        var mixed = context.getBean(herald.publishing.Posts.class)
                .create(
                        w.id(),
                        new herald.publishing.NewPost(
                                "Two accounts",
                                null,
                                List.of(),
                                List.of(
                                        new herald.publishing.NewPost.NewTarget(
                                                new herald.connections.ConnectionId(UUID.fromString(connection)), null),
                                        new herald.publishing.NewPost.NewTarget(
                                                own, "Own words for this account", "Only on this account")),
                                LocalDateTime.now().plusDays(2).withNano(0).toString(),
                                "Europe/Berlin",
                                false,
                                List.of(),
                                null,
                                "The post's comment"),
                        herald.publishing.Provenance.of(
                                herald.publishing.Provenance.Origin.SYSTEM, herald.audit.Actor.system()),
                        true);

        String queue = member.get("/w/" + slug + "/approvals").body();

        Map<String, String> cards = Pattern.compile("data-test=\"pending-post\"")
                .splitAsStream(queue)
                .skip(1)
                .collect(Collectors.toMap(
                        card -> card.contains("Agent post")
                                ? "agent"
                                : card.contains("Two accounts") ? "mixed" : "none",
                        card -> card));
        assertThat(cards).containsOnlyKeys("agent", "mixed", "none");
        assertThat(cards.get("agent"))
                .contains("<strong>First comment</strong>")
                .contains("data-test=\"first-comment-text\">#pizza &lt;b&gt;hot&lt;/b&gt;</blockquote>");
        assertThat(cards.get("mixed"))
                .as("each account's comment, named after the accounts that get it")
                .contains("<strong>First comment on " + mixed.targets().get(0).account() + "</strong>")
                .contains("data-test=\"first-comment-text\">The post&#39;s comment</blockquote>")
                .contains("<strong>First comment on " + mixed.targets().get(1).account() + "</strong>")
                .contains("data-test=\"first-comment-text\">Only on this account</blockquote>");
        assertThat(cards.get("none")).contains("No comment on this one").doesNotContain("First comment");
        assertThat(cards.get("mixed"))
                .as("an account's own text, named after it, as the post page shows it")
                .contains("<strong>Text on " + mixed.targets().get(1).account() + "</strong>")
                .contains("data-test=\"own-text-body\">Own words for this account</blockquote>")
                .contains("data-test=\"own-text-hint\"")
                .doesNotContain("<strong>Text on " + mixed.targets().get(0).account() + "</strong>");
        assertThat(cards.get("agent")).doesNotContain("data-test=\"own-text");
    }

    @Test
    void theAgentsPageCreatesAnAgentShowsItsKeyOnceAndGrantsAccounts() {
        var list = member.get("/w/" + slug + "/agents");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        var created =
                member.post("/w/" + slug + "/agents", Map.of("name", "Page bot", "description", "made in the UI"));
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher token = Pattern.compile("value=\"(ha_[A-Za-z0-9_]+)\"").matcher(created.body());
        assertThat(token.find()).isTrue();
        Matcher id = Pattern.compile("/agents/([0-9a-f-]{36})/grants").matcher(created.body());
        assertThat(id.find()).isTrue();

        var granted = member.post(
                "/w/" + slug + "/agents/" + id.group(1) + "/grants",
                Map.of("connectionId", connection, "capabilities", "POST_SCHEDULE", "dailyCap", "4"));
        var page = member.get("/w/" + slug + "/agents/" + id.group(1));
        var accounts = send("GET", "/api/v1/agent/accounts", token.group(1), null);

        assertThat(granted.statusCode()).isEqualTo(302);
        assertThat(page.body())
                .contains("Page bot")
                .doesNotContain(token.group(1))
                .contains("value=\"4\"")
                .as("the inbox's capabilities can be ticked")
                .contains(">Comment read</th>")
                .contains(">Comment reply</th>")
                .contains("value=\"COMMENT_REPLY\"");
        assertThat(accounts.json().get(0).path("capabilities").get(0).asString())
                .isEqualTo("POST_SCHEDULE");
        assertThat(accounts.json().get(0).path("dailyCap").asInt()).isEqualTo(4);
        assertThat(member.get("/w/" + slug + "/agents").body()).contains("Page bot");
    }

    String pending(String content) {
        var posted = agentPost(agent, "{\"content\":\"" + content + "\",\"platforms\":[\"sandbox\"]}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode result = posted.json().path("results").get(0);
        assertThat(result.path("status").asString()).isEqualTo("pending_approval");
        return result.path("postId").asString();
    }

    String status(String post) {
        return send("GET", "/api/v1/agent/posts/" + post, agent.token(), null)
                .json()
                .path("status")
                .asString();
    }

    /** A person's browser without the browser: cookies, the CSRF token of the last page, no redirects followed. */
    final class Browser {
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private String csrf = "";

        HttpResponse<String> get(String path) {
            var response = send(HttpRequest.newBuilder(uri(path))
                    .header("Accept", "text/html")
                    .GET());
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return response;
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            var fields = new LinkedHashMap<>(form);
            fields.putIfAbsent("_csrf", csrf);
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        void signIn(String email, String password) {
            get("/sign-in");
            var response = post("/sign-in", Map.of("email", email, "password", password));
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("failed");
        }

        private URI uri(String path) {
            return URI.create(path.startsWith("http") ? path : BASE + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
