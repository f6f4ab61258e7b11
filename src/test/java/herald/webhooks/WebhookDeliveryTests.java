package herald.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import herald.TenantFixtures;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.connections.ConnectionId;
import herald.connections.ConnectionNeedsReconnect;
import herald.database.TenantScope;
import herald.publishing.PostCommentFailed;
import herald.publishing.PostFailed;
import herald.publishing.PostId;
import herald.publishing.PostPublished;
import herald.publishing.TargetId;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries end to end on a delivering node: the events other modules raise reach the endpoints that subscribe to
 * them, signed so that a Standard Webhooks receiver accepts them; failures are retried and end with a reason; a
 * redirect is not followed; a disabled endpoint gets nothing; and a redelivery carries the same event id and body.
 * The receiver is a WireMock server on localhost, which {@code herald.webhooks.allowed-hosts} lets through.
 */
@SpringBootTest(
        properties = {
            "herald.webhooks.deliver=true",
            "herald.webhooks.allowed-hosts=localhost",
            "herald.webhooks.first-retry=300ms",
            "herald.webhooks.max-retry=300ms",
            "herald.webhooks.max-attempts=3",
            "herald.webhooks.connect-timeout=1s",
            "herald.webhooks.read-timeout=2s",
            "db-scheduler.polling-interval=200ms"
        })
class WebhookDeliveryTests {

    static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    WebhookEndpoints endpoints;

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    WebhookEvents events;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    AuditLog audit;

    @Autowired
    JsonMapper json;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebhookSettings settings;

    WorkspaceId workspace;

    @BeforeEach
    void aWorkspaceAndAQuietReceiver() {
        receiver.resetAll();
        workspace = TenantFixtures.of(context)
                .signUp("hooks", "pro")
                .workspace()
                .orElseThrow()
                .id();
    }

    @Test
    void aTestEventArrivesSignedTheStandardWebhooksWay() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hooks/ok")).willReturn(aResponse().withStatus(204)));
        CreatedWebhookEndpoint created = endpoints.create(workspace, draft("/hooks/ok", "post.published"));

