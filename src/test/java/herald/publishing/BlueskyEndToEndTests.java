package herald.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import herald.connections.BlueskyTestBase;
import herald.connections.Connection;
import herald.shared.WorkspaceId;
import herald.tenancy.WorkspaceRules;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Bluesky account connected with an app password and published to through Herald's engine (the publisher, the
 * target's journal, the sealed session) against a WireMock Bluesky: the post goes out under the record key Herald noted
 * first, with its facets and link card, and an answer lost after Bluesky took it is settled by reading that record,
 * never by writing it again.
 */
class BlueskyEndToEndTests extends BlueskyTestBase {

    static final String CREATE = "/xrpc/com.atproto.repo.createRecord";
    static final String GET_RECORD = "/xrpc/com.atproto.repo.getRecord";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Bluesky's answer to a create: the record's address at the key Herald sent. */
    static final String CREATED =
            """
            {"uri":"at://{{jsonPath request.body '$.repo'}}/app.bsky.feed.post/{{jsonPath request.body '$.rkey'}}",
             "cid":"bafyreiherald","commit":{"cid":"bafyreicommit","rev":"3l2"},"validationStatus":"valid"}""";

    @Autowired
    Posts posts;

    @Autowired
    Publisher publisher;

    EngineFixtures engine;

    @Autowired
    WorkspaceRules workspaceRules;

    WorkspaceId workspace;
    Account ada;
    Connection account;

    @BeforeEach
    void connected() {
        engine = new EngineFixtures(context);
        workspace = owner("pro").workspace().orElseThrow().id();
        ada = Account.fresh("ada");
        ada.signsIn();
        account = signIn(workspace, ada.handle(), null);
    }

