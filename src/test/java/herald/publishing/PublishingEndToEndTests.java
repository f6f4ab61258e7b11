package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import herald.SandboxEndToEndTest;
import herald.database.TenantScope;
import herald.providers.PublishedPost;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The dispatcher end to end against the real Sandbox inside Herald, over HTTP: posts are created through the API,
 * published by the db-scheduler job, and what the Sandbox really holds is counted through its public listing.
 */
class PublishingEndToEndTests extends SandboxEndToEndTest {

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Publisher publisher;

    @Autowired
    PlatformCall platform;

    @Autowired
    Posts posts;

    String outcomes(String post) {
        return tenants.call(
                workspace,
                () -> String.join(
                        ",",
                        jdbc.sql(
                                        """
                                select a.outcome from publish_attempts a join post_targets t
                                  on t.workspace_id = a.workspace_id and t.id = a.target_id
                                where t.post_id = :post order by a.fence""")
                                .param("post", UUID.fromString(post))
                                .query(String.class)
                                .list()));
    }

    @Test
    void publishesOnceWithTheSandboxUrl() {
        String post = create("Hello from Herald " + UUID.randomUUID(), "");
        JsonNode done = awaitFinished(post, Duration.ofSeconds(20));
        assertThat(done.path("status").asString()).isEqualTo("published");
        JsonNode target = done.path("targets").get(0);
        assertThat(target.path("status").asString()).isEqualTo("published");
        assertThat(target.path("attempts").asInt()).isEqualTo(1);
        JsonNode onSandbox = published();
        assertThat(onSandbox.size()).isEqualTo(1);
        assertThat(target.path("platformUrl").asString())
                .isEqualTo(onSandbox.get(0).path("url").asString());
        assertThat(target.path("platformPostId").asString())
                .isEqualTo(onSandbox.get(0).path("id").asString());
    }

    @Test
    void retriesTransientFailuresWithBackoff() {
        faults("{\"errorRate\":1.0}");
        String post = create("Through the storm " + UUID.randomUUID(), "");
        Instant until = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(until)
                && api("GET", "/posts/" + post, null)
                                .json()
                                .path("targets")
                                .get(0)
                                .path("attempts")
                                .asInt()
                        < 2) {
            sleep(100);
        }
        faults("{}");
        JsonNode done = awaitFinished(post, Duration.ofSeconds(30));
        assertThat(done.path("targets").get(0).path("status").asString()).isEqualTo("published");
        assertThat(done.path("targets").get(0).path("attempts").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(published().size()).isEqualTo(1);
    }

    @Test
    void waitsUntilTheRateLimitResets() {
        Instant reset = Instant.now().plusSeconds(3);
        faults("{\"rateLimitedUntil\":\"" + reset + "\"}");
        String post = create("Patience " + UUID.randomUUID(), "");
        JsonNode done = awaitFinished(post, Duration.ofSeconds(30));
        assertThat(done.path("targets").get(0).path("status").asString()).isEqualTo("published");
        assertThat(Instant.parse(done.path("targets").get(0).path("publishedAt").asString()))
                .isAfterOrEqualTo(reset.minusMillis(500));
        assertThat(published().size()).isEqualTo(1);
    }

    @Test
    void reconcilesATimeoutAfterTheSandboxCreatedThePostInsteadOfPublishingTwice() {
        faults("{\"timeoutAfterCreate\":true}");
        String post = create("Slow answer " + UUID.randomUUID(), "");
        JsonNode done = awaitFinished(post, Duration.ofSeconds(30));
        assertThat(done.path("targets").get(0).path("status").asString()).isEqualTo("published");
        assertThat(outcomes(post)).isEqualTo("reconciled");
        JsonNode onSandbox = published();
        assertThat(onSandbox.size()).isEqualTo(1);
        assertThat(done.path("targets").get(0).path("platformUrl").asString())
                .isEqualTo(onSandbox.get(0).path("url").asString());
    }

    @Test
    void failsADuplicateWithThePlatformsWords() {
        String text = "Said it twice " + UUID.randomUUID();
        awaitFinished(create(text, ""), Duration.ofSeconds(20));
        JsonNode second = awaitFinished(create(text, ""), Duration.ofSeconds(20));
        assertThat(second.path("status").asString()).isEqualTo("failed");
        assertThat(second.path("targets").get(0).path("lastError").asString()).contains("already has");
        assertThat(published().size()).isEqualTo(1);
    }

    /** A post due now whose job is not: the test drives the dispatcher itself. */
    TargetId manual(String body) {
        String post = create(body, ",\"scheduledAt\":\"" + Instant.now().plusSeconds(3600) + "\"");
        return tenants.call(workspace, () -> {
            jdbc.sql("update post_targets set due_at = now() where post_id = :post")
                    .param("post", UUID.fromString(post))
                    .update();
            return new TargetId(jdbc.sql("select id from post_targets where post_id = :post")
                    .param("post", UUID.fromString(post))
                    .query(UUID.class)
                    .single());
        });
    }

    @Test
    void aNodeThatDiedBetweenTheCallAndTheCommitIsReconciledNotRepeated() {
        TargetId target = manual("Crash after sending " + UUID.randomUUID());
        var claim = (Claim) publisher.claim(workspace, target);
        var outcome = platform.call(workspace, claim);
        assertThat(outcome).isInstanceOf(Publisher.Outcome.Published.class);
        // The node dies here: the outcome is never written. Another node's job runs the target again.
        assertThat(publisher.publish(workspace, target).at()).isNull();
        Post post = posts.get(workspace, claim.post());
        assertThat(post.targets().getFirst().status()).isEqualTo(TargetStatus.PUBLISHED);
        assertThat(outcomes(post.id().toString())).isEqualTo("fenced,reconciled");
        assertThat(published().size()).isEqualTo(1);
    }

    @Test
    void aZombieAttemptCannotOverwriteTheNewerOne() {
        TargetId target = manual("Zombie " + UUID.randomUUID());
        var zombie = (Claim) publisher.claim(workspace, target);
        var current = (Claim) publisher.claim(workspace, target);
        assertThat(current.fence()).isEqualTo(zombie.fence() + 1);
        assertThat(current.reconcileSince()).isNotNull();
        var receipt = new PublishedPost("p-1", URI.create(BASE + "/sandbox/@" + handle + "/p-1"), Instant.now());
        publisher.complete(workspace, target, current, new Publisher.Outcome.Published(receipt, true));
        publisher.complete(workspace, target, zombie, new Publisher.Outcome.Failed("late and wrong"));
        Post post = posts.get(workspace, current.post());
        assertThat(post.targets().getFirst().status()).isEqualTo(TargetStatus.PUBLISHED);
        assertThat(post.targets().getFirst().lastError()).isNull();
        assertThat(post.status()).isEqualTo(PostStatus.PUBLISHED);
    }
}
