package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.HeraldApplication;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.providers.AccountType;
import herald.providers.ClientAuthentication;
import herald.providers.CommentRequest;
import herald.providers.DiscoveredAccount;
import herald.providers.OAuthSpec;
import herald.providers.ProviderException;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.providers.PublishedComment;
import herald.providers.PublishedPost;
import herald.providers.SocialProvider;
import herald.providers.TokenGrant;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspaces;
import herald.vault.Secret;
import herald.vault.Vault;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine's own rules, driven without the job scheduler against a platform whose behaviour the test sets: the
 * durable publish journal, the per-platform cap across workspaces, and the posts/day quota at publish time.
 */
@SpringBootTest(
        classes = {HeraldApplication.class, PublishingEngineTests.WithScriptedPlatform.class},
        properties = "herald.publishing.per-platform.scripted=1")
class PublishingEngineTests {

    /** A platform that does what the test scripts: note a step, then answer ambiguously; find what was noted. */
    static class ScriptedPlatform implements SocialProvider {

        final AtomicInteger publishes = new AtomicInteger();
        final List<Optional<String>> notesSeenWhenReconciling = new CopyOnWriteArrayList<>();
        volatile boolean ambiguous = true;
        volatile boolean firstLookupFails = false;

        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public String displayName() {
            return "Scripted";
        }

        @Override
        public List<AccountType> accountTypes() {
            return List.of(AccountType.COMPANY);
        }

        @Override
        public OAuthSpec oauth() {
            return new OAuthSpec(
                    URI.create("http://scripted.invalid/authorize"),
                    URI.create("http://scripted.invalid/token"),
                    "herald",
                    Map.of(),
                    " ",
                    true,
                    ClientAuthentication.values()[0]);
        }

