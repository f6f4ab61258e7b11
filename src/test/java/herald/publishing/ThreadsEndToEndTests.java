package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import herald.SandboxEndToEndTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Threads end to end: a post created through the API with a thread is published by the dispatcher to the real
 * Sandbox, then the {@code thread-parts} job publishes each part as a reply to the one before; answers lost after the
 * Sandbox took a part leave one of each; a part the Sandbox refuses stops the thread, and publishing it again goes on
 * from there; what a platform would refuse is refused when the post is created.
 */
class ThreadsEndToEndTests extends SandboxEndToEndTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    herald.database.TenantScope tenants;

    @Autowired
    herald.assets.Assets assets;

    @Autowired
    herald.assets.Folders folders;

    @Test
    void eachPartIsPublishedOnceAsAReplyToThePartBefore() {
        String id = UUID.randomUUID().toString();
        String post = create("Thread start " + id, ",\"thread\":[\"Second " + id + "\",\"  \",\"Third " + id + "\"]");

        JsonNode target = awaitThread(post, Duration.ofSeconds(30));

        assertThat(api("GET", "/posts/" + post, null).json().path("thread").size())
                .as("a blank part is dropped")
                .isEqualTo(2);
        assertThat(target.path("status").asString()).isEqualTo("published");
        JsonNode parts = target.path("thread");
        assertThat(parts.size()).isEqualTo(2);
        assertThat(parts.get(0).path("part").asInt()).isEqualTo(2);
        assertThat(parts.get(0).path("status").asString()).isEqualTo("posted");
        assertThat(parts.get(1).path("status").asString()).isEqualTo("posted");
        assertThat(parts.get(1).path("url").asString()).contains("/sandbox/@" + handle + "#post-");
        Map<String, JsonNode> byText = onTheSandbox();
        JsonNode first = byText.get("Thread start " + id);
        JsonNode second = byText.get("Second " + id);
        JsonNode third = byText.get("Third " + id);
        assertThat(first.path("replyTo").isNull()).isTrue();
        assertThat(second.path("replyTo").asString()).isEqualTo(first.path("id").asString());
        assertThat(third.path("replyTo").asString()).isEqualTo(second.path("id").asString());
        assertThat(byText).hasSize(3);
        assertThat(api("GET", "/audit-events?action=post.thread_part_posted", null)
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void eachPartGoesOutWithItsOwnMediaAndAPartMayBeMediaAlone() {
        String id = UUID.randomUUID().toString();
        String photo = upload("second-" + id + ".png");
        String other = upload("third-" + id + ".png");
        String post = create(
                "Pictures thread " + id,
                ",\"thread\":[\"With a photo " + id + "\",\"\"],\"threadMediaIds\":[[\"" + photo + "\"],[\"" + other
                        + "\"]]");

        JsonNode view = api("GET", "/posts/" + post, null).json();
        assertThat(view.path("thread").size())
                .as("a part of media alone is kept")
                .isEqualTo(2);
        assertThat(view.path("threadMediaIds").get(0).get(0).asString()).isEqualTo(photo);
        assertThat(view.path("threadMediaIds").get(1).get(0).asString()).isEqualTo(other);
        assertThat(view.path("mediaIds").size())
                .as("the post's own media are apart")
                .isZero();
        List<herald.assets.AssetId> kept = List.of(herald.assets.AssetId.of(photo));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> assets.delete(workspace, kept)))
                .as("a part waiting to go out keeps its media")
                .isInstanceOf(herald.assets.AssetInUse.class);

        JsonNode target = awaitThread(post, Duration.ofSeconds(30));

        assertThat(target.path("thread").get(0).path("status").asString()).isEqualTo("posted");
        assertThat(target.path("thread").get(1).path("status").asString()).isEqualTo("posted");
        Map<String, JsonNode> byText = onTheSandbox();
        JsonNode first = byText.get("Pictures thread " + id);
        JsonNode second = byText.get("With a photo " + id);
        JsonNode third = byText.get("");
        assertThat(first.path("mediaUrls").size()).isZero();
        assertThat(second.path("mediaUrls").size()).isEqualTo(1);
        assertThat(second.path("mediaUrls").get(0).asString()).contains(photo);
        assertThat(third.path("mediaUrls").size()).isEqualTo(1);
        assertThat(third.path("mediaUrls").get(0).asString()).contains(other);
        assertThat(third.path("replyTo").asString()).isEqualTo(second.path("id").asString());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> assets.delete(workspace, kept)))
                .as("once every part is out, its media may go")
                .isNull();
    }

    @Test
    void aPartsMediaAreCheckedAsThePlatformsAndEditsKeepThemUnlessReplaced() {
        String target = ",\"targets\":[{\"connectionId\":\"" + connection + "\"}]";
        List<String> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add("\"" + upload("many-" + i + ".png") + "\"");
        }
        var tooMany = api(
                "POST",
                "/posts",
                "{\"body\":\"Start\"" + target + ",\"thread\":[\"Next\"],\"threadMediaIds\":[[" + String.join(",", five)
                        + "]]}");
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.body())
                .contains("threadMediaIds[0]")
                .contains("media.count")
                .contains("part 2 of the thread: 5 media, at most 4");
        String gone = UUID.randomUUID().toString();
        var missing = api(
                "POST",
                "/posts",
                "{\"body\":\"Start\"" + target + ",\"thread\":[\"Next\"],\"threadMediaIds\":[[\"" + gone + "\"]]}");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("threadMediaIds[0][0]").contains("media.not_found");
        var checked = api(
                "POST",
                "/posts/check",
                "{\"body\":\"Start\"" + target + ",\"thread\":[\"Next\"],\"threadMediaIds\":[[" + String.join(",", five)
                        + "]]}");
        assertThat(checked.json().path("targets").get(0).path("problems").toString())
                .contains("Part 2 of the thread: 5 media, at most 4");
        assertThat(api("GET", "/posts", null).json().path("items").size()).isZero();

        String photo = upload("kept.png");
        String draft = create(
                "Draft thread", ",\"draft\":true,\"thread\":[\"Second\"],\"threadMediaIds\":[[\"" + photo + "\"]]");
        var edited = api("PATCH", "/posts/" + draft, "{\"thread\":[\"Second, reworded\",\"Third\"]}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("threadMediaIds").toString())
                .as("each part keeps the media of the part at its place")
                .isEqualTo("[[\"" + photo + "\"],[]]");
        var replaced = api("PATCH", "/posts/" + draft, "{\"threadMediaIds\":[[],[\"" + photo + "\"]]}");
        assertThat(replaced.json().path("threadMediaIds").toString()).isEqualTo("[[],[\"" + photo + "\"]]");
        assertThat(replaced.json().path("thread").toString()).isEqualTo("[\"Second, reworded\",\"Third\"]");
        var shortened = api("PATCH", "/posts/" + draft, "{\"thread\":[\"Only the second\"]}");
        assertThat(shortened.json().path("threadMediaIds").toString())
                .as("a part taken away takes its media with it")
                .isEqualTo("[[]]");
        var single = api("PATCH", "/posts/" + draft, "{\"thread\":[]}");
        assertThat(single.json().path("thread").size()).isZero();
        assertThat(single.json().path("threadMediaIds").size()).isZero();
    }

    /** An image in the workspace's asset library; its id. */
    String upload(String name) {
        var folder = folders.all(workspace).getFirst();
        return assets.upload(
                        workspace,
                        folder.id(),
                        new java.io.ByteArrayInputStream(herald.assets.SampleMedia.png(8, 8)),
                        herald.assets.Upload.named(name))
                .id()
                .toString();
    }

    @Test
    void answersLostAfterTheSandboxTookEachPartLeaveOneOfEach() {
        faults("{\"timeoutAfterCreate\":true}");
        String id = UUID.randomUUID().toString();
        String post = create("Stalled thread " + id, ",\"thread\":[\"Stalled second " + id + "\"]");

        JsonNode target = awaitThread(post, Duration.ofSeconds(90));

        assertThat(target.path("thread").get(0).path("status").asString()).isEqualTo("posted");
        List<String> texts = new ArrayList<>();
        published().forEach(p -> texts.add(p.path("text").asString()));
        assertThat(texts)
                .containsOnlyOnce("Stalled thread " + id, "Stalled second " + id)
                .hasSize(2);
        Map<String, JsonNode> byText = onTheSandbox();
        assertThat(byText.get("Stalled second " + id).path("replyTo").asString())
                .isEqualTo(byText.get("Stalled thread " + id).path("id").asString());
    }

    @Test
    void aRefusedPartStopsTheThreadAndPublishingItAgainGoesOnFromThere() {
        String id = UUID.randomUUID().toString();
        String taken = "Already said " + id;
        String earlier = create(taken, "");
        awaitFinished(earlier, Duration.ofSeconds(20));
        String post = create(
                "Refused thread " + id, ",\"thread\":[\"Fine " + id + "\",\"" + taken + "\",\"After " + id + "\"]");

        JsonNode target = awaitThread(post, Duration.ofSeconds(30));

        JsonNode parts = target.path("thread");
        assertThat(parts.get(0).path("status").asString()).isEqualTo("posted");
        assertThat(parts.get(1).path("status").asString()).isEqualTo("failed");
        assertThat(parts.get(1).path("lastError").asString()).contains("already has");
        assertThat(parts.get(2).path("status").asString()).isEqualTo("skipped");
        assertThat(parts.get(2).path("lastError").asString()).contains("Part 3 of the thread was not published");
        assertThat(onTheSandbox()).doesNotContainKey("After " + id);
        // The owner is told which part failed and what to do.
        Instant told = Instant.now().plusSeconds(15);
        while (unreadThreadNotices(post).isEmpty() && Instant.now().isBefore(told)) {
            sleep(200);
        }
        assertThat(unreadThreadNotices(post)).singleElement().satisfies(title -> assertThat(title)
                .startsWith("Part 3 of a thread failed"));

        // The earlier post is older now, so the Sandbox takes the same text again.
        jdbc.sql("update sandbox_posts set created_at = now() - interval '2 days' where text = :text")
                .param("text", taken)
                .update();
        String targetId = target.path("id").asString();
        var again = api("POST", "/posts/" + post + "/targets/" + targetId + "/thread/3/publish-again", null);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(api("POST", "/posts/" + post + "/targets/" + targetId + "/thread/2/publish-again", null)
                        .status())
                .as("a posted part is not published again")
                .isEqualTo(409);
        assertThat(api("POST", "/posts/" + post + "/targets/" + targetId + "/thread/1/publish-again", null)
                        .status())
                .isEqualTo(400);

        JsonNode resumed = awaitThread(post, Duration.ofSeconds(30));

        assertThat(resumed.path("thread").get(1).path("status").asString()).isEqualTo("posted");
        assertThat(unreadThreadNotices(post)).as("settled: the notice is read").isEmpty();
        assertThat(resumed.path("thread").get(2).path("status").asString()).isEqualTo("posted");
        Map<String, JsonNode> byText = onTheSandbox();
        List<JsonNode> said = new ArrayList<>();
        published().forEach(p -> {
            if (p.path("text").asString().equals(taken)) {
                said.add(p);
            }
        });
        assertThat(said)
                .as("the earlier post, and the part published again once")
                .hasSize(2);
        JsonNode part = said.stream()
                .filter(p -> !p.path("replyTo").isNull())
                .findFirst()
                .orElseThrow();
        assertThat(part.path("replyTo").asString())
                .isEqualTo(byText.get("Fine " + id).path("id").asString());
        assertThat(byText.get("After " + id).path("replyTo").asString())
                .isEqualTo(part.path("id").asString());
        Other other = otherWorkspace("Other threads");
        assertThat(send(
                                other.key(),
                                "POST",
                                other.base() + "/posts/" + post + "/targets/" + targetId + "/thread/3/publish-again",
                                null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPartHeraldCouldNotTellAboutHoldsTheThreadUntilAPersonSaysWhereItIs() {
        String id = UUID.randomUUID().toString();
        String post =
                create("Unsure thread " + id, ",\"thread\":[\"Unsure second " + id + "\",\"Unsure third " + id + "\"]");
        JsonNode target = awaitThread(post, Duration.ofSeconds(30));
        String targetId = target.path("id").asString();
        String secondUrl = target.path("thread").get(0).path("url").asString();
        // As an attempt leaves a part whose answer never came and whose look found nothing; the part after it was not
        // written yet, with a text of its own.
        tenants.run(workspace, () -> {
            jdbc.sql(
                            "update post_thread_parts set status = 'unknown', error = 'No answer in time.', platform_id = null,"
                                    + " url = null where target_id = cast(:t as uuid) and position = 1")
                    .param("t", targetId)
                    .update();
            jdbc.sql("update post_thread_parts set status = 'waiting', platform_id = null, url = null, due_at = now()"
                            + " where target_id = cast(:t as uuid) and position = 2")
                    .param("t", targetId)
                    .update();
            jdbc.sql("update posts set thread[2] = :text where id = cast(:p as uuid)")
                    .param("text", "Later third " + id)
                    .param("p", post)
                    .update();
        });
        sleep(4_000); // two rounds of the job: the third part waits for the second to be settled
        JsonNode waiting =
                api("GET", "/posts/" + post, null).json().path("targets").get(0).path("thread");
        assertThat(waiting.get(1).path("status").asString()).isEqualTo("waiting");

        String base = "/posts/" + post + "/targets/" + targetId + "/thread/2/confirm";
        var notAnAddress = api("POST", base, "{\"url\":\"https://example.com/somewhere\"}");
        assertThat(notAnAddress.status()).as(notAnAddress.body()).isEqualTo(400);
        assertThat(notAnAddress.body()).contains("the next part answers it");
        var found = api("POST", base, "{\"url\":\"" + secondUrl + "\"}");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(api("POST", base, "{\"url\":\"" + secondUrl + "\"}").status())
                .as("only an unknown part is confirmed")
                .isEqualTo(409);

        JsonNode done = awaitThread(post, Duration.ofSeconds(30));
        assertThat(done.path("thread").get(0).path("status").asString()).isEqualTo("posted");
        assertThat(done.path("thread").get(1).path("status").asString()).isEqualTo("posted");
        Map<String, JsonNode> byText = onTheSandbox();
        assertThat(byText.get("Later third " + id).path("replyTo").asString())
                .isEqualTo(byText.get("Unsure second " + id).path("id").asString());
        assertThat(api("GET", "/audit-events?action=post.thread_part_confirmed", null)
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void whatTheSandboxWouldRefuseIsRefusedWhenThePostIsCreatedAndNothingIsSaved() {
        String target = ",\"targets\":[{\"connectionId\":\"" + connection + "\"}]";
        var tooLong =
                api("POST", "/posts", "{\"body\":\"Start\"" + target + ",\"thread\":[\"" + "a".repeat(501) + "\"]}");
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.body())
                .contains("thread[0]")
                .contains("thread.length")
                .contains("part 2 of the thread is 501");

        var withComment = api(
                "POST",
                "/posts",
                "{\"body\":\"Start\"" + target + ",\"thread\":[\"Next\"],\"firstComment\":\"#tags\"}");
        assertThat(withComment.status()).as(withComment.body()).isEqualTo(400);
        assertThat(withComment.body()).contains("thread.comment");

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add("\"Part " + i + "\"");
        }
        var tooMany =
                api("POST", "/posts", "{\"body\":\"Start\"" + target + ",\"thread\":[" + String.join(",", many) + "]}");
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.body()).contains("thread.parts").contains("at most 25 parts");

        var checked = api(
                "POST", "/posts/check", "{\"body\":\"Start\"" + target + ",\"thread\":[\"" + "b".repeat(510) + "\"]}");
        assertThat(checked.json().path("targets").get(0).path("problems").toString())
                .contains("Part 2 of the thread is 510 of 500 characters");
        assertThat(api("GET", "/posts", null).json().path("items").size()).isZero();
    }

    /** The first target once its post is published and every part of its thread is settled. */
    JsonNode awaitThread(String post, Duration within) {
        Instant until = Instant.now().plus(within);
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            last = api("GET", "/posts/" + post, null).json().path("targets").get(0);
            boolean settled = !last.path("status").asString().equals("scheduled")
                    && !last.path("status").asString().equals("publishing");
            for (JsonNode part : last.path("thread")) {
                String status = part.path("status").asString();
                settled &= !status.equals("waiting") && !status.equals("posting");
            }
            if (settled) {
                return last;
            }
            sleep(200);
        }
        throw new AssertionError("the thread did not settle in " + within + ": " + last);
    }

    /** The titles of the unread notifications about a part of the post's thread. */
    List<String> unreadThreadNotices(String post) {
        return tenants.read(workspace, () -> jdbc.sql(
                        "select title from notifications where kind = 'post_thread_failed' and read_at is null"
                                + " and post_id = cast(:post as uuid)")
                .param("post", post)
                .query(String.class)
                .list());
    }

    /** What the Sandbox holds for the test's account, by text. */
    Map<String, JsonNode> onTheSandbox() {
        Map<String, JsonNode> byText = new HashMap<>();
        published().forEach(p -> byText.put(p.path("text").asString(), p));
        return byText;
    }
}