        WebhookDelivery queued =
                endpoints.sendTest(workspace, created.endpoint().id());
        WebhookDelivery delivered = until(
                () -> deliveries.require(workspace, created.endpoint().id(), queued.id()),
                d -> d.status() == WebhookDelivery.Status.DELIVERED);

        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.responseStatus()).isEqualTo(204);
        assertThat(delivered.deliveredAt()).isNotNull();
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/ok")));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.getFirst();
        String id = request.getHeader("webhook-id");
        long timestamp = Long.parseLong(request.getHeader("webhook-timestamp"));
        String body = request.getBodyAsString();
        assertThat(id).isEqualTo("msg_" + queued.eventId());
        assertThat(body).isEqualTo(queued.payload());
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("User-Agent")).isEqualTo("Herald-Webhooks/1");
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
        assertThat(request.getHeader("webhook-signature")).isEqualTo(signature(created.secret(), request));
        JsonNode payload = json.readTree(body);
        assertThat(payload.path("type").asString()).isEqualTo("webhook.test");
        assertThat(payload.path("data").path("workspaceId").asString()).isEqualTo(workspace.toString());
        // The secret was opened for the attempt, and the opening is in the audit log; the secret itself is nowhere.
        var opened = audit.find(workspace, new AuditQuery("secret.decrypted", null, null, null, null, 50));
        assertThat(opened).anySatisfy(e -> assertThat(e.details()).containsEntry("purpose", "webhook_endpoint.secret"));
        assertThat(audit.find(workspace, AuditQuery.latest(500)).toString()).doesNotContain(created.secret());
    }

    @Test
    void aPostsEventsCarryItsTags() {
        receiver.stubFor(
                post(urlEqualTo("/hooks/tagged")).willReturn(aResponse().withStatus(200)));
        var tagged = endpoints.create(workspace, draft("/hooks/tagged", "post.published"));
        var account = TenantFixtures.sandboxAccount(tenants, jdbc, workspace, "krusty");
        var created = context.getBean(herald.publishing.Posts.class)
                .create(
                        workspace,
                        new herald.publishing.NewPost(
                                "Tagged",
                                null,
                                List.of(),
                                List.of(new herald.publishing.NewPost.NewTarget(account, null)),
                                null,
                                null,
                                true,
                                List.of("Black Friday", "promo")));

        publisher.publishEvent(new PostPublished(
                workspace,
                created.id(),
                created.targets().getFirst().id(),
                "sandbox",
                URI.create("http://localhost/sandbox/@krusty/2"),
                Instant.now()));
        until(events::idle, idle -> idle);

        JsonNode data = json.readTree(
                        delivered(tagged.endpoint().id(), 1).getFirst().payload())
                .path("data");
        assertThat(data.path("tags").toString()).isEqualTo("[\"Black Friday\",\"promo\"]");
    }

    @Test
    void eventsReachOnlyTheEndpointsThatSubscribeToThem() {
        receiver.stubFor(
                post(urlEqualTo("/hooks/published")).willReturn(aResponse().withStatus(200)));
        receiver.stubFor(
                post(urlEqualTo("/hooks/failures")).willReturn(aResponse().withStatus(200)));
        var published = endpoints.create(workspace, draft("/hooks/published", "post.published"));
        var failures =
                endpoints.create(workspace, draft("/hooks/failures", "post.failed", "connection.needs_reconnect"));
        var disabled = endpoints.create(
                workspace,
                new WebhookEndpointDraft(
                        receiverUrl("/hooks/disabled"), List.of("post.published", "post.failed"), null, false));
        PostId post = new PostId(UUID.randomUUID());
        TargetId target = new TargetId(UUID.randomUUID());

        publisher.publishEvent(new PostPublished(
                workspace,
                post,
                target,
                "sandbox",
                URI.create("http://localhost/sandbox/@krusty/1"),
                Instant.now(),
                herald.providers.PostFormat.STORY));
        publisher.publishEvent(new PostFailed(
                workspace, post, target, "x", "The text is a duplicate of a recent post.", Instant.now()));
        publisher.publishEvent(new ConnectionNeedsReconnect(
                workspace, new ConnectionId(UUID.randomUUID()), "linkedin", "invalid_grant", Instant.now()));
        until(events::idle, idle -> idle);

        List<WebhookDelivery> toPublished = delivered(published.endpoint().id(), 1);
        assertThat(toPublished).extracting(WebhookDelivery::type).containsExactly(WebhookEventType.POST_PUBLISHED);
        JsonNode data = json.readTree(toPublished.getFirst().payload()).path("data");
        assertThat(data.path("postId").asString()).isEqualTo(post.toString());
        assertThat(data.path("targetId").asString()).isEqualTo(target.toString());
        assertThat(data.path("url").asString()).isEqualTo("http://localhost/sandbox/@krusty/1");
        assertThat(data.path("platform").asString()).isEqualTo("sandbox");
        assertThat(data.path("format").asString()).as("a story, said so").isEqualTo("story");
        assertThat(data.path("tags").isArray())
                .as("a post unknown here has no tags")
                .isTrue();
        assertThat(data.path("tags")).isEmpty();

        List<WebhookDelivery> toFailures = delivered(failures.endpoint().id(), 2);
        assertThat(toFailures)
                .extracting(WebhookDelivery::type)
                .containsExactlyInAnyOrder(WebhookEventType.POST_FAILED, WebhookEventType.CONNECTION_NEEDS_RECONNECT);
        assertThat(toFailures)
                .filteredOn(d -> d.type() == WebhookEventType.POST_FAILED)
                .singleElement()
                .satisfies(d -> {
                    assertThat(json.readTree(d.payload())
                                    .path("data")
                                    .path("reason")
                                    .asString())
                            .isEqualTo("The text is a duplicate of a recent post.");
                    assertThat(json.readTree(d.payload())
                                    .path("data")
                                    .path("format")
                                    .asString())
                            .isEqualTo("post");
                });

        assertThat(deliveries.recent(workspace, disabled.endpoint().id(), null, 10))
                .isEmpty();
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/disabled"))))
                .isEmpty();
    }

    @Test
    void aFirstCommentThatFailedOrEndedUnknownIsAnnouncedSignedToItsSubscribersOnly() throws Exception {
        receiver.stubFor(
                post(urlEqualTo("/hooks/comments")).willReturn(aResponse().withStatus(200)));
        receiver.stubFor(post(urlEqualTo("/hooks/posts")).willReturn(aResponse().withStatus(200)));
        var comments = endpoints.create(workspace, draft("/hooks/comments", "post.comment_failed"));
        var posts = endpoints.create(workspace, draft("/hooks/posts", "post.failed"));
        PostId post = new PostId(UUID.randomUUID());
        TargetId failedOn = new TargetId(UUID.randomUUID());
        TargetId unknownOn = new TargetId(UUID.randomUUID());
        Instant failedAt = Instant.parse("2026-12-03T09:00:01.500Z");

        publisher.publishEvent(new PostCommentFailed(
                workspace,
                post,
                failedOn,
                "x",
                "Replies are limited to people the account mentions.",
                false,
                failedAt));
        publisher.publishEvent(
                new PostCommentFailed(workspace, post, unknownOn, "linkedin", "Look under the post.", true, failedAt));
        until(events::idle, idle -> idle);

        List<WebhookDelivery> sent = delivered(comments.endpoint().id(), 2);
        assertThat(sent).extracting(WebhookDelivery::type).containsOnly(WebhookEventType.POST_COMMENT_FAILED);
        JsonNode failed = data(sent, failedOn);
        assertThat(failed.path("workspaceId").asString()).isEqualTo(workspace.toString());
        assertThat(failed.path("postId").asString()).isEqualTo(post.toString());
        assertThat(failed.path("platform").asString()).isEqualTo("x");
        assertThat(failed.path("reason").asString()).isEqualTo("Replies are limited to people the account mentions.");
        assertThat(failed.path("unknown").isBoolean()).isTrue();
        assertThat(failed.path("unknown").asBoolean()).isFalse();
        assertThat(failed.path("failedAt").asString()).isEqualTo("2026-12-03T09:00:01.500Z");
        assertThat(failed.path("tags").isArray()).isTrue();
        JsonNode unknown = data(sent, unknownOn);
        assertThat(unknown.path("platform").asString()).isEqualTo("linkedin");
        assertThat(unknown.path("unknown").asBoolean()).isTrue();
        assertThat(unknown.path("reason").asString()).isEqualTo("Look under the post.");

        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/comments")));
        assertThat(requests).hasSize(2);
        for (LoggedRequest request : requests) {
            assertThat(json.readTree(request.getBodyAsString()).path("type").asString())
                    .isEqualTo("post.comment_failed");
            assertThat(request.getHeader("webhook-signature")).isEqualTo(signature(comments.secret(), request));
        }
        assertThat(deliveries.recent(workspace, posts.endpoint().id(), null, 10))
                .as("an endpoint of post.failed only: the post itself was published")
                .isEmpty();
    }

    @Test
    void aThreadPartThatDidNotGoOutIsAnnouncedWithItsPartToItsSubscribersOnly() throws Exception {
        receiver.stubFor(
                post(urlEqualTo("/hooks/threads")).willReturn(aResponse().withStatus(200)));
        receiver.stubFor(
                post(urlEqualTo("/hooks/comments")).willReturn(aResponse().withStatus(200)));
        var threads = endpoints.create(workspace, draft("/hooks/threads", "post.thread_failed"));
        var comments = endpoints.create(workspace, draft("/hooks/comments", "post.comment_failed"));
        PostId post = new PostId(UUID.randomUUID());
        TargetId on = new TargetId(UUID.randomUUID());

        publisher.publishEvent(new herald.publishing.PostThreadFailed(
                workspace, post, on, "x", 3, "The text is a duplicate of a recent post.", false, Instant.now()));
        until(events::idle, idle -> idle);

        List<WebhookDelivery> sent = delivered(threads.endpoint().id(), 1);
        assertThat(sent).extracting(WebhookDelivery::type).containsOnly(WebhookEventType.POST_THREAD_FAILED);
        JsonNode data = data(sent, on);
        assertThat(data.path("part").asInt()).isEqualTo(3);
        assertThat(data.path("unknown").asBoolean()).isFalse();
        assertThat(data.path("reason").asString()).isEqualTo("The text is a duplicate of a recent post.");
        assertThat(json.readTree(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/threads")))
                                .getFirst()
                                .getBodyAsString())
                        .path("type")
                        .asString())
                .isEqualTo("post.thread_failed");
        assertThat(deliveries.recent(workspace, comments.endpoint().id(), null, 10))
                .as("a thread's part is not a first comment")
                .isEmpty();
    }

    @Test
    void aPostAnAgentLeftForApprovalIsAnnouncedWithItsAuthor() {
        receiver.stubFor(
                post(urlEqualTo("/hooks/approvals")).willReturn(aResponse().withStatus(202)));
        var approvals = endpoints.create(workspace, draft("/hooks/approvals", "post.awaiting_approval"));
        var account = TenantFixtures.sandboxAccount(
                context.getBean(herald.database.TenantScope.class),
                context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class),
                workspace,
                "approvals");

        var waiting = context.getBean(herald.publishing.Posts.class)
                .create(
                        workspace,
                        new herald.publishing.NewPost(
                                "Half-price Tuesdays, from the agent",
                                null,
                                List.of(),
                                List.of(new herald.publishing.NewPost.NewTarget(account, null)),
                                "2099-06-01T09:00:00Z",
                                null,
                                false),
                        new herald.publishing.Provenance(
                                herald.publishing.Provenance.Origin.MCP,
                                "agent",
                                UUID.randomUUID().toString(),
                                "Menu bot (ha_1234abcd)"),
                        true);
        until(events::idle, idle -> idle);

        WebhookDelivery delivery = delivered(approvals.endpoint().id(), 1).getFirst();
        assertThat(delivery.type()).isEqualTo(WebhookEventType.POST_AWAITING_APPROVAL);
        JsonNode data = json.readTree(delivery.payload()).path("data");
        assertThat(data.path("postId").asString()).isEqualTo(waiting.id().toString());
        assertThat(data.path("origin").asString()).isEqualTo("mcp");
        assertThat(data.path("createdBy").asString()).isEqualTo("Menu bot (ha_1234abcd)");
        assertThat(data.path("due").asString()).isEqualTo("2099-06-01T09:00:00Z");
    }

    @Test
    void anApprovalDecisionAndAClientsFeedbackAreAnnounced() {
        receiver.stubFor(
                post(urlEqualTo("/hooks/decisions")).willReturn(aResponse().withStatus(200)));
        var decisions =
                endpoints.create(workspace, draft("/hooks/decisions", "post.approval_decided", "review.feedback"));
        var account = TenantFixtures.sandboxAccount(tenants, jdbc, workspace, "decisions");
        var posts = context.getBean(herald.publishing.Posts.class);
        var waiting = posts.create(
                workspace,
                new herald.publishing.NewPost(
                        "Approve me, please",
                        null,
                        List.of(),
                        List.of(new herald.publishing.NewPost.NewTarget(account, null)),
                        "2099-06-01T09:00:00Z",
                        null,
                        false,
                        List.of("launch")),
                new herald.publishing.Provenance(herald.publishing.Provenance.Origin.MCP, "agent", null, "Bot"),
                true);

        context.getBean(herald.publishing.PostApprovals.class).approve(workspace, waiting.id(), null);
        publisher.publishEvent(new herald.reviews.ReviewFeedback(
                workspace,
                waiting.id(),
                "Marge (via review link 'Acme')",
                herald.reviews.ReviewFeedback.Kind.COMMENTED,
                "Lovely."));
        until(events::idle, idle -> idle);

        List<WebhookDelivery> sent = delivered(decisions.endpoint().id(), 2);
        JsonNode decided = json.readTree(sent.stream()
                        .filter(d -> d.type() == WebhookEventType.POST_APPROVAL_DECIDED)
                        .findFirst()
                        .orElseThrow()
                        .payload())
                .path("data");
        assertThat(decided.path("postId").asString()).isEqualTo(waiting.id().toString());
        assertThat(decided.path("approved").asBoolean()).isTrue();
        assertThat(decided.path("status").asString()).isEqualTo("scheduled");
        assertThat(decided.path("tags").toString()).isEqualTo("[\"launch\"]");
        JsonNode feedback = json.readTree(sent.stream()
                        .filter(d -> d.type() == WebhookEventType.REVIEW_FEEDBACK)
                        .findFirst()
                        .orElseThrow()
                        .payload())
                .path("data");
        assertThat(feedback.path("feedback").asString()).isEqualTo("commented");
        assertThat(feedback.path("reviewer").asString()).isEqualTo("Marge (via review link 'Acme')");
        assertThat(feedback.path("text").asString()).isEqualTo("Lovely.");
    }

    @Test
    void aCommentInTheInboxIsAnnouncedWithItsAuthorAndText() {
        receiver.stubFor(post(urlEqualTo("/hooks/inbox")).willReturn(aResponse().withStatus(200)));
        var inbox = endpoints.create(workspace, draft("/hooks/inbox", "inbox.comment"));
        var account = TenantFixtures.sandboxAccount(tenants, jdbc, workspace, "inboxed");
        var comment = herald.inbox.InboxCommentId.random();
        var post = new herald.publishing.PostId(UUID.randomUUID());
        publisher.publishEvent(new herald.inbox.InboxCommentReceived(
                workspace,
                comment,
                post,
                account,
                "sandbox",
                "inboxed",
                "moe",
                "Moe Szyslak",
                "Is it spicy?",
                java.net.URI.create("https://sandbox.example/@inboxed/p-1#c-9"),
                "c-1",
                java.time.Instant.parse("2026-12-05T10:00:00Z")));
        until(events::idle, idle -> idle);

        WebhookDelivery delivery = delivered(inbox.endpoint().id(), 1).getFirst();
        assertThat(delivery.type()).isEqualTo(WebhookEventType.INBOX_COMMENT);
        JsonNode data = json.readTree(delivery.payload()).path("data");
        assertThat(data.path("commentId").asString()).isEqualTo(comment.toString());
        assertThat(data.path("postId").asString()).isEqualTo(post.toString());
        assertThat(data.path("connectionId").asString())
                .isEqualTo(account.value().toString());
        assertThat(data.path("author").path("name").asString()).isEqualTo("Moe Szyslak");
        assertThat(data.path("author").path("handle").asString()).isEqualTo("moe");
        assertThat(data.path("text").asString()).isEqualTo("Is it spicy?");
        assertThat(data.path("replyTo").asString()).isEqualTo("c-1");
        assertThat(data.path("writtenAt").asString()).isEqualTo("2026-12-05T10:00:00Z");
        assertThat(data.path("tags").isArray()).isTrue();
    }

    @Test
    void aFailingEndpointIsRetriedUntilItAnswersAndAnotherFailsForGoodWithTheReason() {
        receiver.stubFor(post(urlEqualTo("/hooks/flaky"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy, try later"))
                .willSetStateTo("recovered"));
        receiver.stubFor(post(urlEqualTo("/hooks/flaky"))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        receiver.stubFor(post(urlEqualTo("/hooks/broken"))
                .willReturn(aResponse().withStatus(500).withBody("NullPointerException\n  at Handler.java:12")));
        var flaky = endpoints.create(workspace, draft("/hooks/flaky", "post.published"));
        var broken = endpoints.create(workspace, draft("/hooks/broken", "post.published"));

        WebhookDelivery first = endpoints.sendTest(workspace, flaky.endpoint().id());
        WebhookDelivery second = endpoints.sendTest(workspace, broken.endpoint().id());

        WebhookDelivery recovered = until(
                () -> deliveries.require(workspace, flaky.endpoint().id(), first.id()),
                d -> d.status() != WebhookDelivery.Status.PENDING);
        assertThat(recovered.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(recovered.attempts()).isEqualTo(2);
        assertThat(recovered.error()).isNull();
        List<LoggedRequest> flakyCalls = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/flaky")));
        assertThat(flakyCalls).hasSize(2);
        // The same event id at each attempt, so that a receiver can tell a retry from a new event.
        assertThat(flakyCalls).extracting(r -> r.getHeader("webhook-id")).containsOnly("msg_" + first.eventId());

        WebhookDelivery failed = until(
                () -> deliveries.require(workspace, broken.endpoint().id(), second.id()),
                d -> d.status() != WebhookDelivery.Status.PENDING);
        assertThat(failed.status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.responseStatus()).isEqualTo(500);
        assertThat(failed.error()).isEqualTo("HTTP 500: NullPointerException at Handler.java:12");
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/broken"))))
                .hasSize(3);
    }

    @Test
    void aRedirectIsNotFollowedAndARedeliveryCarriesTheSameEvent() {
        receiver.stubFor(post(urlEqualTo("/hooks/moved"))
                .willReturn(aResponse().withStatus(301).withHeader("Location", "http://169.254.169.254/latest")));
        var moved = endpoints.create(workspace, draft("/hooks/moved", "post.published"));

        WebhookDelivery test = endpoints.sendTest(workspace, moved.endpoint().id());
        WebhookDelivery failed = until(
                () -> deliveries.require(workspace, moved.endpoint().id(), test.id()),
                d -> d.status() != WebhookDelivery.Status.PENDING);

        assertThat(failed.status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(failed.error())
                .isEqualTo("HTTP 301: redirects are not followed (to http://169.254.169.254/latest); give the final"
                        + " URL.");

        receiver.stubFor(post(urlEqualTo("/hooks/moved")).willReturn(aResponse().withStatus(200)));
        WebhookDelivery again = deliveries.redeliver(workspace, moved.endpoint().id(), test.id());
        WebhookDelivery delivered = until(
                () -> deliveries.require(workspace, moved.endpoint().id(), again.id()),
                d -> d.status() == WebhookDelivery.Status.DELIVERED);

        assertThat(delivered.id()).isNotEqualTo(test.id());
        assertThat(delivered.eventId()).isEqualTo(test.eventId());
        assertThat(delivered.payload()).isEqualTo(test.payload());
        assertThat(deliveries.recent(workspace, moved.endpoint().id(), null, 10))
                .extracting(WebhookDelivery::id)
                .containsExactly(again.id(), test.id());
    }

    @Test
    void anEndpointDisabledAfterTheEventGetsNothingAndSaysWhy() {
        receiver.stubFor(post(urlEqualTo("/hooks/later"))
                .willReturn(aResponse().withStatus(500).withFixedDelay(200)));
        var later = endpoints.create(workspace, draft("/hooks/later", "post.published"));
        publisher.publishEvent(new PostPublished(
                workspace,
                new PostId(UUID.randomUUID()),
                new TargetId(UUID.randomUUID()),
                "sandbox",
                URI.create("http://localhost/sandbox/@krusty/2"),
                Instant.now()));
        until(events::idle, idle -> idle);
        WebhookDelivery pending = until(
                        () -> deliveries.recent(workspace, later.endpoint().id(), null, 1),
                        list -> !list.isEmpty() && list.getFirst().attempts() >= 1)
                .getFirst();

        endpoints.change(workspace, later.endpoint().id(), WebhookEndpointChange.enabled(false));
        WebhookDelivery ended = until(
                () -> deliveries.require(workspace, later.endpoint().id(), pending.id()),
                d -> d.status() != WebhookDelivery.Status.PENDING);

        assertThat(ended.status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(ended.error()).isEqualTo("The endpoint is disabled: enable it and redeliver.");
        assertThat(ended.attempts()).isLessThan(3);
    }

    @Test
    void theReceiverIsCalledOutsideAnyTransaction() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hooks/plain")).willReturn(aResponse().withStatus(200)));
        var endpoint = endpoints.create(workspace, draft("/hooks/plain", "post.published"));
        WebhookDeliveryId id = unscheduledDelivery(endpoint.endpoint().id());
        var inTransaction = new CopyOnWriteArrayList<Boolean>();
        WebhookHttp http = new WebhookHttp(settings) {
            @Override
            Result send(URI url, String eventId, long timestamp, String signature, String body) {
                inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
                return super.send(url, eventId, timestamp, signature, body);
            }
        };
        try {
            var sender = new WebhookSender(jdbc, tenants, endpoints, http, settings, Clock.systemUTC());

            assertThat(sender.attempt(workspace, id)).isEqualTo(WebhookSender.Next.DONE);
        } finally {
            http.destroy();
        }

        assertThat(inTransaction).containsExactly(false);
        WebhookDelivery delivered =
                deliveries.require(workspace, endpoint.endpoint().id(), id);
        assertThat(delivered.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
    }

    @Test
    void aSecretThatNoLongerOpensFailsTheDeliveryWithoutACallAndSaysWhat() {
        receiver.stubFor(
                post(urlEqualTo("/hooks/sealed")).willReturn(aResponse().withStatus(200)));
        var sealed = endpoints.create(workspace, draft("/hooks/sealed", "post.published"));
        tenants.run(workspace, () -> jdbc.sql(
                        "update webhook_endpoints set secret = :junk where workspace_id = :workspace and id = :id")
                .param("junk", new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
                .param("workspace", workspace.value())
                .param("id", sealed.endpoint().id().value())
                .update());

        WebhookDelivery test = endpoints.sendTest(workspace, sealed.endpoint().id());
        WebhookDelivery failed = until(
                () -> deliveries.require(workspace, sealed.endpoint().id(), test.id()),
                d -> d.status() != WebhookDelivery.Status.PENDING);

        assertThat(failed.status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(failed.error())
                .isEqualTo("The endpoint's secret cannot be opened any more: roll it, then redeliver.");
        assertThat(failed.attempts()).isZero();
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/sealed"))))
                .isEmpty();
    }

    /** A pending delivery with no job, so that only the test attempts it. */
    private WebhookDeliveryId unscheduledDelivery(WebhookEndpointId endpoint) {
        WebhookDeliveryId id = WebhookDeliveryId.random();
        UUID event = UUID.randomUUID();
        String payload = "{\"id\":\"" + event + "\",\"type\":\"webhook.test\",\"data\":{}}";
        tenants.run(workspace, () -> jdbc.sql(
                        """
                        insert into webhook_deliveries (workspace_id, id, endpoint_id, event_id, event_type, payload,
                            status, attempts, created_at, next_attempt_at)
                        values (:workspace, :id, :endpoint, :event, 'webhook.test', :payload, 'pending', 0, now(), now())""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("endpoint", endpoint.value())
                .param("event", event)
                .param("payload", payload)
                .update());
        return id;
    }

    /** The receiver's own check, written out: HMAC-SHA256 under the base64-decoded secret of "id.timestamp.body". */
    private static String signature(String secret, LoggedRequest request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = request.getHeader("webhook-id") + "." + request.getHeader("webhook-timestamp") + "."
                + request.getBodyAsString();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code data} of the delivery about {@code target}. */
    private JsonNode data(List<WebhookDelivery> sent, TargetId target) {
        return sent.stream()
                .map(d -> json.readTree(d.payload()).path("data"))
                .filter(data -> data.path("targetId").asString().equals(target.toString()))
                .findFirst()
                .orElseThrow();
    }

    private List<WebhookDelivery> delivered(WebhookEndpointId endpoint, int count) {
        return until(
                () -> deliveries.recent(workspace, endpoint, null, 10),
                list -> list.size() == count
                        && list.stream().allMatch(d -> d.status() == WebhookDelivery.Status.DELIVERED));
    }

    private WebhookEndpointDraft draft(String path, String... events) {
        return new WebhookEndpointDraft(receiverUrl(path), List.of(events), "receiver " + path, true);
    }

    private static String receiverUrl(String path) {
        return "http://localhost:" + receiver.port() + path;
    }

    /** Polls {@code read} until {@code done} holds, for at most 20 seconds. */
    private static <T> T until(Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still not there after 20 s: " + value);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = read.get();
        }
        return value;
    }
}