    @Test
    void aPostGoesOutOnceUnderTheKeyHeraldNotedWithItsFacetsAndCard() {
        takesCreates();
        Post post = due("Fresh dough at 5 #pizza", "https://krusty.example/menu");
        Target target = post.targets().getFirst();

        publisher.publish(workspace, target.id());

        List<LoggedRequest> creates = bluesky.findAll(postRequestedFor(urlPathEqualTo(CREATE)));
        assertThat(creates).hasSize(1);
        JsonNode sent = JSON.readTree(creates.getFirst().getBodyAsString());
        String rkey = sent.path("rkey").asString();
        assertThat(rkey).as("a TID").matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
        assertThat(sent.path("repo").asString()).isEqualTo(ada.did());
        assertThat(creates.getFirst().getHeader("Authorization")).isEqualTo("Bearer " + ada.access());
        JsonNode record = sent.path("record");
        assertThat(record.path("text").asString()).isEqualTo("Fresh dough at 5 #pizza\n\nhttps://krusty.example/menu");
        assertThat(record.path("facets")
                        .valueStream()
                        .map(facet ->
                                facet.path("features").get(0).path("$type").asString() + " "
                                        + facet.path("index").path("byteStart").asInt() + "-"
                                        + facet.path("index").path("byteEnd").asInt()))
                .containsExactlyInAnyOrder("app.bsky.richtext.facet#tag 17-23", "app.bsky.richtext.facet#link 25-52");
        assertThat(record.path("embed").path("$type").asString()).isEqualTo("app.bsky.embed.external");
        assertThat(record.path("embed").path("external").path("uri").asString())
                .isEqualTo("https://krusty.example/menu");
        assertThat(record.has("langs")).as("no language set, none told").isFalse();

        Target published = posts.get(workspace, post.id()).targets().getFirst();
        assertThat(published.status()).isEqualTo(TargetStatus.PUBLISHED);
        assertThat(published.platformPostId()).isEqualTo("at://" + ada.did() + "/app.bsky.feed.post/" + rkey);
        assertThat(published.platformUrl())
                .isEqualTo(URI.create("https://bsky.app/profile/" + ada.handle() + "/post/" + rkey));
        assertThat(journal(target, "rkey"))
                .as("the key was noted before the call")
                .isEqualTo(rkey);
        assertThat(posts.get(workspace, post.id()).status()).isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    void aPostTellsBlueskyItsLanguageOrTheWorkspacesLanguage() {
        takesCreates();
        workspaceRules.postLanguage(workspace, "pt-br");
        Post post = due("Massa fresca às 5", null);

        publisher.publish(workspace, post.targets().getFirst().id());

        JsonNode record = JSON.readTree(bluesky.findAll(postRequestedFor(urlPathEqualTo(CREATE)))
                        .getFirst()
                        .getBodyAsString())
                .path("record");
        assertThat(record.path("langs").valueStream().map(JsonNode::asString)).containsExactly("pt-BR");
        assertThat(posts.get(workspace, post.id()).targets().getFirst().status())
                .isEqualTo(TargetStatus.PUBLISHED);

        Post own = engine.due(
                workspace,
                new NewPost(
                                "Fresh dough at 5",
                                null,
                                List.of(),
                                List.of(new NewPost.NewTarget(account.id(), null)),
                                "2099-05-01T12:00",
                                "Europe/Berlin",
                                false)
                        .inLanguage("en-gb"));
        publisher.publish(workspace, own.targets().getFirst().id());

        JsonNode second = JSON.readTree(bluesky.findAll(postRequestedFor(urlPathEqualTo(CREATE)))
                        .getLast()
                        .getBodyAsString())
                .path("record");
        assertThat(second.path("text").asString()).isEqualTo("Fresh dough at 5");
        assertThat(second.path("langs").valueStream().map(JsonNode::asString))
                .as("a post's own language over the workspace's")
                .containsExactly("en-GB");
    }

    @Test
    void aLinksCardCarriesTheTitleDescriptionAndImageItsPageNames() {
        takesCreates();
        bluesky.stubFor(get(urlPathEqualTo("/pages/menu"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<html><head><title>Menu</title><meta property=\"og:title\" content=\"Today’s menu\">"
                                + "<meta name=\"description\" content=\"Three pizzas and a calzone\">"
                                + "<meta property=\"og:image\" content=\"/pages/menu.png\"></head></html>")));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 7, 7, 7};
        bluesky.stubFor(get(urlPathEqualTo("/pages/menu.png"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/png")
                        .withBody(png)));
        String blob =
                "{\"$type\":\"blob\",\"ref\":{\"$link\":\"bafkreithumb\"},\"mimeType\":\"image/png\",\"size\":11}";
        bluesky.stubFor(post(urlPathEqualTo("/xrpc/com.atproto.repo.uploadBlob"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"blob\":" + blob + "}")));
        String page = bluesky.baseUrl() + "/pages/menu";
        Post post = due("On the menu", page);

        publisher.publish(workspace, post.targets().getFirst().id());

        var uploads = bluesky.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.uploadBlob")));
        assertThat(uploads).as("the page's image, uploaded as the card's thumb").hasSize(1);
        assertThat(uploads.getFirst().getBody()).isEqualTo(png);
        assertThat(uploads.getFirst().getHeader("Content-Type")).startsWith("image/png");

        JsonNode sent = JSON.readTree(bluesky.findAll(postRequestedFor(urlPathEqualTo(CREATE)))
                .getFirst()
                .getBodyAsString());
        JsonNode external = sent.path("record").path("embed").path("external");
        assertThat(external.path("uri").asString()).isEqualTo(page);
        assertThat(external.path("title").asString()).isEqualTo("Today’s menu");
        assertThat(external.path("description").asString()).isEqualTo("Three pizzas and a calzone");
        assertThat(external.path("thumb")).isEqualTo(JSON.readTree(blob));
        assertThat(posts.get(workspace, post.id()).targets().getFirst().status())
                .isEqualTo(TargetStatus.PUBLISHED);
    }

    @Test
    void anAnswerLostAfterBlueskyTookThePostIsSettledByReadingItsRecordNotByPostingAgain() {
        // Bluesky takes the post but answers after Herald stopped waiting (its read timeout here is a second).
        bluesky.stubFor(post(urlPathEqualTo(CREATE))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(CREATED)
                        .withTransformers("response-template")
                        .withFixedDelay(3_000)));
        Post post = due("Lost in the mail " + ada.tag(), null);
        Target target = post.targets().getFirst();

        publisher.publish(workspace, target.id());

        Target waiting = posts.get(workspace, post.id()).targets().getFirst();
        assertThat(waiting.status())
                .as("not published, not failed: Herald cannot tell yet")
                .isNotIn(TargetStatus.PUBLISHED, TargetStatus.FAILED);
        String rkey = journal(target, "rkey");
        assertThat(rkey).isNotBlank();
        bluesky.stubFor(get(urlPathEqualTo(GET_RECORD))
                .withQueryParam("rkey", equalTo(rkey))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"uri\":\"at://" + ada.did() + "/app.bsky.feed.post/" + rkey
                                + "\",\"cid\":\"bafyreiherald\",\"value\":{\"$type\":\"app.bsky.feed.post\",\"text\":"
                                + "\"Lost in the mail " + ada.tag()
                                + "\",\"createdAt\":\"2026-12-04T12:00:00.000Z\"}}")));
        makeDueNow(post);

        publisher.publish(workspace, target.id());

        Target settled = posts.get(workspace, post.id()).targets().getFirst();
        assertThat(settled.status()).isEqualTo(TargetStatus.PUBLISHED);
        assertThat(settled.platformUrl())
                .isEqualTo(URI.create("https://bsky.app/profile/" + ada.handle() + "/post/" + rkey));
        bluesky.verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
        bluesky.verify(
                1, postRequestedFor(urlPathEqualTo(CREATE)).withRequestBody(matchingJsonPath("$.rkey", equalTo(rkey))));
    }

    @Test
    void whatBlueskyWouldRefuseIsRefusedWhenThePostIsAccepted() {
        String longer = "ü".repeat(301);
        var refused = org.assertj.core.api.Assertions.catchThrowable(() -> posts.create(
                workspace,
                new NewPost(
                        longer,
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(account.id(), null)),
                        "2099-05-01T12:00",
                        "Europe/Berlin",
                        false)));

        assertThat(refused)
                .as("300 characters as Bluesky counts them")
                .isInstanceOf(PostRejected.class)
                .hasMessageContaining("301")
                .hasMessageContaining("300");
        assertThat(count(workspace, "select count(*) from posts")).isZero();
        assertThat(posts.create(
                                workspace,
                                new NewPost(
                                        "👨‍👩‍👧‍👦".repeat(100) + "a".repeat(200),
                                        null,
                                        List.of(),
                                        List.of(new NewPost.NewTarget(account.id(), null)),
                                        "2099-05-01T12:00",
                                        "Europe/Berlin",
                                        false))
                        .targets())
                .as("300 characters as Bluesky counts them, though 900 code points: a family emoji is one")
                .hasSize(1);
    }

    /** Bluesky takes every create, answering the record's address at the key Herald sent. */
    private void takesCreates() {
        bluesky.stubFor(post(urlPathEqualTo(CREATE))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(CREATED)
                        .withTransformers("response-template")));
    }

    private Post due(String body, @Nullable String link) {
        return engine.due(workspace, account.id(), body, link);
    }

    private void makeDueNow(Post post) {
        engine.makeDue(workspace, post.id());
    }

    private @Nullable String journal(Target target, String key) {
        return engine.journal(workspace, target, key);
    }
}
