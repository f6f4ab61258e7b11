package herald.providers.sandbox;

import static herald.providers.sandbox.SandboxProviderContractTests.assertKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.SandboxConsent;
import herald.SandboxEndToEndTest;
import herald.providers.AccountType;
import herald.providers.AuthorizationRequest;
import herald.providers.CommentRequest;
import herald.providers.Pkce;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishRequest;
import herald.providers.PublishedComment;
import herald.providers.PublishedPost;
import herald.providers.ReceivedComment;
import herald.vault.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Sandbox provider's comments against the Sandbox running inside Herald, over its real HTTP API. */
class SandboxCommentsTests extends SandboxEndToEndTest {

    @Autowired
    SandboxProvider provider;

    @Test
    void commentsUnderTheAccountsOwnPostAndFindsTheCommentAgain() {
        String account = "cm_" + UUID.randomUUID().toString().substring(0, 8);
        Secret token = token(account);
        Instant since = Instant.now();
        PublishedPost post = provider.publish(token, new PublishRequest(account, "Our new menu", null));
        var request = new CommentRequest(account, post.id(), "#menu #pizza https://krusty.example/menu");

        PublishedComment comment = provider.comment(token, request);

        assertThat(provider.takesComments()).isTrue();
        assertThat(provider.commentMaxLength()).isEqualTo(500);
        assertThat(comment.url()).isEqualTo(URI.create(BASE + "/sandbox/@" + account + "#comment-" + comment.id()));
        assertThat(provider.findComment(token, request, since)).contains(comment);
        assertThat(provider.findComment(token, new CommentRequest(account, post.id(), "Another text"), since))
                .as("no comment with that text: provably absent")
                .isEmpty();
        assertThat(provider.findComment(token, request, Instant.now().plusSeconds(60)))
                .as("written before the attempt")
                .isEmpty();
    }

    @Test
    void anotherAccountsPostIsAPermissionRefusalAndTooLongTextIsInvalidContent() {
        String owner = "cmo_" + UUID.randomUUID().toString().substring(0, 8);
        String other = "cmx_" + UUID.randomUUID().toString().substring(0, 8);
        Secret ownerToken = token(owner);
        Secret otherToken = token(other);
        PublishedPost post = provider.publish(ownerToken, new PublishRequest(owner, "Mine alone", null));

        assertKind(
                () -> provider.comment(otherToken, new CommentRequest(other, post.id(), "Hijack")),
                Kind.PERMISSION,
                "own posts");
        assertKind(
                () -> provider.comment(ownerToken, new CommentRequest(owner, post.id(), "x".repeat(501))),
                Kind.INVALID_CONTENT,
                "at most 500");
        assertThat(provider.findComment(ownerToken, new CommentRequest(owner, post.id(), "Hijack"), Instant.EPOCH))
                .isEmpty();
    }

    @Test
    void aCommentAnsweredTooLateIsAnUnknownOutcomeThatFindCommentSettles() {
        String account = "cmt_" + UUID.randomUUID().toString().substring(0, 8);
        Secret token = token(account);
        Instant since = Instant.now();
        PublishedPost post = provider.publish(token, new PublishRequest(account, "Stalling comments", null));
        var request = new CommentRequest(account, post.id(), "Credits: photo by Lisa");
        faults("{\"timeoutAfterCreate\":true}");

        assertKind(() -> provider.comment(token, request), Kind.UNKNOWN_OUTCOME, "may have been published");

        noFaults();
        assertThat(provider.findComment(token, request, since))
                .hasValueSatisfying(found -> assertThat(found.id()).isNotBlank());
    }

