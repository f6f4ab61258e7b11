package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import herald.HeraldApplication;
import herald.audit.AuditLog;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.providers.PostFormat;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Published outcomes written many in one call (herald_complete_published, V172): each applies only in its own
 * workspace and only while its target carries its attempt's fence, ends its job, settles its post and appends its
 * audit entry to an intact chain; and the writer that batches them. Same context as PublishingEngineTests.
 */
@SpringBootTest(
        classes = {HeraldApplication.class, PublishingEngineTests.WithScriptedPlatform.class},
        properties = "herald.publishing.per-platform.scripted=1")
class PublishedOutcomesTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    OutcomeRows rows;

    @Autowired
    OutcomeEntries entries;

    @Autowired
    Posts posts;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationEventPublisher events;

    /** The workspaces whose attempts a test left in flight. */
    final List<WorkspaceId> left = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Ends the attempts a test left unfinished: they count against the scripted platform's cap of one call in flight,
     * which the other tests of this context claim under.
     */
    @AfterEach
    void endAttemptsLeftInFlight() {
        for (WorkspaceId workspace : left) {
            tenants.run(workspace, () -> jdbc.sql(
                            "update publish_attempts set finished_at = now(), outcome = 'fenced' where finished_at is null")
                    .update());
        }
    }

    EngineFixtures fixtures() {
        return new EngineFixtures(context);
    }

    /**
     * The targets of the post as a claim leaves them: attempt {@code fence} journaled and unfinished, each target
     * publishing with that fence, and a job for each, as Dispatch schedules it.
     */
    void inFlight(WorkspaceId workspace, Post post, int fence) {
        left.add(workspace);
        tenants.run(workspace, () -> {
            for (Target target : post.targets()) {
                jdbc.sql(
                                """
                                insert into publish_attempts (workspace_id, target_id, fence, reconciling, node,
                                    started_at)
                                values (:workspace, :target, :fence, false, 'test', now())""")
                        .param("workspace", workspace.value())
                        .param("target", target.id().value())
                        .param("fence", fence)
                        .update();
                jdbc.sql("update post_targets set status = 'publishing', fence = :fence where id = :target")
                        .param("fence", fence)
                        .param("target", target.id().value())
                        .update();
            }
            jdbc.sql("update posts set status = 'publishing' where id = :post")
                    .param("post", post.id().value())
                    .update();
        });
        for (Target target : post.targets()) {
            jdbc.sql(
                            """
                            insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                            values (:task, :instance, timestamptz '2100-01-01', false, 1) on conflict do nothing""")
                    .param("task", Dispatch.TASK)
                    .param("instance", target.id().toString())
                    .update();
        }
    }

    OutcomeRows.Published published(WorkspaceId workspace, Post post, Target target, int fence, String platformId) {
        return new OutcomeRows.Published(
                workspace,
                post.id(),
                target.id(),
                fence,
                false,
                platformId,
                URI.create("https://scripted.invalid/p/" + platformId),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                audit.prepare(
                        workspace,
                        "post.published",
                        "post",
                        post.id().toString(),
                        Map.of("target", target.id().toString(), "provider", "scripted")));
    }

    int jobs(TargetId target) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_instance = :id")
                .param("id", target.toString())
                .query(Integer.class)
                .single();
    }

    List<String> journal(WorkspaceId workspace, TargetId target) {
        return tenants.call(workspace, () -> jdbc.sql(
                        """
                        select fence || ':' || coalesce(outcome, 'open') from publish_attempts
                        where target_id = :target order by fence""")
                .param("target", target.value())
                .query(String.class)
                .list());
    }

    int audited(WorkspaceId workspace, String postId) {
        return tenants.call(workspace, () -> jdbc.sql(
                        "select count(*) from audit_events where action = 'post.published' and target_id = :id")
                .param("id", postId)
                .query(Integer.class)
                .single());
    }

    @Test
    void outcomesOfTwoWorkspacesApplyInOneCallOnlyWhileTheirFenceHolds() {
        var fixtures = fixtures();
        WorkspaceId first = fixtures.workspace("pro");
        WorkspaceId second = fixtures.workspace("pro");
        ConnectionId firstAccount = fixtures.connection(first);
        Post one = fixtures.due(first, firstAccount);
        Post two = fixtures.due(first, firstAccount);
        Post other = fixtures.due(second, fixtures.connection(second));
        Post overtaken = fixtures.due(first, firstAccount);
        inFlight(first, one, 1);
        inFlight(first, two, 1);
        inFlight(second, other, 1);
        inFlight(first, overtaken, 1);
        inFlight(first, overtaken, 2); // a newer attempt took it over
        Target zombie = overtaken.targets().getFirst();

        BitSet applied = rows.completePublished(
                List.of(
                        published(first, overtaken, zombie, 1, "zombie"),
                        published(first, one, one.targets().getFirst(), 1, "p-1"),
                        published(second, other, other.targets().getFirst(), 1, "p-2"),
                        published(first, two, two.targets().getFirst(), 1, "p-3")),
                Instant.now());

        assertThat(applied.stream().boxed().toList())
                .as("the ordinals of the applied outcomes")
                .containsExactly(1, 2, 3);
        for (var expected : List.of(Map.entry(first, one), Map.entry(second, other), Map.entry(first, two))) {
            Post after = posts.get(expected.getKey(), expected.getValue().id());
            assertThat(after.status()).isEqualTo(PostStatus.PUBLISHED);
            assertThat(after.targets().getFirst().status()).isEqualTo(TargetStatus.PUBLISHED);
            assertThat(after.targets().getFirst().platformUrl().toString()).startsWith("https://scripted.invalid/p/p-");
            assertThat(journal(expected.getKey(), after.targets().getFirst().id()))
                    .containsExactly("1:published");
            assertThat(jobs(after.targets().getFirst().id()))
                    .as("the job ends with its outcome")
                    .isZero();
            assertThat(audited(expected.getKey(), after.id().toString())).isEqualTo(1);
        }
        Post afterOvertaken = posts.get(first, overtaken.id());
        assertThat(afterOvertaken.targets().getFirst().status())
                .as("the zombie's outcome changes nothing")
                .isEqualTo(TargetStatus.PUBLISHING);
        assertThat(afterOvertaken.targets().getFirst().platformPostId()).isNull();
        assertThat(journal(first, zombie.id())).containsExactly("1:fenced", "2:open");
        assertThat(jobs(zombie.id())).as("the newer attempt's job stays").isEqualTo(1);
        assertThat(audited(first, overtaken.id().toString())).isZero();
        assertThat(audit.verify(first).valid())
                .as("two entries of one workspace in one call link to each other")
                .isTrue();
        assertThat(audit.verify(second).valid()).isTrue();
    }

    @Test
    void anOutcomeNamingAnotherWorkspacesTargetChangesNothing() {
        var fixtures = fixtures();
        WorkspaceId owner = fixtures.workspace("pro");
        WorkspaceId other = fixtures.workspace("pro");
        Post post = fixtures.due(owner, fixtures.connection(owner));
        inFlight(owner, post, 1);
        Target target = post.targets().getFirst();
        // The other workspace's id with the owner's post and target: the function joins on both.
        var foreign = new OutcomeRows.Published(
                other, post.id(), target.id(), 1, false, "x", URI.create("https://x.invalid/"), Instant.now(), null);

        BitSet applied = rows.completePublished(List.of(foreign), Instant.now());

        assertThat(applied.isEmpty()).isTrue();
        Post untouched = posts.get(owner, post.id());
        assertThat(untouched.status()).isEqualTo(PostStatus.PUBLISHING);
        assertThat(untouched.targets().getFirst().status()).isEqualTo(TargetStatus.PUBLISHING);
        assertThat(journal(owner, target.id())).containsExactly("1:open");
        assertThat(jobs(target.id())).isEqualTo(1);
    }

    @Test
    void aPostStaysPublishingUntilItsLastTargetIsPublished() {
        var fixtures = fixtures();
        WorkspaceId workspace = fixtures.workspace("pro");
        Post post = fixtures.due(workspace, fixtures.connection(workspace), fixtures.connection(workspace));
        inFlight(workspace, post, 1);
        Target first = post.targets().get(0);
        Target second = post.targets().get(1);

        rows.completePublished(List.of(published(workspace, post, first, 1, "a")), Instant.now());
        assertThat(posts.get(workspace, post.id()).status()).isEqualTo(PostStatus.PUBLISHING);

        rows.completePublished(List.of(published(workspace, post, second, 1, "b")), Instant.now());
        assertThat(posts.get(workspace, post.id()).status()).isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    void theWriterBatchesWhatQueuesAndABadOutcomeDoesNotFailItsNeighbours() throws Exception {
        var fixtures = fixtures();
        WorkspaceId workspace = fixtures.workspace("pro");
        ConnectionId account = fixtures.connection(workspace);
        List<Post> due = List.of(
                fixtures.due(workspace, account),
                fixtures.due(workspace, account),
                fixtures.due(workspace, account),
                fixtures.due(workspace, account));
        due.forEach(post -> inFlight(workspace, post, 1));
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var writer = new PublishedOutcomes(rows, entries, events, meters, Clock.systemUTC(), 4, Duration.ofSeconds(5));
        try {
            var futures = new java.util.ArrayList<CompletableFuture<Boolean>>();
            for (int i = 0; i < due.size(); i++) {
                Post post = due.get(i);
                Target target = post.targets().getFirst();
                OutcomeRows.Published outcome = published(workspace, post, target, 1, "w-" + i);
                if (i == 2) {
                    // Details that are not JSON: the batch's call fails, and so does this outcome written alone.
                    var entry = outcome.audit();
                    outcome = new OutcomeRows.Published(
                            workspace,
                            post.id(),
                            target.id(),
                            1,
                            false,
                            "w-2",
                            outcome.url(),
                            outcome.at(),
                            new AuditLog.Entry(
                                    entry.id(),
                                    entry.at(),
                                    entry.actorType(),
                                    entry.actorId(),
                                    entry.actorLabel(),
                                    entry.action(),
                                    entry.targetType(),
                                    entry.targetId(),
                                    "{not json",
                                    entry.ip(),
                                    entry.userAgent(),
                                    entry.canonical()));
                }
                futures.add(writer.submit(
                        outcome,
                        new PostPublished(
                                workspace,
                                post.id(),
                                target.id(),
                                "scripted",
                                outcome.url(),
                                outcome.at(),
                                PostFormat.POST),
                        false));
            }

            assertThat(futures.get(0).get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(futures.get(1).get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(futures.get(2))
                    .as("the bad outcome alone is not written")
                    .failsWithin(10, TimeUnit.SECONDS);
            assertThat(futures.get(3).get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.written())
                    .as("the four queued within the linger went as one batch")
                    .containsExactly(1, 4);
            var batches = meters.get("herald.publishing.outcome.batch").summary();
            assertThat(batches.count()).isEqualTo(1);
            assertThat(batches.totalAmount()).isEqualTo(4);
            assertThat(meters.get("herald.publishing.outcome.written")
                            .tag("result", "applied")
                            .counter()
                            .count())
                    .isEqualTo(3);
            assertThat(meters.get("herald.publishing.outcome.written")
                            .tag("result", "unwritten")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(meters.get("herald.publishing.outcome.queue").gauge().value())
                    .isZero();
            for (int i : List.of(0, 1, 3)) {
                assertThat(posts.get(workspace, due.get(i).id()).status()).isEqualTo(PostStatus.PUBLISHED);
            }
            Post unwritten = posts.get(workspace, due.get(2).id());
            assertThat(unwritten.targets().getFirst().status())
                    .as("left an unfinished attempt, which its job's next run reconciles")
                    .isEqualTo(TargetStatus.PUBLISHING);
            assertThat(journal(workspace, unwritten.targets().getFirst().id())).containsExactly("1:open");
            assertThat(audit.verify(workspace).valid()).isTrue();
        } finally {
            writer.destroy();
        }
    }
}
