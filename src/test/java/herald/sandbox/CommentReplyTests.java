package herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Comments that answer comments, and the visitors' comments the admin route writes without a browser. */
class CommentReplyTests extends SandboxTest {

    @Test
    void theAccountAnswersAVisitorsCommentAndTheListingNamesWhatEachAnswers() {
        var account = sandbox.account(SandboxClient.uniqueHandle("reply"));
        String post = post(account, "Ask me anything");
        var visitor = visitor(post, "Ada Lovelace", "Which engine?", null);

        var answer = comment(
                account.accessToken(),
                post,
                "The analytical one",
                visitor.json().path("id").asString());
        var second = visitor(
                post, "Ada Lovelace", "Thanks!", answer.json().path("id").asString());

        assertThat(visitor.status()).as(visitor.toString()).isEqualTo(201);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("replyTo").asString())
                .isEqualTo(visitor.json().path("id").asString());
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        JsonNode listed = comments(account, post);
        assertThat(listed).hasSize(3);
        JsonNode newest = listed.get(0);
        assertThat(newest.path("id").asString())
                .isEqualTo(second.json().path("id").asString());
        assertThat(newest.path("accountHandle").isNull()).isTrue();
        assertThat(newest.path("authorName").asString()).isEqualTo("Ada Lovelace");
        assertThat(newest.path("replyTo").asString())
                .isEqualTo(answer.json().path("id").asString());
        assertThat(newest.path("url").asString())
                .as("shown on the feed of the post's account")
                .isEqualTo("http://localhost:" + port + "/sandbox/@" + account.handle() + "#comment-"
                        + newest.path("id").asString());
        JsonNode accounts = listed.get(1);
        assertThat(accounts.path("accountHandle").asString()).isEqualTo(account.handle());
        assertThat(accounts.path("authorName").asString())
                .as("the account's display name")
                .isEqualTo(account.json().path("displayName").asString());
        assertThat(listed.get(2).path("replyTo").isNull()).isTrue();
        assertThat(listed.get(2).properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("id", "postId", "accountHandle", "authorName", "text", "createdAt", "url", "replyTo");
    }

    @Test
    void aReplyToACommentOfAnotherPostOrToNoCommentIsRefusedAndNothingIsStored() {
        var account = sandbox.account(SandboxClient.uniqueHandle("badreply"));
        String post = post(account, "This post");
        String other = post(account, "Another post");
        String elsewhere =
                visitor(other, "Bart", "Over here", null).json().path("id").asString();

        var underOther = comment(account.accessToken(), post, "Answering", elsewhere);
        var unknown = comment(account.accessToken(), post, "Answering", "00000000-0000-0000-0000-000000000000");
        var malformed = comment(account.accessToken(), post, "Answering", "not-a-comment");
        var postAsComment = comment(account.accessToken(), post, "Answering", post);
        var visitorUnderOther = visitor(post, "Lisa", "Answering", elsewhere);

        for (var refused :
                new SandboxClient.Response[] {underOther, unknown, malformed, postAsComment, visitorUnderOther}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("error").asString()).isEqualTo("invalid_content");
        }
        assertThat(underOther.json().path("message").asString()).contains(elsewhere);
        assertThat(malformed.json().path("message").asString()).contains("not-a-comment");
        assertThat(comments(account, post)).isEmpty();
        assertThat(comments(account, other)).hasSize(1);
    }

    @Test
    void theAdminRouteWritesAVisitorsCommentAndRefusesWhatTheFormWould() {
        var account = sandbox.account(SandboxClient.uniqueHandle("admcmt"));
        String post = post(account, "Visited");

        var created = visitor(post, "  Milhouse  ", "Everything's coming up Milhouse!", null);
        var unknownPost = visitor("00000000-0000-0000-0000-000000000000", "Milhouse", "Hello?", null);
        var malformedPost = visitor("nope", "Milhouse", "Hello?", null);
        var noName = visitor(post, " ", "Who am I?", null);
        var longName = visitor(post, "n".repeat(51), "Long name", null);
        var noText = visitor(post, "Milhouse", "", null);
        var longText = visitor(post, "Milhouse", "x".repeat(501), null);
        var withoutToken = sandbox.api(
                "POST",
                "/sandbox/admin/posts/" + post + "/comments",
                account.accessToken(),
                "{\"name\":\"Nelson\",\"text\":\"Ha-ha\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/sandbox/api/posts/" + post + "/comments");
        JsonNode comment = created.json();
        assertThat(comment.path("postId").asString()).isEqualTo(post);
        assertThat(comment.path("accountHandle").isNull()).isTrue();
        assertThat(comment.path("authorName").asString()).isEqualTo("Milhouse");
        assertThat(comment.path("text").asString()).isEqualTo("Everything's coming up Milhouse!");
        assertThat(comment.path("replyTo").isNull()).isTrue();
        assertThat(unknownPost.status()).isEqualTo(404);
        assertThat(unknownPost.json().path("error").asString()).isEqualTo("not_found");
        assertThat(malformedPost.status()).isEqualTo(404);
        for (var refused : new SandboxClient.Response[] {noName, longName, noText, longText}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("error").asString()).isEqualTo("invalid_content");
        }
        assertThat(longName.json().path("message").asString()).contains("51").contains("50");
        assertThat(visitor(post, "n".repeat(50), "Just fits", null).status()).isEqualTo(201);
        assertThat(withoutToken.status()).isEqualTo(404);
        assertThat(comments(account, post))
                .extracting(node -> node.path("authorName").asString())
                .containsExactly("n".repeat(50), "Milhouse");
    }

    private String post(SandboxClient.AccountTokens account, String text) {
        var created =
                sandbox.api("POST", "/sandbox/api/posts", account.accessToken(), "{\"text\":\"%s\"}".formatted(text));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private SandboxClient.Response comment(String token, String post, String text, String replyTo) {
        return sandbox.api(
                "POST",
                "/sandbox/api/posts/" + post + "/comments",
                token,
                SandboxClient.JSON.writeValueAsString(Map.of("text", text, "replyTo", replyTo)));
    }

    private SandboxClient.Response visitor(String post, String name, String text, @Nullable String replyTo) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("text", text);
        if (replyTo != null) {
            body.put("replyTo", replyTo);
        }
        return sandbox.admin(
                "POST", "/sandbox/admin/posts/" + post + "/comments", SandboxClient.JSON.writeValueAsString(body));
    }

    private JsonNode comments(SandboxClient.AccountTokens account, String post) {
        var listed = sandbox.api("GET", "/sandbox/api/posts/" + post + "/comments", account.accessToken(), null);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json().path("data");
    }
}
