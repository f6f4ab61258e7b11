package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import herald.SandboxEndToEndTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Stories end to end: a target asked as a story is published to the real Sandbox as its one medium alone (no text,
 * no link, no first comment), beside the post's other form on nothing else; what a story cannot be is refused when
 * the post is created, naming the account, and nothing is saved.
 */
class StoriesEndToEndTests extends SandboxEndToEndTest {

    @Autowired
    herald.assets.Assets assets;

    @Autowired
    herald.assets.Folders folders;

    @Test
    void aStoryGoesOutAsItsMediumAloneWithoutTextLinkOrComment() {
        String photo = upload("story-" + UUID.randomUUID() + ".png");
        String text = "Tonight only " + UUID.randomUUID();
        var created = api(
                "POST",
                "/posts",
                "{\"body\":\"" + text + "\",\"link\":\"https://example.com/menu\",\"mediaIds\":[\"" + photo
                        + "\"],\"firstComment\":\"#pizza\",\"shortenLinks\":true,\"targets\":[{\"connectionId\":\""
                        + connection
                        + "\",\"format\":\"story\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("targets").get(0).path("format").asString())
                .isEqualTo("story");
        String post = created.json().path("id").asString();

        JsonNode done = awaitFinished(post, Duration.ofSeconds(30));

        JsonNode target = done.path("targets").get(0);
        assertThat(target.path("status").asString()).as(target.toString()).isEqualTo("published");
        assertThat(target.path("comment").isMissingNode()
                        || target.path("comment").isNull())
                .as("a story gets no first comment")
                .isTrue();
        JsonNode story = published().get(0);
        assertThat(story.path("kind").asString()).isEqualTo("story");
        assertThat(story.path("text").asString()).isEmpty();
        assertThat(story.path("link").isNull()).isTrue();
        assertThat(story.path("mediaUrls").size()).isEqualTo(1);
        assertThat(story.path("mediaUrls").get(0).asString()).contains(photo);
        assertThat(target.path("platformUrl").asString())
                .isEqualTo(story.path("url").asString());
        JsonNode links = api("GET", "/posts/" + post + "/links", null).json();
        assertThat(links.path("shortLinks").asBoolean()).isTrue();
        assertThat(links.path("links").size())
                .as("a story publishes no text, so no short links are made for it")
                .isZero();
    }

    @Test
    void whatAStoryCannotBeIsRefusedNamingTheAccountAndNothingIsSaved() {
        String one = upload("one.png");
        String two = upload("two.png");
        String story = ",\"targets\":[{\"connectionId\":\"" + connection + "\",\"format\":\"story\"";

        var noMedium = api("POST", "/posts", "{\"body\":\"Words only\"" + story + "}]}");
        assertThat(noMedium.status()).as(noMedium.body()).isEqualTo(400);
        assertThat(noMedium.body()).contains("story.media").contains("a story is one image or video; this post has 0");

        var twoMedia = api(
                "POST", "/posts", "{\"body\":\"Two\",\"mediaIds\":[\"" + one + "\",\"" + two + "\"]" + story + "}]}");
        assertThat(twoMedia.status()).as(twoMedia.body()).isEqualTo(400);
        assertThat(twoMedia.body()).contains("story.media").contains("has 2 media");

        var ownComment = api(
                "POST",
                "/posts",
                "{\"body\":\"One\",\"mediaIds\":[\"" + one + "\"]" + story + ",\"firstComment\":\"#mine\"}]}");
        assertThat(ownComment.status()).as(ownComment.body()).isEqualTo(400);
        assertThat(ownComment.body()).contains("story.comment").contains("targets[0].firstComment");

        var unknownFormat = api(
                "POST",
                "/posts",
                "{\"body\":\"One\",\"targets\":[{\"connectionId\":\"" + connection + "\",\"format\":\"reel\"}]}");
        assertThat(unknownFormat.status()).as(unknownFormat.body()).isEqualTo(400);
        assertThat(unknownFormat.body()).contains("post or story");

        var checked = api("POST", "/posts/check", "{\"body\":\"Words only\"" + story + "}]}");
        assertThat(checked.json().path("targets").get(0).path("problems").toString())
                .contains("A story is one image or video; this post has 0 media.");
        assertThat(api("GET", "/posts", null).json().path("items").size()).isZero();
    }

    @Test
    void anEditAndAQueuedCopyKeepEachAccountsFormat() {
        String photo = upload("kept-" + UUID.randomUUID() + ".png");
        var created = api(
                "POST",
                "/posts",
                "{\"body\":\"Draft story\",\"draft\":true,\"mediaIds\":[\"" + photo
                        + "\"],\"targets\":[{\"connectionId\":\"" + connection + "\",\"format\":\"story\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String post = created.json().path("id").asString();

        var edited = api("PATCH", "/posts/" + post, "{\"body\":\"Draft story, reworded\"}");

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("targets").get(0).path("format").asString())
                .isEqualTo("story");
        Post original = context.getBean(Posts.class).get(workspace, new PostId(UUID.fromString(post)));
        NewPost copy = NewPost.queuedCopyOf(original);
        assertThat(copy.targets()).singleElement().satisfies(t -> assertThat(t.story())
                .as("Share again and evergreen copies keep the story")
                .isTrue());
        var turned = api(
                "PATCH",
                "/posts/" + post,
                "{\"targets\":[{\"connectionId\":\"" + connection + "\",\"format\":\"post\"}]}");
        assertThat(turned.json().path("targets").get(0).path("format").asString())
                .isEqualTo("post");
    }

    /** An image in the workspace's asset library; its id. */
    String upload(String name) {
        return assets.upload(
                        workspace,
                        folders.all(workspace).getFirst().id(),
                        new java.io.ByteArrayInputStream(herald.assets.SampleMedia.png(8, 8)),
                        herald.assets.Upload.named(name))
                .id()
                .toString();
    }
}
