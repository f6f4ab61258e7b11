package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import herald.SandboxEndToEndTest;
import herald.connections.ConnectionId;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * First comments end to end: posts created through the API are published by the dispatcher to the real Sandbox, the
 * {@code first-comments} job writes each comment under its post, and the Sandbox's own feed page shows what it holds.
 */
class FirstCommentEndToEndTests extends SandboxEndToEndTest {

    @Test
    void aPublishedPostGetsItsFirstCommentOnceUnderIt() {
        String comment = "Hashtags " + UUID.randomUUID();
        String post = create("With a comment " + UUID.randomUUID(), ",\"firstComment\":\"" + comment + "\"");

        JsonNode target = awaitComment(post);

        assertThat(target.path("status").asString()).isEqualTo("published");
        assertThat(target.path("comment").path("status").asString()).isEqualTo("posted");
        assertThat(target.path("comment").path("url").asString()).contains("/sandbox/@" + handle + "#comment-");
        assertThat(api("GET", "/posts/" + post, null)
                        .json()
                        .path("firstComment")
                        .asString())
                .isEqualTo(comment);
        assertThat(occurrencesOnTheFeed(comment)).isEqualTo(1);
    }

    @Test
    void anAccountThatKeepsTheCommentOffGetsThePostAloneAndIsNotHeldToTheCommentsRules() {
        String otherHandle = "e2e_o" + UUID.randomUUID().toString().substring(0, 8);
        String other = connect(otherHandle);
        String comment = "Only here " + UUID.randomUUID();
        var created = api(
                "POST",
                "/posts",
                "{\"body\":\"Two accounts " + UUID.randomUUID() + "\",\"firstComment\":\"" + comment
                        + "\",\"targets\":[{\"connectionId\":\"" + connection + "\"},{\"connectionId\":\"" + other
                        + "\",\"noFirstComment\":true,\"firstComment\":\"ignored\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String post = created.json().path("id").asString();

        JsonNode view = awaitBoth(post);

        JsonNode withComment = target(view, connection);
        JsonNode without = target(view, other);
        assertThat(withComment.path("comment").path("status").asString()).isEqualTo("posted");
        assertThat(withComment.path("noFirstComment").asBoolean()).isFalse();
        assertThat(without.path("status").asString()).isEqualTo("published");
        assertThat(without.path("noFirstComment").asBoolean()).isTrue();
        assertThat(without.path("comment").isNull())
                .as("no comment, not even a skipped one")
                .isTrue();
        assertThat(without.path("firstComment").isNull())
                .as("its own comment is dropped")
                .isTrue();
        assertThat(occurrencesOnTheFeed(comment)).isEqualTo(1);
        Response page = send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/@" + otherHandle))
                .GET());
        assertThat(page.body()).doesNotContain(comment).doesNotContain("ignored");

        var overLong = api(
                "POST",
                "/posts",
                "{\"body\":\"Fine\",\"draft\":true,\"firstComment\":\"" + "x".repeat(501)
                        + "\",\"targets\":[{\"connectionId\":\"" + other + "\",\"noFirstComment\":true}]}");
        assertThat(overLong.status()).as(overLong.body()).isEqualTo(201);
        var scheduled = api(
                "POST",
                "/posts",
                "{\"body\":\"Fine\",\"scheduledAt\":\"2099-05-01T12:00:00Z\",\"firstComment\":\""
                        + "x".repeat(501) + "\",\"targets\":[{\"connectionId\":\"" + other
                        + "\",\"noFirstComment\":true}]}");
        assertThat(scheduled.status())
                .as("a comment too long for the Sandbox is no problem for an account that gets none: "
                        + scheduled.body())
                .isEqualTo(201);
        String kept = scheduled.json().path("id").asString();
        var edited = api("PATCH", "/posts/" + kept, "{\"firstComment\":\"Short now\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(target(edited.json(), other).path("noFirstComment").asBoolean())
                .as("an edit of the post's comment keeps the account's choice")
                .isTrue();
        assertThat(target(edited.json(), other).path("comment").isNull()).isTrue();
    }

    JsonNode target(JsonNode post, String connectionId) {
        for (JsonNode t : post.path("targets")) {
            if (t.path("connectionId").asString().equals(connectionId)) {
                return t;
            }
        }
        throw new AssertionError("no target for " + connectionId + " in " + post);
    }

    /** The post once both its targets are published and no comment waits. */
    JsonNode awaitBoth(String post) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            last = api("GET", "/posts/" + post, null).json();
            boolean settled = true;
            for (JsonNode t : last.path("targets")) {
                String comment = t.path("comment").path("status").asString();
                settled &= t.path("status").asString().equals("published")
                        && !comment.equals("waiting")
                        && !comment.equals("posting");
            }
            if (settled) {
                return last;
            }
            sleep(200);
        }
        throw new AssertionError("not settled in time: " + last);
    }

    @Test
    void answersLostAfterTheSandboxTookThePostAndTheCommentLeaveOneOfEach() {
        faults("{\"timeoutAfterCreate\":true}");
        String body = "Stalled " + UUID.randomUUID();
        String comment = "Stalled comment " + UUID.randomUUID();
        String post = create(body, ",\"firstComment\":\"" + comment + "\"");

        JsonNode target = awaitComment(post);

        assertThat(target.path("status").asString()).isEqualTo("published");
        assertThat(target.path("comment").path("status").asString()).isEqualTo("posted");
        assertThat(published().findValuesAsString("text")).containsOnlyOnce(body);
        assertThat(occurrencesOnTheFeed(comment)).isEqualTo(1);
    }

    @Test
    void aTaggedPostsFirstCommentGoesOutWithItsLinksTaggedAndIsKeptAsWritten() {
        String page = "order-" + UUID.randomUUID();
        String comment = "Order at https://krusty.example.com/" + page;
        String post = create("Tagged " + UUID.randomUUID(), ",\"tagLinks\":true,\"firstComment\":\"" + comment + "\"");

        JsonNode target = awaitComment(post);

        assertThat(target.path("comment").path("status").asString()).isEqualTo("posted");
        assertThat(occurrencesOnTheFeed(page + "?utm_source=sandbox")).isEqualTo(1);
        assertThat(api("GET", "/posts/" + post, null)
                        .json()
                        .path("firstComment")
                        .asString())
                .isEqualTo(comment);
    }

    @Test
    void aCommentTooLongForTheSandboxIsRefusedWithThePostNamingTheAccount() {
        int before = api("GET", "/posts", null).json().path("items").size();

        var refused = api(
                "POST",
                "/posts",
                "{\"body\":\"Fine\",\"firstComment\":\"" + "x".repeat(501) + "\",\"targets\":[{\"connectionId\":\""
                        + connection + "\"}]}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("Sandbox @" + handle + ": the first comment is 501 of 500 characters.");
        assertThat(refused.body()).contains("firstComment");
        assertThat(api("GET", "/posts", null).json().path("items").size()).isEqualTo(before);

        var checked = api(
                "POST",
                "/posts/check",
                "{\"body\":\"Fine\",\"firstComment\":\"" + "x".repeat(501) + "\",\"targets\":[{\"connectionId\":\""
                        + connection + "\"}]}");
        assertThat(checked.json().path("targets").get(0).path("problems").get(0).asString())
                .isEqualTo("The first comment is 501 of 500 characters.");
    }

    @Test
    void aCommentOverHeraldsCapIsOneProblemInTheWordsOfTheAccountsLimit() {
        ConnectionId account = new ConnectionId(UUID.fromString(connection));
        String tooLong = "x".repeat(Validation.MAX_COMMENT + 1);
        var forThePost = new NewPost(
                "Fine",
                null,
                List.of(),
                List.of(new NewPost.NewTarget(account, null)),
                null,
                null,
                false,
                List.of(),
                null,
                tooLong);
        var forTheAccount = new NewPost(
                "Fine",
                null,
                List.of(),
                List.of(new NewPost.NewTarget(account, null, tooLong)),
                null,
                null,
                false,
                List.of(),
                null,
                null);
        var draft = new NewPost(
                "Fine",
                null,
                List.of(),
                List.of(new NewPost.NewTarget(account, null)),
                null,
                null,
                true,
                List.of(),
                null,
                tooLong);

        assertThat(commentProblem(forThePost))
                .isEqualTo(new PostRejected.Violation(
                        "firstComment",
                        account,
                        "comment.length",
                        "Sandbox @" + handle + ": the first comment is 10001 of 500 characters."));
        assertThat(commentProblem(forTheAccount))
                .isEqualTo(new PostRejected.Violation(
                        "targets[0].firstComment",
                        account,
                        "comment.length",
                        "Sandbox @" + handle + ": the first comment is 10001 of 500 characters."));
        assertThat(commentProblem(draft))
                .as("a draft is not checked against the platform, so Herald's own cap speaks")
                .isEqualTo(new PostRejected.Violation(
                        "firstComment", null, "comment.length", "A first comment is at most 10,000 characters."));
    }

    /** The one problem with the first comment's length that creating {@code post} is refused for. */
    PostRejected.Violation commentProblem(NewPost post) {
        var refused = catchThrowableOfType(
                PostRejected.class, () -> context.getBean(Posts.class).create(workspace, post));
        assertThat(refused).as("the post is refused").isNotNull();
        return assertThat(refused.violations())
                .filteredOn(violation -> violation.rule().equals("comment.length"))
                .singleElement()
                .actual();
    }

    @Test
    void aTargetMarkedPublishedAtItsSandboxAddressGetsItsCommentUnderThatPost() {
        JsonNode out = awaitFinished(create("Out already " + UUID.randomUUID(), ""), Duration.ofSeconds(30))
                .path("targets")
                .get(0);
        assertThat(out.path("status").asString()).isEqualTo("published");
        String comment = "Under the found post " + UUID.randomUUID();
        String post = unknownWithComment(comment);

        var marked = markPublished(post, out.path("platformUrl").asString());

        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        JsonNode target = awaitComment(post);
        assertThat(target.path("platformPostId").asString())
                .isEqualTo(out.path("platformPostId").asString());
        assertThat(target.path("comment").path("status").asString()).isEqualTo("posted");
        assertThat(target.path("comment").path("url").asString()).contains("/sandbox/@" + handle + "#comment-");
        assertThat(occurrencesOnTheFeed(comment)).isEqualTo(1);
    }

    @Test
    void aTargetMarkedPublishedAtAnAddressHeraldCannotReadHasItsCommentFailSayingToAddItByHand() {
        String comment = "Nowhere to go " + UUID.randomUUID();
        String post = unknownWithComment(comment);

        var marked = markPublished(post, "https://elsewhere.example/sandbox/@" + handle + "#post-" + UUID.randomUUID());

        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        JsonNode target = marked.json().path("targets").get(0);
        assertThat(target.path("status").asString()).isEqualTo("published");
        assertThat(target.path("comment").path("status").asString()).isEqualTo("failed");
        assertThat(target.path("comment").path("lastError").asString())
                .endsWith("Add the comment on Sandbox yourself.");
        assertThat(occurrencesOnTheFeed(comment)).isZero();
    }

    /** A post with {@code comment}, due in an hour, whose target's outcome Herald could not tell (as reconciling ends). */
    String unknownWithComment(String comment) {
        String post = create(
                "Unsure " + UUID.randomUUID(),
                ",\"scheduledAt\":\"" + Instant.now().plusSeconds(3600) + "\",\"firstComment\":\"" + comment + "\"");
        var tenants = context.getBean(herald.database.TenantScope.class);
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        tenants.run(workspace, () -> {
            jdbc.sql("update posts set status = 'failed' where id = :id")
                    .param("id", UUID.fromString(post))
                    .update();
            jdbc.sql("update post_targets set status = 'unknown', last_error = 'No answer.' where post_id = :id")
                    .param("id", UUID.fromString(post))
                    .update();
        });
        return post;
    }

    Response markPublished(String post, String url) {
        String target = api("GET", "/posts/" + post, null)
                .json()
                .path("targets")
                .get(0)
                .path("id")
                .asString();
        return api("POST", "/posts/" + post + "/targets/" + target + "/mark-published", "{\"url\":\"" + url + "\"}");
    }

    /** The post's target once its comment is settled (neither waiting nor being written). */
    JsonNode awaitComment(String post) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            last = api("GET", "/posts/" + post, null).json().path("targets").get(0);
            String status = last.path("comment").path("status").asString();
            if (!status.equals("waiting") && !status.equals("posting")) {
                return last;
            }
            sleep(200);
        }
        throw new AssertionError("the comment was not settled in time: " + last);
    }

    /** How many times the account's public Sandbox page shows {@code text}. */
    int occurrencesOnTheFeed(String text) {
        Response page = send(
                HttpRequest.newBuilder(URI.create(BASE + "/sandbox/@" + handle)).GET());
        assertThat(page.status()).isEqualTo(200);
        return page.body().split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }
}