        @Override
        public TokenGrant exchange(String code, @Nullable Secret verifier, URI redirectUri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DiscoveredAccount> discover(TokenGrant user, AccountType accountType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TokenGrant refresh(Secret refreshToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void revoke(Secret token) {}

        /** The texts of the posts it was asked to publish. */
        final List<String> publishedTexts = new CopyOnWriteArrayList<>();

        @Override
        public PublishedPost publish(Secret token, PublishRequest request, PublishJournal journal) {
            publishedTexts.add(request.text());
            int n = publishes.incrementAndGet();
            journal.put("container", "container-" + n);
            if (ambiguous) {
                throw new ProviderException(id(), ProviderException.Kind.UNKNOWN_OUTCOME, "No answer in time.");
            }
            return post("post-" + n);
        }

        @Override
        public Optional<PublishedPost> findExisting(
                Secret token, PublishRequest request, Instant since, PublishJournal journal) {
            Optional<String> container = journal.get("container");
            notesSeenWhenReconciling.add(container);
            if (firstLookupFails && notesSeenWhenReconciling.size() == 1) {
                throw new ProviderException(id(), ProviderException.Kind.TRANSIENT, "Listing is down (503).");
            }
            // The first look happens in the attempt that noted the step: the platform is still processing it.
            if (notesSeenWhenReconciling.size() == 1) {
                return Optional.empty();
            }
            return container.map(id -> post("published-from-" + id));
        }

        static PublishedPost post(String id) {
            return new PublishedPost(id, URI.create("https://scripted.invalid/p/" + id), Instant.now());
        }

        // First comments (FirstCommentEngineTests): what the platform holds, and how it answers.

        /** The comments the platform holds, as {@code postId:text}. */
        final List<String> comments = new CopyOnWriteArrayList<>();

        final AtomicInteger commentCalls = new AtomicInteger();
        final AtomicInteger commentLookups = new AtomicInteger();

        /** {@code ok}; {@code ambiguous}: stored, then no answer; {@code refused}: a permission error. */
        volatile String commentMode = "ok";

        volatile int commentLookupsToFail = 0;

        @Override
        public boolean takesComments() {
            return true;
        }

        /** Room for a tagged link (FirstComments' tagging tests), little enough to reach. */
        static final int COMMENT_MAX = 200;

        @Override
        public int commentMaxLength() {
            return COMMENT_MAX;
        }

        @Override
        public PublishedComment comment(Secret token, CommentRequest request) {
            commentCalls.incrementAndGet();
            if ("refused".equals(commentMode)) {
                throw new ProviderException(
                        id(), ProviderException.Kind.PERMISSION, "Comments are turned off for this post.");
            }
            comments.add(request.postId() + ":" + request.text());
            if ("ambiguous".equals(commentMode)) {
                throw new ProviderException(id(), ProviderException.Kind.UNKNOWN_OUTCOME, "No answer in time.");
            }
            return comment(request);
        }

        @Override
        public Optional<PublishedComment> findComment(Secret token, CommentRequest request, Instant since) {
            commentLookups.incrementAndGet();
            if (commentLookupsToFail > 0) {
                commentLookupsToFail--;
                throw new ProviderException(id(), ProviderException.Kind.TRANSIENT, "Comments are down (503).");
            }
            return comments.contains(request.postId() + ":" + request.text())
                    ? Optional.of(comment(request))
                    : Optional.empty();
        }

        static PublishedComment comment(CommentRequest request) {
            return new PublishedComment(
                    "c-" + request.postId(), URI.create("https://scripted.invalid/p/" + request.postId() + "#c"));
        }
    }

    /** Not a {@code @Configuration}: nodes that other tests start by hand scan test classes, and must not find it. */
    static class WithScriptedPlatform {
        @Bean
        ScriptedPlatform scriptedPlatform() {
            return new ScriptedPlatform();
        }
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    ScriptedPlatform platform;

    @Autowired
    Publisher publisher;

    @Autowired
    PlatformCall platformCall;

    @Autowired
    Posts posts;

    @Autowired
    Attempts attempts;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Vault vault;

    @Autowired
    Workspaces workspaces;

    @Autowired
    herald.audit.AuditLog audit;

    WorkspaceId workspace(String plan) {
        return new EngineFixtures(context).workspace(plan);
    }

    ConnectionId connection(WorkspaceId workspace) {
        return new EngineFixtures(context).connection(workspace);
    }

    /** A post scheduled in an hour, whose target is then made due now: the test runs the dispatcher itself. */
    Post due(WorkspaceId workspace, ConnectionId connection) {
        return new EngineFixtures(context).due(workspace, connection);
    }

    String journal(WorkspaceId workspace, TargetId target) {
        return tenants.call(workspace, () -> jdbc.sql("select journal::text from post_targets where id = :id")
                .param("id", target.value())
                .query(String.class)
                .single());
    }

    @Test
    void aProvidersNotesSurviveAnAmbiguousAttemptAndSettleTheRetry() {
        platform.ambiguous = true;
        platform.notesSeenWhenReconciling.clear();
        WorkspaceId workspace = workspace("pro");
        Post post = due(workspace, connection(workspace));
        TargetId target = post.targets().getFirst().id();
        int before = platform.publishes.get();

        Publisher.Next first = publisher.publish(workspace, target);
        assertThat(first.at()).as("an ambiguous attempt is retried later").isNotNull();
        assertThat(journal(workspace, target)).contains("\"container\": \"container-" + (before + 1) + "\"");

        tenants.run(workspace, () -> jdbc.sql("update post_targets set due_at = now() where id = :id")
                .param("id", target.value())
                .update()); // the retry's time has come
        Publisher.Next second = publisher.publish(workspace, target);
        assertThat(second.at()).isNull();
        Target done = posts.get(workspace, post.id()).targets().getFirst();
        assertThat(done.status()).isEqualTo(TargetStatus.PUBLISHED);
        assertThat(done.platformPostId()).isEqualTo("published-from-container-" + (before + 1));
        assertThat(platform.publishes.get()).as("never published blindly again").isEqualTo(before + 1);
        assertThat(platform.notesSeenWhenReconciling.getLast()).contains("container-" + (before + 1));
    }

    @Test
    void anAmbiguousAttemptWhosePlatformCannotBeAskedIsReconciledNotPublishedAgain() {
        platform.ambiguous = true;
        platform.firstLookupFails = true;
        platform.notesSeenWhenReconciling.clear();
        try {
            WorkspaceId workspace = workspace("pro");
            Post post = due(workspace, connection(workspace));
            TargetId target = post.targets().getFirst().id();
            int before = platform.publishes.get();

            assertThat(publisher.publish(workspace, target).at()).isNotNull();
            tenants.run(workspace, () -> jdbc.sql("update post_targets set due_at = now() where id = :id")
                    .param("id", target.value())
                    .update());
            assertThat(publisher.publish(workspace, target).at()).isNull();

            assertThat(platform.publishes.get())
                    .as("published once, then found")
                    .isEqualTo(before + 1);
            Target done = posts.get(workspace, post.id()).targets().getFirst();
            assertThat(done.status()).isEqualTo(TargetStatus.PUBLISHED);
            assertThat(done.platformPostId()).startsWith("published-from-container-");
        } finally {
            platform.firstLookupFails = false;
        }
    }

    @Test
    void aJournalOfAnOvertakenAttemptRefusesToWrite() {
        WorkspaceId workspace = workspace("pro");
        Post post = due(workspace, connection(workspace));
        TargetId target = post.targets().getFirst().id();
        var zombie = (Claim) publisher.claim(workspace, target);
        var current = (Claim) publisher.claim(workspace, target);
        PublishJournal old = attempts.journal(tenants, workspace, target, zombie.fence());
        PublishJournal fresh = attempts.journal(tenants, workspace, target, current.fence());

        fresh.put("container", "c-new");
        assertThatThrownBy(() -> old.put("container", "c-old")).isInstanceOf(IllegalStateException.class);
        assertThat(old.get("container")).contains("c-new");
        assertThat(fresh.get("missing")).isEmpty();
        publisher.complete(workspace, target, current, new Publisher.Outcome.Failed("done with it"));
    }

    @Test
    void thePerPlatformCapHoldsAcrossWorkspaces() {
        WorkspaceId first = workspace("pro");
        WorkspaceId second = workspace("pro");
        TargetId busy = due(first, connection(first)).targets().getFirst().id();
        TargetId waiting = due(second, connection(second)).targets().getFirst().id();

        Object claimed = publisher.claim(first, busy);
        assertThat(claimed).isInstanceOf(Claim.class);
        Object deferred = publisher.claim(second, waiting);
        assertThat(deferred)
                .as("the scripted platform allows one call in flight, held by another workspace")
                .isInstanceOf(Publisher.Next.class);
        assertThat(((Publisher.Next) deferred).at()).isAfter(Instant.now());

        var claim = (Claim) claimed;
        publisher.complete(first, busy, claim, new Publisher.Outcome.Failed("done with it"));
        Object now = publisher.claim(second, waiting);
        assertThat(now).isInstanceOf(Claim.class);
        publisher.complete(second, waiting, (Claim) now, new Publisher.Outcome.Failed("done with it"));
    }

    @Test
    void aPostOverTodaysQuotaFailsWithTheReasonInsteadOfCallingThePlatform() {
        WorkspaceId workspace = workspace("pro");
        ConnectionId connection = connection(workspace);
        for (int i = 0; i < 10; i++) {
            Post published = due(workspace, connection);
            tenants.run(workspace, () -> jdbc.sql(
                            """
                            update post_targets set status = 'published', published_at = now()
                            where post_id = :post""")
                    .param("post", published.id().value())
                    .update());
        }
        Post late = due(workspace, connection);
        workspaces.changePlan(workspace, "free"); // 10 posts a day
        int before = platform.publishes.get();

        assertThat(publisher.publish(workspace, late.targets().getFirst().id()).at())
                .isNull();

        Post after = posts.get(workspace, late.id());
        assertThat(after.status()).isEqualTo(PostStatus.FAILED);
        assertThat(after.targets().getFirst().status()).isEqualTo(TargetStatus.FAILED);
        assertThat(after.targets().getFirst().lastError())
                .startsWith("The free plan allows 10 posts a day, and this workspace has already published 10");
        assertThat(platform.publishes.get()).isEqualTo(before);
    }

    @Test
    void aPostWithinTodaysQuotaIsPublished() {
        platform.ambiguous = false;
        try {
            WorkspaceId workspace = workspace("free");
            Post post = due(workspace, connection(workspace));
            assertThat(publisher
                            .publish(workspace, post.targets().getFirst().id())
                            .at())
                    .isNull();
            assertThat(posts.get(workspace, post.id()).status()).isEqualTo(PostStatus.PUBLISHED);
        } finally {
            platform.ambiguous = true;
        }
    }

    @Test
    void aPublishedAttemptRecordsItsTokenDecryptionAndItsOutcomeAndEndsDurablyWhereItShould() {
        platform.ambiguous = false;
        try {
            WorkspaceId workspace = workspace("pro");
            ConnectionId connection = connection(workspace);
            Post post = due(workspace, connection);
            TargetId target = post.targets().getFirst().id();

            // The claim opens the token in its own transaction: the decryption is recorded before the platform call.
            var claim = (Claim) publisher.claim(workspace, target);
            assertThat(audited(workspace, "secret.decrypted", connection.value().toString()))
                    .as("the token's decryption is audited in the claim's transaction")
                    .isEqualTo(1);
            assertThat(posts.get(workspace, post.id()).status()).isEqualTo(PostStatus.PUBLISHING);

            var outcome = platformCall.call(workspace, claim);
            assertThat(outcome).isInstanceOf(Publisher.Outcome.Published.class);
            assertThat(publisher.complete(workspace, target, claim, outcome).at())
                    .isNull();

            Post after = posts.get(workspace, post.id());
            assertThat(after.status()).isEqualTo(PostStatus.PUBLISHED);
            assertThat(after.targets().getFirst().status()).isEqualTo(TargetStatus.PUBLISHED);
            assertThat(audited(workspace, "post.published", post.id().toString()))
                    .isEqualTo(1);
            assertThat(audited(workspace, "secret.decrypted", connection.value().toString()))
                    .as("one decryption per call, none more")
                    .isEqualTo(1);
            var chain = audit.verify(workspace);
            assertThat(chain.valid())
                    .as("the outcome's entry, appended by its one call, links to the chain: %s", chain.reason())
                    .isTrue();
            assertThat(chain.checked()).isGreaterThanOrEqualTo(3);
            assertThat(tenants.call(
                            workspace, () -> jdbc.sql("select outcome from publish_attempts where target_id = :target")
                                    .param("target", target.value())
                                    .query(String.class)
                                    .list()))
                    .containsExactly("published");
        } finally {
            platform.ambiguous = true;
        }
    }

    /**
     * The value rules of the tables every publish writes are domains (V119), checked when a value is assigned: each
     * column still refuses what its CHECK constraint refused, and a refused write leaves the row as it was.
     */
    @Test
    void theDatabaseStillRefusesValuesOutsideThePublishPathsRules() {
        WorkspaceId workspace = workspace("pro");
        Post post = due(workspace, connection(workspace));
        TargetId target = post.targets().getFirst().id();
        List<String> refused = List.of(
                "update posts set status = 'posted' where id = :post",
                "update posts set body = repeat('x', 10001) where id = :post",
                "update posts set origin = 'fax' where id = :post",
                "update posts set created_by_type = 'robot' where id = :post",
                "update posts set created_by_label = repeat('x', 301) where id = :post",
                "update post_targets set status = 'sent' where id = :target",
                "insert into publish_attempts (workspace_id, target_id, fence, reconciling, node, outcome)"
                        + " values (herald_current_workspace(), :target, 99, false, 'test', 'lost')",
                "insert into audit_events (workspace_id, id, occurred_at, actor_type, action, hash)"
                        + " values (herald_current_workspace(), gen_random_uuid(), now(), 'robot', 'x', '\\x00')");
        for (String statement : refused) {
            assertThatThrownBy(() -> tenants.run(workspace, () -> jdbc.sql(statement)
                            .params(Map.of("post", post.id().value(), "target", target.value()))
                            .update()))
                    .as(statement)
                    .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
                    .hasMessageContaining("violates check constraint");
        }
        Post after = posts.get(workspace, post.id());
        assertThat(after.status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(after.targets().getFirst().status()).isEqualTo(TargetStatus.SCHEDULED);
        assertThat(tenants.call(workspace, () -> jdbc.sql(
                                "update posts set status = 'cancelled', body = repeat('x', 10000) where id = :post")
                        .param("post", post.id().value())
                        .update()))
                .as("values inside the rules are taken")
                .isEqualTo(1);
    }

    int audited(WorkspaceId workspace, String action, String targetId) {
        return tenants.call(workspace, () -> jdbc.sql(
                        "select count(*) from audit_events where action = :action and target_id = :id")
                .param("action", action)
                .param("id", targetId)
                .query(Integer.class)
                .single());
    }

    /**
     * First comments, driven as the {@code first-comments} job drives them: written once under a published target,
     * looked for before any repeat, never blocking the post, and settled by a person when Herald cannot tell.
     */
    @Nested
    class FirstComments {

        @Autowired
        herald.publishing.FirstComments comments;

        @Autowired
        CommentRows rows;

        @Autowired
        PostRecovery recovery;

        @BeforeEach
        void platformAnswers() {
            platform.ambiguous = false;
            platform.commentMode = "ok";
            platform.commentLookupsToFail = 0;
        }

        /** A post due in an hour on {@code targets}, with {@code comment} as its first comment. */
        static NewPost commented(List<NewPost.NewTarget> targets, String comment) {
            return new NewPost(
                    "Commented " + UUID.randomUUID(),
                    null,
                    List.of(),
                    targets,
                    Instant.now().plusSeconds(3600).toString(),
                    null,
                    false,
                    List.of(),
                    null,
                    comment);
        }

        /** A published post with a first comment, its comment now due. */
        Post published(WorkspaceId workspace, String comment) {
            ConnectionId connection = connection(workspace);
            Post post = posts.create(workspace, commented(List.of(new NewPost.NewTarget(connection, null)), comment));
            TargetId target = post.targets().getFirst().id();
            dueNow(workspace, target, "due_at");
            assertThat(comment(workspace, post).status()).isEqualTo(CommentStatus.WAITING);
            comments.write(workspace, target);
            assertThat(comment(workspace, post).status())
                    .as("a comment waits while its target is not published")
                    .isEqualTo(CommentStatus.WAITING);
            publisher.publish(workspace, target);
            assertThat(posts.get(workspace, post.id()).status()).isEqualTo(PostStatus.PUBLISHED);
            dueNow(workspace, target, "comment_due_at");
            return posts.get(workspace, post.id());
        }

        void dueNow(WorkspaceId workspace, TargetId target, String column) {
            tenants.run(workspace, () -> jdbc.sql("update post_targets set " + column + " = now() where id = :id")
                    .param("id", target.value())
                    .update());
        }

        TargetComment comment(WorkspaceId workspace, Post post) {
            return posts.get(workspace, post.id()).targets().getFirst().comment();
        }

        long postCount(WorkspaceId workspace) {
            return tenants.call(workspace, () -> jdbc.sql("select count(*) from posts")
                    .query(Long.class)
                    .single());
        }

        long onPlatform(Post post) {
            String id =
                    posts.get(post.workspace(), post.id()).targets().getFirst().platformPostId();
            return platform.comments.stream()
                    .filter(c -> c.startsWith(id + ":"))
                    .count();
        }

        @Test
        void aPublishedTargetGetsItsCommentOnceAndThePostShowsWhere() {
            WorkspaceId workspace = workspace("pro");
            Post post = published(workspace, "#pizza #friday");
            TargetId target = post.targets().getFirst().id();

            comments.write(workspace, target);
            comments.write(workspace, target);

            TargetComment written = comment(workspace, post);
            assertThat(written.status()).isEqualTo(CommentStatus.POSTED);
            assertThat(written.url())
                    .hasToString("https://scripted.invalid/p/"
                            + post.targets().getFirst().platformPostId() + "#c");
            assertThat(written.postedAt()).isNotNull();
            assertThat(written.attempts()).isEqualTo(1);
            assertThat(onPlatform(post)).isEqualTo(1);
            assertThat(posts.get(workspace, post.id()).firstComment()).isEqualTo("#pizza #friday");
        }

        @Test
        void aCommentSentWithoutAnAnswerIsLookedForAndNeverWrittenTwice() {
            platform.commentMode = "ambiguous";
            platform.commentLookupsToFail = 1; // the look right after the call cannot be made either
            WorkspaceId workspace = workspace("pro");
            Post post = published(workspace, "Credits: @mario");
            TargetId target = post.targets().getFirst().id();
            int calls = platform.commentCalls.get();

            comments.write(workspace, target);
            TargetComment held = comment(workspace, post);
            assertThat(held.status()).as("ambiguous: held for a later look").isEqualTo(CommentStatus.POSTING);
            assertThat(held.lastError()).contains("No answer in time.");

            dueNow(workspace, target, "comment_due_at");
            comments.write(workspace, target);

            assertThat(comment(workspace, post).status()).isEqualTo(CommentStatus.POSTED);
            assertThat(platform.commentCalls.get())
                    .as("found, not written again")
                    .isEqualTo(calls + 1);
            assertThat(onPlatform(post)).isEqualTo(1);
        }

        @Test
        void anAttemptThatDiedHoldingTheCommentIsLookedForBeforeAnyRepeat() {
            WorkspaceId workspace = workspace("pro");
            Post post = published(workspace, "Link in bio");
            TargetId target = post.targets().getFirst().id();
            comments.write(workspace, target);
            int calls = platform.commentCalls.get();
            int lookups = platform.commentLookups.get();
            // A node claimed it again, wrote it, and died before the outcome: its lease ran out.
            tenants.run(workspace, () -> jdbc.sql(
                            """
                            update post_targets set comment_status = 'posting', comment_fence = comment_fence + 1,
                                comment_due_at = now() - interval '1 second', comment_reconcile_since = null
                            where id = :id""")
                    .param("id", target.value())
                    .update());

            comments.write(workspace, target);

            assertThat(comment(workspace, post).status()).isEqualTo(CommentStatus.POSTED);
            assertThat(platform.commentLookups.get()).isEqualTo(lookups + 1);
            assertThat(platform.commentCalls.get()).isEqualTo(calls);
            assertThat(onPlatform(post)).isEqualTo(1);
        }

        @Test
        void anOutcomeOfAnOvertakenAttemptIsNotWritten() {
            WorkspaceId workspace = workspace("pro");
            TargetId target =
                    published(workspace, "Fenced").targets().getFirst().id();
            java.time.Instant now = Instant.now();
            tenants.run(workspace, () -> {
                rows.claim(workspace, target, 1, null, now.minusSeconds(1), now);
                rows.claim(workspace, target, 2, now, now.plusSeconds(60), now);
            });

            boolean zombie = tenants.call(
                    workspace,
                    () -> rows.complete(
                            workspace, target, 1, CommentStatus.FAILED, null, null, null, null, "late", now));
            boolean current = tenants.call(
                    workspace,
                    () -> rows.complete(
                            workspace, target, 2, CommentStatus.POSTED, null, null, "c-2", null, null, now));

            assertThat(zombie).isFalse();
            assertThat(current).isTrue();
        }

        @Test
        void aRefusedCommentFailsWithThePlatformsWordsLeavesThePostPublishedAndCanBeWrittenAgain() {
            platform.commentMode = "refused";
            WorkspaceId workspace = workspace("pro");
            Post post = published(workspace, "Comment me");
            TargetId target = post.targets().getFirst().id();

            comments.write(workspace, target);

            TargetComment failed = comment(workspace, post);
            assertThat(failed.status()).isEqualTo(CommentStatus.FAILED);
            assertThat(failed.lastError()).isEqualTo("Comments are turned off for this post.");
            assertThat(posts.get(workspace, post.id()).status()).isEqualTo(PostStatus.PUBLISHED);
            assertThatThrownBy(() -> recovery.confirmComment(workspace, post.id(), target))
                    .isInstanceOf(herald.shared.Conflict.class);

            platform.commentMode = "ok";
            recovery.writeCommentAgain(workspace, post.id(), target);
            comments.write(workspace, target);

            assertThat(comment(workspace, post).status()).isEqualTo(CommentStatus.POSTED);
            assertThat(onPlatform(post)).isEqualTo(1);
            assertThatThrownBy(() -> recovery.writeCommentAgain(workspace, post.id(), target))
                    .isInstanceOf(herald.shared.Conflict.class)
                    .hasMessageContaining("nothing to write again");
        }

        @Test
        void aCommentHeraldCannotSettleBecomesUnknownAndAPersonConfirmsIt() {
            platform.commentMode = "ambiguous";
            WorkspaceId workspace = workspace("pro");
            Post post = published(workspace, "Unsure");
            TargetId target = post.targets().getFirst().id();
            platform.commentLookupsToFail = 100;
            try {
                for (int i = 0; i < 6; i++) {
                    comments.write(workspace, target);
                    dueNow(workspace, target, "comment_due_at");
                }
            } finally {
                platform.commentLookupsToFail = 0;
            }

            TargetComment unknown = comment(workspace, post);
            assertThat(unknown.status()).isEqualTo(CommentStatus.UNKNOWN);
            assertThat(unknown.lastError()).contains("mark it as there, or write it again");
            assertThat(platform.commentCalls.get() - platform.comments.size()).isNotNegative();
            assertThat(onPlatform(post))
                    .as("written once, then only looked for")
                    .isEqualTo(1);

            recovery.confirmComment(workspace, post.id(), target);
            assertThat(comment(workspace, post).status()).isEqualTo(CommentStatus.POSTED);
        }

        @Test
        void aPublishedTargetWithoutThePlatformsIdFailsItsCommentAndTellsEditors() throws InterruptedException {
            WorkspaceId workspace = workspace("pro");
            ConnectionId connection = connection(workspace);
            Post post = posts.create(workspace, commented(List.of(new NewPost.NewTarget(connection, null)), "By hand"));
            TargetId target = post.targets().getFirst().id();
            // Marked published by hand at an address that does not tell the post's id, as before postIdAt.
            tenants.run(workspace, () -> jdbc.sql(
                            """
                            update post_targets set status = 'published', published_at = now(), comment_due_at = now(),
                                platform_url = 'https://scripted.invalid/somewhere'
                            where id = :id""")
                    .param("id", target.value())
                    .update());
            int calls = platform.commentCalls.get();

            comments.write(workspace, target);

            TargetComment failed = comment(workspace, post);
            assertThat(failed.status()).isEqualTo(CommentStatus.FAILED);
            assertThat(failed.lastError()).endsWith("Add the comment on the platform yourself.");
            assertThat(platform.commentCalls.get()).isEqualTo(calls);
            assertThat(audited(workspace, "post.comment_failed", post.id().toString()))
                    .isEqualTo(1);
            long deadline = System.currentTimeMillis() + 10_000;
            long told = 0;
            while (told == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
                told = tenants.call(workspace, () -> jdbc.sql(
                                """
                                select count(*) from notifications
                                where post_id = :post and kind = 'post_comment_failed' and read_at is null""")
                        .param("post", post.id().value())
                        .query(Long.class)
                        .single());
            }
            assertThat(told)
                    .as("PostCommentFailed reached the owner's notifications")
                    .isEqualTo(1);
        }

        @Test
        void aTargetThatFailedSkipsItsCommentAndARetryMakesItWaitAgain() {
            platform.ambiguous = false;
            WorkspaceId workspace = workspace("pro");
            ConnectionId connection = connection(workspace);
            Post post =
                    posts.create(workspace, commented(List.of(new NewPost.NewTarget(connection, null)), "Never alone"));
            TargetId target = post.targets().getFirst().id();
            tenants.run(workspace, () -> jdbc.sql(
                            """
                            update post_targets set status = 'failed', last_error = 'Refused.', comment_due_at = now()
                            where id = :id""")
                    .param("id", target.value())
                    .update());
            tenants.run(workspace, () -> jdbc.sql("update posts set status = 'failed' where id = :id")
                    .param("id", post.id().value())
                    .update());

            comments.write(workspace, target);
            assertThat(comment(workspace, post).status()).isEqualTo(CommentStatus.SKIPPED);

            recovery.retry(workspace, post.id());
            assertThat(comment(workspace, post).status()).isEqualTo(CommentStatus.WAITING);
            publisher.publish(workspace, target);
            dueNow(workspace, target, "comment_due_at");
            comments.write(workspace, target);
            assertThat(comment(workspace, post).status()).isEqualTo(CommentStatus.POSTED);
        }

        @Test
        void anAccountsOwnFirstCommentIsWrittenInPlaceOfThePostsAndCheckedOnItsOwn() {
            WorkspaceId workspace = workspace("pro");
            ConnectionId plain = connection(workspace);
            ConnectionId own = connection(workspace);
            assertThatThrownBy(() -> posts.create(
                            workspace,
                            new NewPost(
                                    "Two accounts",
                                    null,
                                    List.of(),
                                    List.of(
                                            new NewPost.NewTarget(plain, null),
                                            new NewPost.NewTarget(
                                                    own, null, "y".repeat(ScriptedPlatform.COMMENT_MAX + 1))),
                                    Instant.now().plusSeconds(3600).toString(),
                                    null,
                                    false,
                                    List.of(),
                                    null,
                                    "Short")))
                    .isInstanceOfSatisfying(PostRejected.class, e -> assertThat(e.violations())
                            .singleElement()
                            .satisfies(v -> assertThat(v.field()).isEqualTo("targets[1].firstComment")));

            Post post = posts.create(
                    workspace,
                    commented(
                            List.of(new NewPost.NewTarget(plain, null), new NewPost.NewTarget(own, null, " Mine ")),
                            "The post's"));
            for (Target target : post.targets()) {
                dueNow(workspace, target.id(), "due_at");
                publisher.publish(workspace, target.id());
                dueNow(workspace, target.id(), "comment_due_at");
                comments.write(workspace, target.id());
            }

            for (Target target : posts.get(workspace, post.id()).targets()) {
                String expected = target.connection().equals(own) ? "Mine" : "The post's";
                assertThat(target.firstComment()).isEqualTo(target.connection().equals(own) ? "Mine" : null);
                assertThat(target.comment().status()).isEqualTo(CommentStatus.POSTED);
                assertThat(platform.comments).contains(target.platformPostId() + ":" + expected);
            }
        }

        @Test
        void aSweepWritesTheDueCommentsOfEveryWorkspaceSeveralAtATime() {
            List<Post> due = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                WorkspaceId workspace = workspace("pro");
                due.add(published(workspace, "Swept " + i));
                due.add(published(workspace, "Swept again " + i));
            }

            comments.sweepAll();

            assertThat(due).allSatisfy(post -> {
                assertThat(comment(post.workspace(), post).status()).isEqualTo(CommentStatus.POSTED);
                assertThat(onPlatform(post)).isEqualTo(1);
            });
        }

        @Test
        void aSweepLeavesTheCommentsOfAPlatformThisNodeHasNoProviderForToTheNodesThatHaveOne() {
            WorkspaceId workspace = workspace("pro");
            Post post = published(workspace, "Only a node that knows the platform writes this");
            TargetId target = post.targets().getFirst().id();
            provider(workspace, target, "a-platform-of-a-newer-node");

            comments.sweepAll();

            assertThat(comment(workspace, post).status())
                    .as("not failed for want of a provider: a node that has one writes it")
                    .isEqualTo(CommentStatus.WAITING);
            assertThat(onPlatform(post)).isZero();

            provider(workspace, target, "scripted");
            comments.sweepAll();

            assertThat(comment(workspace, post).status()).isEqualTo(CommentStatus.POSTED);
            assertThat(onPlatform(post)).isEqualTo(1);
        }

        void provider(WorkspaceId workspace, TargetId target, String provider) {
            tenants.run(workspace, () -> jdbc.sql("update post_targets set provider = :provider where id = :id")
                    .param("provider", provider)
                    .param("id", target.value())
                    .update());
        }

        @Test
        void aCommentThePlatformWouldRefuseIsRefusedWithThePostAndNothingIsSaved() {
            WorkspaceId workspace = workspace("pro");
            ConnectionId connection = connection(workspace);
            long before = postCount(workspace);

            assertThatThrownBy(() -> posts.create(
                            workspace,
                            new NewPost(
                                    "Fine text",
                                    null,
                                    List.of(),
                                    List.of(new NewPost.NewTarget(connection, null)),
                                    null,
                                    null,
                                    false,
                                    List.of(),
                                    null,
                                    "x".repeat(201))))
                    .isInstanceOfSatisfying(
                            PostRejected.class,
                            e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                                assertThat(v.field()).isEqualTo("firstComment");
                                assertThat(v.message())
                                        .isEqualTo("Scripted @scripted: the first comment is 201 of 200 characters.");
                            }));
            assertThat(postCount(workspace)).isEqualTo(before);
        }

        @Autowired
        WorkspaceLinkTagging linkTagging;

        /**
         * A post that tags its links, with a link in its text and in its first comment, due {@code days} ahead (or
         * published "now" when null), its target published by the test and its comment due.
         */
        Post taggedAndPublished(WorkspaceId workspace, String comment, @Nullable Integer days) {
            linkTagging.change(
                    workspace,
                    new LinkTaggingSetting(true, new UtmValues("{platform}", "social", "spring-{date}", "{post}", "")));
            ConnectionId connection = connection(workspace);
            Post post = posts.create(
                    workspace,
                    new NewPost(
                            "Menu https://krusty.example.com/menu",
                            null,
                            List.of(),
                            List.of(new NewPost.NewTarget(connection, null)),
                            Instant.now()
                                    .plus(java.time.Duration.ofDays(days == null ? 1 : days))
                                    .toString(),
                            null,
                            false,
                            List.of(),
                            true,
                            comment));
            TargetId target = post.targets().getFirst().id();
            if (days == null) {
                tenants.run(workspace, () -> jdbc.sql("update posts set scheduled_at = null where id = :id")
                        .param("id", post.id().value())
                        .update());
            }
            dueNow(workspace, target, "due_at");
            publisher.publish(workspace, target);
            dueNow(workspace, target, "comment_due_at");
            return posts.get(workspace, post.id());
        }

        /** The query the post's own link got on the platform. */
        String postsQuery(Post post) {
            String marker = "https://krusty.example.com/menu?";
            String sent = platform.publishedTexts.stream()
                    .filter(text -> text.startsWith("Menu " + marker)
                            && text.contains("utm_content="
                                    + post.id().value().toString().substring(0, 8)))
                    .findFirst()
                    .orElseThrow();
            return sent.substring(sent.indexOf(marker) + marker.length());
        }

        String zoneDay(WorkspaceId workspace, Instant at) {
            return at.atZone(workspaces.require(workspace).timezone())
                    .toLocalDate()
                    .toString();
        }

        @Test
        void aTaggedPostsFirstCommentHasItsLinksTaggedAsThePostsOnTheDayThePostIsDue() {
            WorkspaceId workspace = workspace("pro");
            Post post = taggedAndPublished(workspace, "Order at https://krusty.example.com/order.", 3);
            TargetId target = post.targets().getFirst().id();

            comments.write(workspace, target);

            String query = postsQuery(post);
            assertThat(query)
                    .contains("utm_source=scripted", "utm_campaign=spring-" + zoneDay(workspace, post.scheduledAt()));
            assertThat(platform.comments)
                    .as("the same parameters as the post's own link, the full stop left outside the link")
                    .contains(post.targets().getFirst().platformPostId() + ":Order at https://krusty.example.com/order?"
                            + query + ".");
            assertThat(comment(workspace, post).status()).isEqualTo(CommentStatus.POSTED);
            assertThat(posts.get(workspace, post.id()).firstComment())
                    .as("the post keeps the comment as written")
                    .isEqualTo("Order at https://krusty.example.com/order.");
        }

        @Test
        void aPostPublishedNowNamesTheDayOfItsAttemptInItsCommentAsInItsText() {
            WorkspaceId workspace = workspace("pro");
            Instant before = Instant.now();
            Post post = taggedAndPublished(workspace, "https://krusty.example.com/order", null);
            TargetId target = post.targets().getFirst().id();

            comments.write(workspace, target);

            String query = postsQuery(post);
            assertThat(query)
                    .containsAnyOf(
                            "utm_campaign=spring-" + zoneDay(workspace, before),
                            "utm_campaign=spring-" + zoneDay(workspace, Instant.now()));
            assertThat(platform.comments)
                    .contains(
                            post.targets().getFirst().platformPostId() + ":https://krusty.example.com/order?" + query);
        }

        @Test
        void aTaggedCommentSentWithoutAnAnswerIsFoundByItsTaggedTextAndNeverWrittenTwice() {
            WorkspaceId workspace = workspace("pro");
            Post post = taggedAndPublished(workspace, "Order: https://krusty.example.com/order", 2);
            TargetId target = post.targets().getFirst().id();
            platform.commentMode = "ambiguous";
            platform.commentLookupsToFail = 1; // the look right after the call cannot be made either
            int calls = platform.commentCalls.get();

            comments.write(workspace, target);
            assertThat(comment(workspace, post).status()).isEqualTo(CommentStatus.POSTING);

            platform.commentMode = "ok";
            dueNow(workspace, target, "comment_due_at");
            comments.write(workspace, target);

            assertThat(comment(workspace, post).status()).isEqualTo(CommentStatus.POSTED);
            assertThat(platform.commentCalls.get())
                    .as("found by the text that was sent, not written again")
                    .isEqualTo(calls + 1);
            assertThat(platform.comments)
                    .filteredOn(c -> c.startsWith(post.targets().getFirst().platformPostId() + ":"))
                    .singleElement()
                    .asString()
                    .contains("https://krusty.example.com/order?utm_source=scripted&utm_medium=social");
        }

        @Test
        void aFirstCommentIsCheckedAtItsTaggedLength() {
            WorkspaceId workspace = workspace("pro");
            ConnectionId connection = connection(workspace);
            // 191 characters as written, over 200 once the link carries its parameters.
            String comment = "x".repeat(158) + " https://krusty.example.com/order";
            java.util.function.Function<Boolean, NewPost> post = tag -> new NewPost(
                    "Fine text",
                    null,
                    List.of(),
                    List.of(new NewPost.NewTarget(connection, null)),
                    Instant.now().plusSeconds(3600).toString(),
                    null,
                    false,
                    List.of(),
                    tag,
                    comment);

            assertThatThrownBy(() -> posts.create(workspace, post.apply(true)))
                    .isInstanceOfSatisfying(
                            PostRejected.class,
                            e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                                assertThat(v.field()).isEqualTo("firstComment");
                                assertThat(v.rule()).isEqualTo("comment.length");
                                assertThat(v.message()).contains("of 200 characters");
                            }));
            assertThat(posts.create(workspace, post.apply(false)).firstComment())
                    .isEqualTo(comment);
        }
    }
}
