package herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Visitors of an account's feed page comment under its posts and answer comments, through the page's own forms. */
class VisitorCommentTests extends SandboxTest {

    @Test
    void aVisitorCommentsThroughTheFeedPageAndIsShownByName() {
        var account = sandbox.account(SandboxClient.uniqueHandle("visit"));
        String post = post(account, "Come and say hello");
        var page = feed(account);
        String action = action(page.body(), post, null);

        var sent = sandbox.send(form(action, Map.of("name", "Ada <Lovelace>", "text", "Hello & welcome")));

        assertThat(sent.status()).as(sent.toString()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith("/sandbox/@" + account.handle() + "#post-" + post);
        JsonNode stored = comments(account, post);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("accountHandle").isNull()).isTrue();
        assertThat(stored.get(0).path("authorName").asString()).isEqualTo("Ada <Lovelace>");
        String shown = feed(account).body();
        assertThat(shown)
                .contains("id=\"comment-" + stored.get(0).path("id").asString() + "\"")
                .contains("Ada &lt;Lovelace&gt; commented")
                .contains("Hello &amp; welcome")
                .doesNotContain("Ada <Lovelace>");
    }

    @Test
    void aVisitorAnswersACommentWithItsReplyFormAndTheReplyIsShownUnderIt() {
        var account = sandbox.account(SandboxClient.uniqueHandle("visrep"));
        String post = post(account, "Discuss");
        String asked = visitor(post, "Homer", "Is it free?");
        String action = action(feed(account).body(), post, asked);

        var sent = sandbox.send(form(action, Map.of("name", "Marge", "text", "Nothing is free", "replyTo", asked)));

        assertThat(sent.status()).as(sent.toString()).isEqualTo(303);
        JsonNode reply = comments(account, post).get(0);
        assertThat(reply.path("replyTo").asString()).isEqualTo(asked);
        String shown = feed(account).body();
        try {
        } catch (Exception e) {
        }
        int question = shown.indexOf("id=\"comment-" + asked + "\"");
        int answer = shown.indexOf("id=\"comment-" + reply.path("id").asString() + "\"");
        assertThat(question).isPositive();
        assertThat(answer).as("the reply comes after what it answers").isGreaterThan(question);
        assertThat(shown.substring(question, answer))
                .as("in the replies of the comment it answers")
                .contains("aria-label=\"Replies\"");
        assertThat(shown.substring(answer)).contains("↳ replying to Homer").contains("Marge commented");
    }

    @Test
    void badInputShowsWhatWentWrongOnTheFeedPageAndStoresNothing() {
        var account = sandbox.account(SandboxClient.uniqueHandle("visbad"));
        String post = post(account, "Careful now");
        String other = post(sandbox.account(SandboxClient.uniqueHandle("visoth")), "Elsewhere");
        String elsewhere = visitor(other, "Bart", "Over here");
        String action = action(feed(account).body(), post, null);

        var noName = sandbox.send(form(action, Map.of("name", "  ", "text", "Anonymous?")));
        var longText = sandbox.send(form(action, Map.of("name", "Nelson", "text", "x".repeat(501))));
        var badReply = sandbox.send(form(action, Map.of("name", "Nelson", "text", "Ha-ha", "replyTo", elsewhere)));

        try {
        } catch (Exception e) {
        }
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body())
                .contains("A visitor&#39;s comment needs a name.")
                .contains("Anonymous?")
                .as("the post is still shown")
                .contains("Careful now");
        assertThat(longText.status()).isEqualTo(400);
        assertThat(longText.body()).contains("501 characters long");
        assertThat(badReply.status()).isEqualTo(400);
        assertThat(badReply.body()).contains("the post has no comment " + elsewhere);
        assertThat(comments(account, post)).isEmpty();
    }

    @Test
    void aPostOfAnotherAccountOrNoPostIsNotFound() {
        var account = sandbox.account(SandboxClient.uniqueHandle("visnf"));
        var other = sandbox.account(SandboxClient.uniqueHandle("visnf2"));
        String theirs = post(other, "Theirs");
        String base = "/sandbox/@" + account.handle() + "/posts/";
        Map<String, String> fields = Map.of("name", "Ralph", "text", "I'm learnding");

        assertThat(sandbox.send(form(base + theirs + "/comments", fields)).status())
                .isEqualTo(404);
        assertThat(sandbox.send(form(base + "not-a-post/comments", fields)).status())
                .isEqualTo(404);
        assertThat(comments(other, theirs)).isEmpty();
    }

    @Test
    void theFeedPageGivesBackTheConnectionsItReadsWith() {
        var account = sandbox.account(SandboxClient.uniqueHandle("visconn"));
        String post = post(account, "Read me often");
        visitor(post, "Homer", "Again!");

        // More loads than the pool has connections: a page that kept one would starve the rest of the application.
        for (int load = 0; load < 25; load++) {
            assertThat(sandbox.get("/sandbox/@" + account.handle(), Map.of()).status())
                    .as("load %d", load)
                    .isEqualTo(200);
        }
        assertThat(comments(account, post)).hasSize(1);
    }

    /** The action of the form under {@code post} (answering {@code comment}, or the post's own when null). */
    private static String action(String page, String post, @Nullable String comment) {
        Pattern form = Pattern.compile("<form method=\"post\" class=\"comment-form\"\\s+action=\"([^\"]+)\">\\s*"
                + (comment == null
                        ? "<div class=\"field\">"
                        : "<input type=\"hidden\" name=\"replyTo\" value=\"" + comment + "\">"));
        Matcher found = form.matcher(page);
        while (found.find()) {
            if (found.group(1).contains("/posts/" + post + "/comments")) {
                return found.group(1);
            }
        }
        throw new AssertionError("no comment form for " + post + " / " + comment + " in " + page);
    }

    private HttpRequest.Builder form(String path, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SandboxClient.form(fields)));
    }

    private SandboxClient.Response feed(SandboxClient.AccountTokens account) {
        var page = sandbox.get("/sandbox/@" + account.handle(), Map.of());
        assertThat(page.status()).isEqualTo(200);
        return page;
    }

    private String post(SandboxClient.AccountTokens account, String text) {
        var created =
                sandbox.api("POST", "/sandbox/api/posts", account.accessToken(), "{\"text\":\"%s\"}".formatted(text));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String visitor(String post, String name, String text) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("text", text);
        var created = sandbox.admin(
                "POST", "/sandbox/admin/posts/" + post + "/comments", SandboxClient.JSON.writeValueAsString(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private JsonNode comments(SandboxClient.AccountTokens account, String post) {
        var listed = sandbox.api("GET", "/sandbox/api/posts/" + post + "/comments", account.accessToken(), null);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json().path("data");
    }
}
