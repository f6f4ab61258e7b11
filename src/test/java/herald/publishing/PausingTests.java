package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.Concurrently;
import herald.HeraldApplication;
import herald.connections.ConnectionId;
import herald.connections.ConnectionPauses;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pausing an account (docs/pausing.md), driven as {@link PublishingEngineTests} drives the dispatcher: by calling it,
 * against the scripted platform, whose count of publishes says whether anything went out. Same context as those tests.
 */
@SpringBootTest(
        classes = {HeraldApplication.class, PublishingEngineTests.WithScriptedPlatform.class},
        properties = "herald.publishing.per-platform.scripted=1")
class PausingTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    PublishingEngineTests.ScriptedPlatform platform;

    @Autowired
    Pausing pausing;

    @Autowired
    ConnectionPauses pauses;

    @Autowired
    Publisher publisher;

    @Autowired
    Posts posts;

    @Autowired
    PostRecovery recovery;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    EngineFixtures fixtures;
    WorkspaceId workspace;
    ConnectionId account;

    @BeforeEach
    void account() {
        platform.ambiguous = false;
        fixtures = new EngineFixtures(context);
        workspace = fixtures.workspace("pro");
        account = fixtures.connection(workspace);
    }

    @AfterEach
    void ambiguousAgain() {
        platform.ambiguous = true;
    }

    @Test
    void aPauseHoldsDueTargetsAndTheirJobsPublishNothing() {
        Post post = fixtures.due(workspace, account);
        int before = platform.publishes.get();

        Pausing.Paused paused = pausing.pause(workspace, account);

        assertThat(paused.held()).isEqualTo(1);
        assertThat(paused.connections().getFirst().paused()).isTrue();
        TargetId target = post.targets().getFirst().id();
        assertThat(publisher.publish(workspace, target)).isEqualTo(Publisher.Next.DONE);
        Post after = posts.get(workspace, post.id());
        assertThat(after.status()).as("still scheduled to the person").isEqualTo(PostStatus.SCHEDULED);
        assertThat(after.targets().getFirst().status()).isEqualTo(TargetStatus.HELD);
        assertThat(platform.publishes.get()).isEqualTo(before);
        assertThat(audited("connection.paused")).containsEntry("held", "1").containsEntry("account", "@scripted");
    }

    @Test
    void aTargetAlreadyBeingPublishedFinishesAsItIs() {
        Post post = fixtures.due(workspace, account);
        TargetId target = post.targets().getFirst().id();
        Claim claim = (Claim) publisher.claim(workspace, target);

        assertThat(pausing.pause(workspace, account).held()).isZero();
        publisher.complete(
                workspace,
                target,
                claim,
                new Publisher.Outcome.Published(PublishingEngineTests.ScriptedPlatform.post("in-flight"), false));

        Post after = posts.get(workspace, post.id());
        assertThat(after.targets().getFirst().status()).isEqualTo(TargetStatus.PUBLISHED);
        assertThat(after.status()).isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    void aTargetInFlightWhenPausedThatMustBeRetriedWaitsHeld() {
        Post post = fixtures.due(workspace, account);
        TargetId target = post.targets().getFirst().id();
        Claim claim = (Claim) publisher.claim(workspace, target);
        pausing.pause(workspace, account);

        Publisher.Next next = publisher.complete(
                workspace,
                target,
                claim,
                new Publisher.Outcome.Retry(Instant.now().plusSeconds(60), "The platform is down (503).", false));

        assertThat(next.at()).isNotNull();
        Post after = posts.get(workspace, post.id());
        assertThat(after.targets().getFirst().status()).isEqualTo(TargetStatus.HELD);
        assertThat(after.status()).isEqualTo(PostStatus.PUBLISHING);
        assertThat(pausing.resume(workspace, account, Pausing.Overdue.PUBLISH).scheduled())
                .isEqualTo(1);
    }

    @Test
    void aFailedTargetRetriedByAPersonWhilePausedWaitsHeld() {
        Post post = fixtures.due(workspace, account);
        TargetId target = post.targets().getFirst().id();
        publisher.complete(
                workspace,
                target,
                (Claim) publisher.claim(workspace, target),
                new Publisher.Outcome.Failed("Refused."));
        pausing.pause(workspace, account);
        int before = platform.publishes.get();

        Post retried = recovery.retry(workspace, post.id());

        assertThat(retried.targets().getFirst().status()).isEqualTo(TargetStatus.HELD);
        assertThat(publisher.publish(workspace, target)).isEqualTo(Publisher.Next.DONE);
        assertThat(platform.publishes.get()).isEqualTo(before);
    }

    @Test
    void postsWrittenForAPausedAccountWaitHeldAndCanBeEditedAndCancelled() {
        ConnectionId other = fixtures.connection(workspace);
        pausing.pause(workspace, account);

        Post post = fixtures.scheduled(workspace, Instant.now().plusSeconds(3600), account, other);
        assertThat(statusOn(post, account)).isEqualTo(TargetStatus.HELD);
        assertThat(statusOn(post, other)).as("its other account is not paused").isEqualTo(TargetStatus.SCHEDULED);
        assertThat(post.status()).isEqualTo(PostStatus.SCHEDULED);

        Post edited = posts.edit(
                workspace, post.id(), new PostChanges("Edited while paused", null, null, null, null, null, null));
        assertThat(statusOn(edited, account)).isEqualTo(TargetStatus.HELD);

        Post draft = posts.create(
                workspace,
                new NewPost(
                        "A draft", null, List.of(), List.of(new NewPost.NewTarget(account, null)), null, null, true));
        assertThat(draft.targets().getFirst().status())
                .as("a draft waits anyway")
                .isEqualTo(TargetStatus.SCHEDULED);

        Post cancelled = posts.cancel(workspace, post.id());
        assertThat(cancelled.status()).isEqualTo(PostStatus.CANCELLED);
        assertThat(cancelled.targets()).allMatch(t -> t.status() == TargetStatus.CANCELLED);
    }

    @Test
    void aResumePublishesFutureTargetsAtTheirTimeNotBefore() {
        Instant at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Post post = fixtures.scheduled(workspace, at, account);
        pausing.pause(workspace, account);
        int before = platform.publishes.get();

        Pausing.Resumed resumed = pausing.resume(workspace, account, Pausing.Overdue.SKIP);

        assertThat(resumed.scheduled()).isEqualTo(1);
        assertThat(resumed.skipped()).isZero();
        assertThat(resumed.connections().getFirst().paused()).isFalse();
        Target target = posts.get(workspace, post.id()).targets().getFirst();
        assertThat(target.status()).isEqualTo(TargetStatus.SCHEDULED);
        assertThat(target.nextAttemptAt()).isEqualTo(at);
        Publisher.Next next = publisher.publish(workspace, target.id());
        assertThat(next.at()).as("its job waits for its time").isEqualTo(at);
        assertThat(platform.publishes.get()).isEqualTo(before);
        assertThat(audited("connection.resumed"))
                .containsEntry("scheduled", "1")
                .containsEntry("overdue", "skip");
    }

    @Test
    void publishSendsTheTargetsWhoseTimePassedWhilePaused() {
        Post post = fixtures.scheduled(workspace, Instant.now().plusSeconds(3600), account);
        pausing.pause(workspace, account);
        fixtures.makeDue(workspace, post.id());
        int before = platform.publishes.get();

        Pausing.Resumed resumed = pausing.resume(workspace, account, Pausing.Overdue.PUBLISH);

        assertThat(resumed.publishedNow()).isEqualTo(1);
        assertThat(publisher.publish(workspace, post.targets().getFirst().id()).at())
                .isNull();
        assertThat(platform.publishes.get()).isEqualTo(before + 1);
        assertThat(posts.get(workspace, post.id()).status()).isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    void skipCancelsTheTargetsWhoseTimePassedWithTheReasonAndKeepsTheOthers() {
        Post late = fixtures.scheduled(workspace, Instant.now().plusSeconds(3600), account);
        Post later = fixtures.scheduled(workspace, Instant.now().plusSeconds(7200), account);
        pausing.pause(workspace, account);
        fixtures.makeDue(workspace, late.id());

        Pausing.Resumed resumed = pausing.resume(workspace, account, Pausing.Overdue.SKIP);

        assertThat(resumed.skipped()).isEqualTo(1);
        assertThat(resumed.scheduled()).isEqualTo(1);
        Post skipped = posts.get(workspace, late.id());
        assertThat(skipped.status()).isEqualTo(PostStatus.CANCELLED);
        assertThat(skipped.targets().getFirst().status()).isEqualTo(TargetStatus.CANCELLED);
        assertThat(skipped.targets().getFirst().lastError())
                .isEqualTo("Skipped: its time passed while publishing to @scripted was paused.");
        assertThat(posts.get(workspace, later.id()).targets().getFirst().status())
                .isEqualTo(TargetStatus.SCHEDULED);
    }

    @Test
    void pauseAllAndResumeAllCoverEveryAccountAndRefuseWhatIsAlreadySo() {
        ConnectionId other = fixtures.connection(workspace);
        fixtures.due(workspace, account);
        fixtures.due(workspace, other);

        Pausing.Paused paused = pausing.pauseAll(workspace);

        assertThat(paused.connections()).hasSize(2);
        assertThat(paused.held()).isEqualTo(2);
        assertThatThrownBy(() -> pausing.pauseAll(workspace)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> pausing.pause(workspace, account))
                .isInstanceOf(Conflict.class)
                .hasMessage("Publishing to @scripted is paused already.");
        assertThatThrownBy(() -> pausing.pause(workspace, new ConnectionId(UUID.randomUUID())))
                .isInstanceOf(NotFound.class);

        Pausing.Resumed resumed = pausing.resumeAll(workspace, Pausing.Overdue.PUBLISH);

        assertThat(resumed.connections()).hasSize(2);
        assertThat(resumed.publishedNow()).isEqualTo(2);
        assertThatThrownBy(() -> pausing.resumeAll(workspace, Pausing.Overdue.PUBLISH))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> pausing.resume(workspace, other, Pausing.Overdue.SKIP))
                .isInstanceOf(Conflict.class)
                .hasMessage("Publishing to @scripted is not paused.");
    }

    @Test
    void aPostWrittenWhileAPauseCommitsWaitsForItAndIsHeld() throws Exception {
        var paused = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        // Threads of their own: the common pool may have a single worker on a small machine.
        try (var threads = Executors.newFixedThreadPool(2)) {
            Future<?> pause = threads.submit(() -> tenants.run(workspace, () -> {
                pauses.pause(workspace, account, Instant.now());
                paused.countDown();
                await(commit);
            }));
            assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue();

            Future<Post> writing = threads.submit(
                    () -> fixtures.scheduled(workspace, Instant.now().plusSeconds(3600), account));
            Thread.sleep(500);
            assertThat(writing.isDone())
                    .as("the post waits for the pause's lock")
                    .isFalse();
            commit.countDown();
            pause.get(10, TimeUnit.SECONDS);

            assertThat(writing.get(10, TimeUnit.SECONDS).targets().getFirst().status())
                    .isEqualTo(TargetStatus.HELD);
        }
    }

    @Test
    void postsWrittenConcurrentlyWithAPauseNeverPublish() throws Exception {
        int before = platform.publishes.get();
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> fixtures.scheduled(workspace, Instant.now().plusSeconds(1), account));
        }
        tasks.add(() -> {
            Thread.sleep(5);
            return pausing.pause(workspace, account);
        });

        assertThat(Concurrently.run(tasks)).allMatch(Concurrently.Outcome::succeeded);

        List<TargetId> targets = tenants.call(
                workspace, () -> jdbc.sql("select id, status from post_targets where connection_id = :connection")
                        .param("connection", account.value())
                        .query((rs, n) -> {
                            assertThat(rs.getString("status"))
                                    .as("no target slipped through")
                                    .isEqualTo("held");
                            return new TargetId(rs.getObject("id", UUID.class));
                        })
                        .list());
        assertThat(targets).hasSize(6);
        Thread.sleep(Duration.ofSeconds(1));
        targets.forEach(
                target -> assertThat(publisher.publish(workspace, target)).isEqualTo(Publisher.Next.DONE));
        assertThat(platform.publishes.get()).isEqualTo(before);
    }

    /** The details of the account's latest audit entry of {@code action}. */
    private Map<String, String> audited(String action) {
        return tenants.call(workspace, () -> jdbc
                .sql(
                        """
                        select key, value from jsonb_each_text((select details from audit_events
                            where action = :action and target_id = :id order by occurred_at desc limit 1))""")
                .param("action", action)
                .param("id", account.toString())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static TargetStatus statusOn(Post post, ConnectionId connection) {
        return post.targets().stream()
                .filter(t -> t.connection().equals(connection))
                .findFirst()
                .orElseThrow()
                .status();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
