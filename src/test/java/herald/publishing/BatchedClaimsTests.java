package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import herald.HeraldApplication;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims of many targets, of any workspaces, made in one call (herald_claim_targets, V174; docs/adr/0011): each in its
 * own workspace only, under the caps and the day's quota as claims one after the other would count them, and with its
 * token's opening recorded in an intact chain. Same context as PublishingEngineTests (the scripted platform's cap is 1).
 */
@SpringBootTest(
        classes = {HeraldApplication.class, PublishingEngineTests.WithScriptedPlatform.class},
        properties = "herald.publishing.per-platform.scripted=1")
class BatchedClaimsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    ClaimRows rows;

    @Autowired
    BatchedClaims batched;

    @Autowired
    Posts posts;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    /** The workspaces whose attempts a test may have left in flight. */
    final List<WorkspaceId> left = new CopyOnWriteArrayList<>();

    /** Ends them: they count against the scripted platform's cap, which the other tests of this context claim under. */
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

    WorkspaceId workspace() {
        WorkspaceId workspace = fixtures().workspace("pro");
        left.add(workspace);
        return workspace;
    }

    /** Terms as the dispatcher's, with caps of the test's own (the context's scripted cap is 1). */
    static ClaimRows.Terms terms(Instant now, int account, int workspace, int platform) {
        return new ClaimRows.Terms(
                now,
                now.plusMillis(Claims.EARLY_MILLIS),
                now.minus(Duration.ofMinutes(2)),
                now.plus(Duration.ofMinutes(10)),
                account,
                workspace,
                Map.of("scripted", platform),
                50,
                "test-node");
    }

    static ClaimRows.Item item(WorkspaceId workspace, Post post, Instant now) {
        return new ClaimRows.Item(
                workspace,
                post.targets().getFirst().id(),
                now.minus(Duration.ofHours(12)),
                now.plus(Duration.ofHours(12)));
    }

    List<ClaimRows.Row> claim(List<ClaimRows.Item> items, ClaimRows.Terms terms) {
        return new TransactionTemplate(transactions).execute(status -> rows.claim(items, terms));
    }

    List<String> journal(WorkspaceId workspace, Post post) {
        return tenants.call(workspace, () -> jdbc.sql(
                        """
                        select fence || ':' || coalesce(outcome, 'open') || ':' || node from publish_attempts
                        where target_id = :target order by fence""")
                .param("target", post.targets().getFirst().id().value())
                .query(String.class)
                .list());
    }

    @Test
    void itemsOfTwoWorkspacesAreClaimedEachUnderItsAccountsCapCountingTheBatchsEarlierItems() {
        var fixtures = fixtures();
        WorkspaceId first = workspace();
        WorkspaceId second = workspace();
        ConnectionId account = fixtures.connection(first);
        Post one = fixtures.due(first, account);
        Post two = fixtures.due(first, account);
        Post other = fixtures.due(second, fixtures.connection(second));
        Post third = fixtures.due(first, account);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        var made = claim(
                List.of(
                        item(first, one, now),
                        item(first, two, now),
                        item(second, other, now),
                        item(first, third, now)),
                terms(now, 2, 4, 50));

        assertThat(made).extracting(ClaimRows.Row::item).containsExactly(0, 1, 2, 3);
        assertThat(made)
                .as("the third item of one account is held to its cap of two, as a third claim would be")
                .extracting(ClaimRows.Row::taken)
                .containsExactly(true, true, true, false);
        assertThat(made.getFirst().accessToken())
                .as("a taken item's sealed token")
                .isNotEmpty();
        assertThat(made.getLast().accessToken())
                .as("none for an item not taken")
                .isNull();
        for (var claimed : List.of(Map.entry(first, one), Map.entry(first, two), Map.entry(second, other))) {
            Post after = posts.get(claimed.getKey(), claimed.getValue().id());
            assertThat(after.status()).isEqualTo(PostStatus.PUBLISHING);
            assertThat(after.targets().getFirst().status()).isEqualTo(TargetStatus.PUBLISHING);
            assertThat(journal(claimed.getKey(), claimed.getValue())).containsExactly("1:open:test-node");
        }
        assertThat(posts.get(first, third.id()).status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(journal(first, third))
                .as("nothing written for a deferred item")
                .isEmpty();
    }

    @Test
    void anItemNamingAnotherWorkspacesTargetReadsAndWritesNothing() {
        var fixtures = fixtures();
        WorkspaceId owner = workspace();
        WorkspaceId other = workspace();
        Post post = fixtures.due(owner, fixtures.connection(owner));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        var made = claim(List.of(item(other, post, now)), terms(now, 2, 4, 50));

        assertThat(made).isEmpty();
        assertThat(posts.get(owner, post.id()).status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(journal(owner, post)).isEmpty();
    }

    @Test
    void postsTodayCountsThePostsTheBatchsEarlierItemsStartPublishing() {
        var fixtures = fixtures();
        WorkspaceId workspace = workspace();
        ConnectionId account = fixtures.connection(workspace);
        ConnectionId another = fixtures.connection(workspace);
        // One post on two accounts: its second target does not count its own post again.
        Post both = fixtures.due(workspace, account, another);
        Post single = fixtures.due(workspace, fixtures.connection(workspace));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var items = List.of(
                item(workspace, both, now),
                new ClaimRows.Item(
                        workspace,
                        both.targets().get(1).id(),
                        now.minus(Duration.ofHours(12)),
                        now.plus(Duration.ofHours(12))),
                item(workspace, single, now));

        var made = claim(items, terms(now, 2, 4, 50));

        assertThat(made).extracting(ClaimRows.Row::taken).containsExactly(true, true, true);
        assertThat(made)
                .as("other posts counted for today, as claims one after the other would count them")
                .extracting(ClaimRows.Row::postsToday)
                .containsExactly(0, 0, 1);
    }

    @Test
    void itemsNotDueFinishedOrTwiceInTheBatchAreNotTaken() {
        var fixtures = fixtures();
        WorkspaceId workspace = workspace();
        ConnectionId account = fixtures.connection(workspace);
        Post later = fixtures.scheduled(workspace, Instant.now().plusSeconds(3600), account);
        Post cancelled = fixtures.due(workspace, account);
        posts.cancel(workspace, cancelled.id());
        Post twice = fixtures.due(workspace, account);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        var made = claim(
                List.of(
                        item(workspace, later, now),
                        item(workspace, cancelled, now),
                        item(workspace, twice, now),
                        item(workspace, twice, now)),
                terms(now, 2, 4, 50));

        assertThat(made).extracting(ClaimRows.Row::taken).containsExactly(false, false, true, false);
        assertThat(made).extracting(ClaimRows.Row::single).containsExactly(false, false, false, true);
        assertThat(Claims.unclaimable(made.get(0).due(), now))
                .as("a target not yet due waits for its instant")
                .hasValueSatisfying(next -> assertThat(next.early()).isTrue());
        assertThat(Claims.unclaimable(made.get(1).due(), now)).contains(Publisher.Next.DONE);
        assertThat(journal(workspace, twice)).containsExactly("1:open:test-node");
    }

    @Test
    void theDispatchersBatchOpensTheTokensItTookAndRecordsEachInTheChain() {
        var fixtures = fixtures();
        WorkspaceId workspace = workspace();
        ConnectionId account = fixtures.connection(workspace);
        Post one = fixtures.due(workspace, account);
        Post two = fixtures.due(workspace, account);
        Instant before = Instant.now();

        List<Object> made = batched.claimTogether(List.of(
                new BatchedClaims.Request(workspace, one.targets().getFirst().id()),
                new BatchedClaims.Request(workspace, two.targets().getFirst().id())));

        assertThat(made.get(0)).isInstanceOfSatisfying(Claim.class, claim -> {
            assertThat(claim.fence()).isEqualTo(1);
            assertThat(claim.token()).as("opened in the batch's transaction").isNotNull();
            assertThat(claim.content().text()).isEqualTo(one.body());
        });
        assertThat(made.get(1))
                .as("the scripted platform's cap of one call in flight defers the second, for a second or so")
                .isInstanceOfSatisfying(Publisher.Next.class, next -> assertThat(next.at())
                        .isBetween(before.plusMillis(500), Instant.now().plusMillis(1500)));
        var decrypted = audit.find(workspace, new AuditQuery("secret.decrypted", null, null, null, null, 50));
        assertThat(decrypted).hasSize(1);
        assertThat(decrypted.getFirst().targetId()).isEqualTo(account.toString());
        assertThat(audit.verify(workspace).valid()).isTrue();
    }

    @Test
    void aBatchThatFailsLeavesEachOfItsClaimsToBeMadeAloneAndOnce() {
        var fixtures = fixtures();
        WorkspaceId workspace = workspace();
        Post post = fixtures.due(workspace, fixtures.connection(workspace));
        // A workspace that does not exist fails the batch (its day cannot be read); nothing of the batch is claimed.
        var unknown = new BatchedClaims.Request(new WorkspaceId(UUID.randomUUID()), new TargetId(UUID.randomUUID()));
        double unmadeBefore =
                meters.get("herald.publishing.claim.unmade").counter().count();

        List<Object> made = batched.claimTogether(List.of(
                new BatchedClaims.Request(workspace, post.targets().getFirst().id()), unknown));

        assertThat(made.get(0))
                .as("claimed alone, by the single path")
                .isInstanceOfSatisfying(
                        Claim.class, claim -> assertThat(claim.fence()).isEqualTo(1));
        assertThat(made.get(1)).isEqualTo(Publisher.Next.DONE);
        assertThat(journal(workspace, post)).hasSize(1).allSatisfy(entry -> assertThat(entry)
                .startsWith("1:open:"));
        assertThat(meters.get("herald.publishing.claim.unmade").counter().count() - unmadeBefore)
                .as("the operator sees the claims a failed batch left to their threads")
                .isEqualTo(2.0);
    }
}