    @Test
    void theSandboxsFailuresAndRateLimitsReachCommentsInHeraldsTaxonomy() {
        String account = "cmf_" + UUID.randomUUID().toString().substring(0, 8);
        Secret token = token(account);
        PublishedPost post = provider.publish(token, new PublishRequest(account, "Failing comments", null));
        var request = new CommentRequest(account, post.id(), "Will it go?");

        faults("{\"errorRate\":1}");
        assertKind(() -> provider.comment(token, request), Kind.TRANSIENT, "HTTP 503");
        assertKind(() -> provider.findComment(token, request, Instant.EPOCH), Kind.TRANSIENT, "HTTP 503");
        faults("{\"rateLimitedUntil\":\"" + Instant.now().plusSeconds(90) + "\"}");
        assertThatThrownBy(() -> provider.comment(token, request))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(91));
                });
        noFaults();
        assertThat(provider.findComment(token, request, Instant.EPOCH)).isEmpty();
    }

    @Test
    void readsWhatVisitorsWroteAndTheirRepliesNewestFirstWithoutTheAccountsOwn() {
        String account = "cr_" + UUID.randomUUID().toString().substring(0, 8);
        Secret token = token(account);
        PublishedPost post = provider.publish(token, new PublishRequest(account, "Tell us what you think", null));
        String question = visitor(post.id(), "Ada Lovelace", "Does it compute?", null);
        PublishedComment answer =
                provider.comment(token, new CommentRequest(account, post.id(), "It does!", null, question));
        String thanks = visitor(post.id(), "Ada Lovelace", "Splendid", answer.id());
        String smile = visitor(post.id(), "😀", "👍", null);

        List<ReceivedComment> received = provider.comments(token, account.toUpperCase(Locale.ROOT), post.id(), 10);

        assertThat(provider.readsComments()).isTrue();
        assertThat(received)
                .as("newest first, the account's own answer left out")
                .extracting(ReceivedComment::id)
                .containsExactly(smile, thanks, question);
        ReceivedComment reply = received.get(1);
        assertThat(reply.replyTo()).isEqualTo(answer.id());
        assertThat(reply.authorHandle()).isEqualTo("visitor:adalovelace");
        assertThat(reply.authorName()).isEqualTo("Ada Lovelace");
        assertThat(reply.text()).isEqualTo("Splendid");
        assertThat(reply.url()).isEqualTo(URI.create(BASE + "/sandbox/@" + account + "#comment-" + thanks));
        assertThat(reply.writtenAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(received.get(2).replyTo()).isNull();
        assertThat(received.get(2).authorHandle())
                .as("the same name, the same handle")
                .isEqualTo(reply.authorHandle());
        assertThat(received.get(0).authorHandle()).matches("visitor:[0-9a-f]{8}");
        assertThat(provider.comments(token, account, post.id(), 1))
                .extracting(ReceivedComment::id)
                .containsExactly(smile);
    }

    @Test
    void anAnswerToACommentLandsAsAReplyAndIsFoundAgainAsOne() {
        String account = "ca_" + UUID.randomUUID().toString().substring(0, 8);
        Secret token = token(account);
        Instant since = Instant.now();
        PublishedPost post = provider.publish(token, new PublishRequest(account, "Questions welcome", null));
        String question = visitor(post.id(), "Lisa", "Is it vegetarian?", null);
        var request = new CommentRequest(account, post.id(), "Yes, all of it", null, question);

        PublishedComment answer = provider.comment(token, request);

        Response listed =
                send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/api/posts/" + post.id() + "/comments"))
                        .header("Authorization", "Bearer " + token.reveal())
                        .GET());
        assertThat(listed.json().path("data").get(0).path("id").asString()).isEqualTo(answer.id());
        assertThat(listed.json().path("data").get(0).path("replyTo").asString()).isEqualTo(question);
        assertThat(provider.findComment(token, request, since)).contains(answer);
        assertThat(provider.findComment(token, new CommentRequest(account, post.id(), "Yes, all of it"), since))
                .as("the same text on the post itself is another comment")
                .isEmpty();
    }

    @Test
    void aPostTheSandboxNoLongerHasIsInvalidContentAndSoIsAnAnswerToAnotherPostsComment() {
        String account = "cg_" + UUID.randomUUID().toString().substring(0, 8);
        Secret token = token(account);
        PublishedPost post = provider.publish(token, new PublishRequest(account, "Here", null));
        PublishedPost other = provider.publish(token, new PublishRequest(account, "There", null));
        String elsewhere = visitor(other.id(), "Bart", "Over here", null);

        assertKind(
                () -> provider.comments(token, account, UUID.randomUUID().toString(), 20),
                Kind.INVALID_CONTENT,
                "The Sandbox no longer has this post.");
        assertKind(
                () -> provider.comment(token, new CommentRequest(account, post.id(), "Wrong place", null, elsewhere)),
                Kind.INVALID_CONTENT,
                elsewhere);
        assertThat(provider.comments(token, account, post.id(), 20)).isEmpty();
    }

    /** A visitor's comment through the Sandbox's admin route, as the feed page's form writes one; its id. */
    private String visitor(String post, String name, String text, @Nullable String replyTo) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("text", text);
        if (replyTo != null) {
            body.put("replyTo", replyTo);
        }
        Response created = send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/admin/posts/" + post + "/comments"))
                .header("X-Sandbox-Admin-Token", ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** An account token for {@code account}, through the Sandbox's consent as Herald's own client gets one. */
    private Secret token(String account) {
        Secret verifier = Pkce.verifier();
        URI redirect = URI.create(BASE + "/connections/callback/sandbox");
        URI authorize = provider.authorizationUrl(
                new AuthorizationRequest("st", redirect, Pkce.challenge(verifier), AccountType.COMPANY));
        Response approved = send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SandboxConsent.approving(authorize, account))));
        assertThat(approved.status()).as(approved.body()).isEqualTo(302);
        String query = URI.create(approved.headers().firstValue("Location").orElseThrow())
                .getRawQuery();
        String code = null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                code = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        assertThat(code).as(query).isNotNull();
        var user = provider.exchange(code, verifier, redirect);
        return provider.discover(user, AccountType.COMPANY).getFirst().tokens().accessToken();
    }
}
