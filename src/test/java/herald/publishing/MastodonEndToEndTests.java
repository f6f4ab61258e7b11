package herald.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import herald.connections.Connection;
import herald.connections.MastodonTestBase;
import herald.shared.WorkspaceId;
import herald.tenancy.WorkspaceRules;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Mastodon account connected through the OAuth flow and published to through Herald's engine (the publisher, the
 * target's journal, the sealed credential) against a WireMock Mastodon server: the status goes out once under the
 * Idempotency-Key Herald noted first, in the workspace's language, and an answer lost after the server took it is
 * settled by finding the status on the account, never by posting again.
 */
class MastodonEndToEndTests extends MastodonTestBase {

    static final String STATUSES = "/api/v1/statuses";

    @Autowired
    Posts posts;

    @Autowired
    Publisher publisher;

    EngineFixtures engine;

    @Autowired
    WorkspaceRules workspaceRules;

    WorkspaceId workspace;
    Connection account;
    String access;

    @BeforeEach
    void connected() {
        engine = new EngineFixtures(context);
        workspace = owner("pro").workspace().orElseThrow().id();
        access = "access-" + UUID.randomUUID();
        registers("herald-client", "herald-secret");
        consents(access, "109371", "krusty");
        account = connect(workspace);
    }

    @Test
    void aStatusGoesOutOnceUnderTheKeyHeraldNotedFirstInTheWorkspacesLanguage() {
        mastodon.stubFor(post(urlPathEqualTo(STATUSES)).willReturn(okJson(status("1100", "<p>Fresh dough at 5</p>"))));
        workspaceRules.postLanguage(workspace, "de");
        Post post = due("Fresh dough at 5", null);
        Target target = post.targets().getFirst();

        publisher.publish(workspace, target.id());

        var sent = mastodon.findAll(postRequestedFor(urlPathEqualTo(STATUSES)));
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getHeader("Authorization")).isEqualTo("Bearer " + access);
        assertThat(sent.getFirst().getHeader("Idempotency-Key"))
                .as("the key was noted in the target's journal before the call")
                .isEqualTo(journal(target, "idempotency-key"));
        mastodon.verify(postRequestedFor(urlPathEqualTo(STATUSES))
                .withRequestBody(matchingJsonPath("$.status", equalTo("Fresh dough at 5")))
                .withRequestBody(matchingJsonPath("$.language", equalTo("de")))
                .withRequestBody(matchingJsonPath("$.visibility", equalTo("public"))));
        Target published = posts.get(workspace, post.id()).targets().getFirst();
        assertThat(published.status()).isEqualTo(TargetStatus.PUBLISHED);
        assertThat(published.platformPostId()).isEqualTo("1100");
        assertThat(published.platformUrl()).isEqualTo(URI.create("https://" + server() + "/@krusty/1100"));
    }

    @Test
    void anAnswerLostAfterTheServerTookTheStatusIsSettledByFindingItNotByPostingAgain() {
        mastodon.stubFor(
                post(urlPathEqualTo(STATUSES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Post post = due("Lost in the mail", null);
        Target target = post.targets().getFirst();

        publisher.publish(workspace, target.id());

        assertThat(posts.get(workspace, post.id()).targets().getFirst().status())
                .as("not published, not failed: Herald cannot tell yet")
                .isNotIn(TargetStatus.PUBLISHED, TargetStatus.FAILED);
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/accounts/109371/statuses"))
                .willReturn(okJson("[" + status("1200", "<p>Lost in the mail</p>") + "]")));
        makeDueNow(post);

        publisher.publish(workspace, target.id());

        Target settled = posts.get(workspace, post.id()).targets().getFirst();
        assertThat(settled.status()).isEqualTo(TargetStatus.PUBLISHED);
        assertThat(settled.platformPostId()).isEqualTo("1200");
        mastodon.verify(1, postRequestedFor(urlPathEqualTo(STATUSES)));
    }

    /** A status as the server answers it, written now by the connected account. */
    private static String status(String id, String content) {
        return """
                {"id":"%s","created_at":"%s","in_reply_to_id":null,"visibility":"public","language":null,
                 "uri":"https://%s/users/krusty/statuses/%s","url":"https://%s/@krusty/%s",
                 "content":"%s","media_attachments":[],"account":{"id":"109371","username":"krusty","acct":"krusty"},
                 "replies_count":0,"reblogs_count":0,"favourites_count":0}"""
                .formatted(id, Instant.now(), server(), id, server(), id, content);
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
