package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import herald.SandboxEndToEndTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
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
