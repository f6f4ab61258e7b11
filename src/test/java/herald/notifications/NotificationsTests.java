package herald.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.TenantFixtures;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.connections.ConnectionId;
import herald.connections.ConnectionNeedsReconnect;
import herald.database.TenantScope;
import herald.identity.User;
import herald.inbox.InboxCommentReceived;
import herald.inbox.InboxPostSettled;
import herald.publishing.CommentStatus;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.PostCommentFailed;
import herald.publishing.PostFailed;
import herald.publishing.PostNeedsAttention;
import herald.publishing.PostRecovery;
import herald.publishing.Posts;
import herald.publishing.Provenance;
import herald.publishing.Target;
import herald.publishing.TargetId;
import herald.publishing.TargetStatus;
import herald.reviews.ReviewFeedback;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import herald.tenancy.Memberships;
import herald.tenancy.Role;
import herald.tenancy.Workspace;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification centre against the real database: the events that need a person become one notification for each
 * member who can act (a viewer and other workspaces' members get none), several targets of one post failing make one,
 * a muted kind is not stored, members read theirs and only theirs, nothing crosses workspaces, and the retention job
 * deletes old notifications only.
 */
@SpringBootTest
class NotificationsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    NotificationEvents events;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationMutes mutes;

    @Autowired
    NotificationSettings settings;

    @Autowired
    Memberships memberships;

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
    Clock clock;

    TenantFixtures fixtures;
    Workspace workspace;
    User owner;
    User admin;
    User editor;
    User viewer;
    ConnectionId krusty;
    ConnectionId lisa;

    @BeforeEach
    void aTeamWithEveryRoleAndTwoAccounts() {
        fixtures = TenantFixtures.of(context);
        var signedUp = fixtures.signUp("notify", "pro");
        workspace = signedUp.workspace().orElseThrow();
        owner = signedUp.user();
        admin = member("admin", Role.ADMIN);
        editor = member("editor", Role.EDITOR);
        viewer = member("viewer", Role.VIEWER);
        krusty = TenantFixtures.sandboxAccount(tenants, jdbc, workspace.id(), "krusty");
        lisa = TenantFixtures.sandboxAccount(tenants, jdbc, workspace.id(), "lisa");
    }

    @Test
    void aFailedTargetNotifiesEditorsAndAboveOnly() throws InterruptedException {
        var neighbour = fixtures.signUp("neighbour", "pro");
        Post post = post("Margherita night is back on Friday", krusty);

        fail(post, 0, "Duplicate content.");

        for (User member : List.of(owner, admin, editor)) {
            var mine = notifications.recent(workspace.id(), member.id(), null, 10);
            assertThat(mine).as(member.email()).hasSize(1);
            Notification n = mine.getFirst();
            assertThat(n.kind()).isEqualTo(NotificationKind.POST_FAILED);
            assertThat(n.title()).isEqualTo("A post failed: “Margherita night is back on Friday”");
            assertThat(n.body()).isEqualTo("Sandbox @krusty did not publish it: Duplicate content.");
            assertThat(n.link()).isEqualTo("/w/" + workspace.slug() + "/posts/" + post.id());
            assertThat(n.post()).isEqualTo(post.id());
            assertThat(n.unread()).isTrue();
            assertThat(notifications.unread(workspace.id(), member.id())).isEqualTo(1);
        }
        assertThat(notifications.recent(workspace.id(), viewer.id(), null, 10))
                .as("a viewer cannot act on it")
                .isEmpty();
        WorkspaceId theirs = neighbour.workspace().orElseThrow().id();
        assertThat(notifications.recent(theirs, neighbour.user().id(), null, 10))
                .as("another workspace's owner")
                .isEmpty();
    }

    @Test
    void severalTargetsOfOnePostFailingMakeOneNotificationUntilItIsRead() throws InterruptedException {
        Post post = post("Two accounts, one post", krusty, lisa);

        fail(post, 0, "Duplicate content.");
        fail(post, 1, "The account was suspended.");
        fail(post, 1, "The account was suspended.");

        var mine = notifications.recent(workspace.id(), editor.id(), null, 10);
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().occurrences()).isEqualTo(3);
        assertThat(mine.getFirst().body())
                .as("one line per account, the same line once")
                .isEqualTo("Sandbox @krusty did not publish it: Duplicate content.\n"
                        + "Sandbox @lisa did not publish it: The account was suspended.");
        assertThat(notifications.unread(workspace.id(), editor.id())).isEqualTo(1);

        notifications.markRead(workspace.id(), editor.id(), mine.getFirst().id());
        fail(post, 0, "Failed again after a retry.");

        var after = notifications.recent(workspace.id(), editor.id(), null, 10);
        assertThat(after).as("a read one is not reopened: a new one is made").hasSize(2);
        assertThat(after.getFirst().unread()).isTrue();
        assertThat(after.getFirst().occurrences()).isEqualTo(1);
        assertThat(after.get(1).unread()).isFalse();
    }

    @Test
    void aBurstOfEventsFromTwoWorkspacesReachesEachWorkspacesOwnMembers() throws InterruptedException {
        var neighbour = fixtures.signUp("burst", "pro");
        Workspace theirs = neighbour.workspace().orElseThrow();
        ConnectionId theirAccount = TenantFixtures.sandboxAccount(tenants, jdbc, theirs.id(), "bart");
        var ours = new java.util.ArrayList<Post>();
        var their = new java.util.ArrayList<Post>();
        for (int i = 0; i < 12; i++) {
            ours.add(post("Ours " + i, krusty));
            their.add(posts.create(
                    theirs.id(),
                    new NewPost(
                            "Theirs " + i,
                            null,
                            List.of(),
                            List.of(new NewPost.NewTarget(theirAccount, null)),
                            "2030-01-07T09:00",
                            "Europe/Berlin",
                            false)));
        }

        for (int i = 0; i < 12; i++) {
            Post mine = ours.get(i);
            Post other = their.get(i);
            publisher.publishEvent(new PostFailed(
                    workspace.id(), mine.id(), mine.targets().getFirst().id(), "sandbox", "No.", clock.instant()));
            publisher.publishEvent(new PostFailed(
                    theirs.id(), other.id(), other.targets().getFirst().id(), "sandbox", "No.", clock.instant()));
        }
        awaitIdle();

        assertThat(notifications.recent(workspace.id(), editor.id(), null, 50))
                .extracting(Notification::title)
                .hasSize(12)
                .allMatch(title -> title.startsWith("A post failed: “Ours "));
        assertThat(notifications.recent(theirs.id(), neighbour.user().id(), null, 50))
                .extracting(Notification::link)
                .hasSize(12)
                .allMatch(link -> link.startsWith("/w/" + theirs.slug() + "/posts/"));
    }

    @Test
    void anUnknownOutcomeNotifiesWithTheExplanation() throws InterruptedException {
        Post post = post("Did this go out?", krusty);

        publish(new PostNeedsAttention(
                workspace.id(),
                post.id(),
                post.targets().getFirst().id(),
                "sandbox",
                "Herald could not confirm whether the platform published it.",
                clock.instant()));

        Notification n =
                notifications.recent(workspace.id(), owner.id(), null, 10).getFirst();
        assertThat(n.kind()).isEqualTo(NotificationKind.POST_NEEDS_ATTENTION);
        assertThat(n.title()).isEqualTo("Check whether a post was published: “Did this go out?”");
        assertThat(n.body())
                .startsWith("Sandbox @krusty: Herald could not confirm")
                .endsWith("publish it again.");
        assertThat(notifications.recent(workspace.id(), viewer.id(), null, 10)).isEmpty();
    }

    @Test
    void aFailedFirstCommentNotifiesEditorsAndAboveThatThePostWasPublishedAndWhyTheCommentWasNot()
            throws InterruptedException {
        Post post = post("Margherita night is back on Friday", krusty, lisa);

        commentFails(post, 0, "Comments are turned off for this post.", false);
        commentFails(post, 1, "The comment is a duplicate.", false);

        for (User member : List.of(owner, admin, editor)) {
            var mine = notifications.recent(workspace.id(), member.id(), null, 10);
            assertThat(mine).as(member.email()).hasSize(1);
            Notification n = mine.getFirst();
            assertThat(n.kind()).isEqualTo(NotificationKind.POST_COMMENT_FAILED);
            assertThat(n.title()).isEqualTo("A first comment failed: “Margherita night is back on Friday”");
            assertThat(n.body())
                    .as("one line per account, as for failed posts")
                    .isEqualTo("Sandbox @krusty published the post but did not take its first comment: Comments are"
                            + " turned off for this post. Write the comment again from the post's page.\n"
                            + "Sandbox @lisa published the post but did not take its first comment: The comment is"
                            + " a duplicate. Write the comment again from the post's page.");
            assertThat(n.occurrences()).isEqualTo(2);
            assertThat(n.link()).isEqualTo("/w/" + workspace.slug() + "/posts/" + post.id());
            assertThat(n.post()).isEqualTo(post.id());
        }
        assertThat(notifications.recent(workspace.id(), viewer.id(), null, 10))
                .as("a viewer cannot write it again")
                .isEmpty();
    }

    @Test
    void anUnknownFirstCommentAsksToCheckUnderThePostApartFromItsFailures() throws InterruptedException {
        Post post = post("Did the comment go out?", krusty, lisa);

        commentFails(post, 0, "Herald could not confirm whether the platform took it. Look under the post.", true);
        commentFails(post, 1, "The comment is a duplicate.", false);

        var mine = notifications.recent(workspace.id(), editor.id(), null, 10);
        assertThat(mine)
                .extracting(Notification::kind)
                .as("a kind of its own, as an unknown post is")
                .containsExactlyInAnyOrder(NotificationKind.POST_COMMENT_UNKNOWN, NotificationKind.POST_COMMENT_FAILED);
        Notification unknown = mine.stream()
                .filter(n -> n.kind() == NotificationKind.POST_COMMENT_UNKNOWN)
                .findFirst()
                .orElseThrow();
        assertThat(unknown.title()).isEqualTo("Check whether a first comment was written: “Did the comment go out?”");
        assertThat(unknown.body())
                .isEqualTo("Sandbox @krusty published the post; Herald cannot tell whether it took the first comment:"
                        + " Herald could not confirm whether the platform took it. Look under the post.");
        assertThat(unknown.link()).isEqualTo("/w/" + workspace.slug() + "/posts/" + post.id());
        assertThat(notifications.recent(workspace.id(), viewer.id(), null, 10)).isEmpty();
    }

    @Test
    void aMemberWhoMutedFailedFirstCommentsIsNotToldOfThem() throws InterruptedException {
        mutes.choose(workspace.id(), editor.id(), Set.of(NotificationKind.POST_COMMENT_FAILED));
        Post post = post("Nobody told the editor about the comment", krusty);

        commentFails(post, 0, "Comments are turned off for this post.", false);
        fail(post, 0, "A failure the editor still wants.");

        assertThat(notifications.recent(workspace.id(), editor.id(), null, 10))
                .extracting(Notification::kind)
                .containsExactly(NotificationKind.POST_FAILED);
        assertThat(notifications.recent(workspace.id(), owner.id(), null, 10))
                .extracting(Notification::kind)
                .containsExactlyInAnyOrder(NotificationKind.POST_FAILED, NotificationKind.POST_COMMENT_FAILED);
    }

    @Test
    void aPostAwaitingApprovalNotifiesTheOthersWhoCanApproveButNotItsAuthor() throws InterruptedException {
        var provenance =
                new Provenance(Provenance.Origin.UI, "user", editor.id().toString(), editor.email());

        Post post = posts.create(
                workspace.id(),
                new NewPost(
                        "Please approve me",
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(krusty, null)),
                        "2030-01-07T09:00",
                        "Europe/Berlin",
                        false),
                provenance,
                true);
        awaitIdle();

        assertThat(notifications.recent(workspace.id(), editor.id(), null, 10))
                .as("the author's own post")
                .isEmpty();
        assertThat(notifications.recent(workspace.id(), viewer.id(), null, 10)).isEmpty();
        for (User member : List.of(owner, admin)) {
            Notification n =
                    notifications.recent(workspace.id(), member.id(), null, 10).getFirst();
            assertThat(n.kind()).isEqualTo(NotificationKind.POST_AWAITING_APPROVAL);
            assertThat(n.title()).isEqualTo("A post awaits approval: “Please approve me”");
            assertThat(n.body()).isEqualTo("From " + editor.email() + "; to publish 7 Jan 2030, 09:00 once approved.");
            assertThat(n.link()).isEqualTo("/w/" + workspace.slug() + "/approvals#post-" + post.id());
        }

        // Decided however it is (here through the publishing module, as the API, a review link or the page do):
        // nobody is sent to approve it any more.
        context.getBean(herald.publishing.PostApprovals.class).approve(workspace.id(), post.id(), null);
        assertThat(notifications.unread(workspace.id(), owner.id())).isZero();
        assertThat(notifications.unread(workspace.id(), admin.id())).isZero();
    }

    @Test
    void settlingAPostReadsEveryMembersNotificationsOfThatKindAboutItOnly() throws InterruptedException {
        Post post = post("Settle me", krusty);
        Post other = post("Not me", krusty);
        fail(post, 0, "No.");
        fail(other, 0, "No.");
        publish(new PostNeedsAttention(
                workspace.id(), post.id(), post.targets().getFirst().id(), "sandbox", "Unknown.", clock.instant()));

        assertThat(notifications.settle(workspace.id(), post.id(), NotificationKind.POST_FAILED))
                .as("owner, admin and editor")
                .isEqualTo(3);

        var unread = notifications.recent(workspace.id(), editor.id(), null, 10).stream()
                .filter(Notification::unread)
                .map(n -> n.kind() + " " + n.post())
                .toList();
        assertThat(unread)
                .containsExactlyInAnyOrder(
                        NotificationKind.POST_NEEDS_ATTENTION + " " + post.id(),
                        NotificationKind.POST_FAILED + " " + other.id());
    }

    @Test
    void aClientsFeedbackThroughAReviewLinkNotifiesEditorsAndAboveOnOneNotificationPerPost()
            throws InterruptedException {
        Post post = post("Pizza with extra cheese", krusty);
        String marge = "Marge (via review link 'Acme')";
        publish(new ReviewFeedback(
                workspace.id(), post.id(), marge, ReviewFeedback.Kind.COMMENTED, "Less cheese, please."));
        publish(new ReviewFeedback(
                workspace.id(), post.id(), marge, ReviewFeedback.Kind.CHANGES_REQUESTED, "No cheese at all."));

        assertThat(notifications.recent(workspace.id(), viewer.id(), null, 10)).isEmpty();
        for (User member : List.of(owner, admin, editor)) {
            assertThat(notifications.unread(workspace.id(), member.id())).isEqualTo(1);
            Notification n =
                    notifications.recent(workspace.id(), member.id(), null, 10).getFirst();
            assertThat(n.kind()).isEqualTo(NotificationKind.REVIEW_FEEDBACK);
            assertThat(n.title()).isEqualTo("Client feedback on “Pizza with extra cheese”");
            assertThat(n.body())
                    .contains(marge + " commented: “Less cheese, please.”")
                    .contains(marge + " asked for changes; it was cancelled: “No cheese at all.”");
            assertThat(n.link()).isEqualTo("/w/" + workspace.slug() + "/posts/" + post.id() + "#notes");
        }
    }

    @Test
    void commentsInTheInboxNotifyEditorsAndAboveOnOneNotificationPerPost() throws InterruptedException {
        Post post = post("Our new Krusty Burger pizza", krusty);
        var first = herald.inbox.InboxCommentId.random();
        publish(new InboxCommentReceived(
                workspace.id(),
                first,
                post.id(),
                krusty,
                "sandbox",
                "krusty",
                "moe",
                "Moe Szyslak",
                "Is it spicy?",
                null,
                null,
                clock.instant()));
        publish(new InboxCommentReceived(
                workspace.id(),
                herald.inbox.InboxCommentId.random(),
                post.id(),
                krusty,
                "sandbox",
                "krusty",
                "lisa",
                "Lisa",
                "It is, a little.",
                null,
                "c-1",
                clock.instant()));

        assertThat(notifications.recent(workspace.id(), viewer.id(), null, 10)).isEmpty();
        for (User member : List.of(owner, admin, editor)) {
            assertThat(notifications.unread(workspace.id(), member.id())).isEqualTo(1);
            Notification n =
                    notifications.recent(workspace.id(), member.id(), null, 10).getFirst();
            assertThat(n.kind()).isEqualTo(NotificationKind.INBOX_COMMENT);
            assertThat(n.title()).isEqualTo("New comments on “Our new Krusty Burger pizza”");
            assertThat(n.body())
                    .contains("Moe Szyslak to @krusty: “Is it spicy?”")
                    .contains("Lisa to @krusty: “It is, a little.”");
            assertThat(n.link()).isEqualTo("/w/" + workspace.slug() + "/inbox#comment-" + first);
        }

        // Every comment under the post dealt with: nobody is sent to it any more.
        publish(new InboxPostSettled(workspace.id(), post.id()));
        for (User member : List.of(owner, admin, editor)) {
            assertThat(notifications.unread(workspace.id(), member.id())).isZero();
        }
    }

    @Test
    void anAccountToReconnectNotifiesAdminsAndOwnersOnly() throws InterruptedException {
        publish(new ConnectionNeedsReconnect(
                workspace.id(), krusty, "sandbox", "The refresh token was revoked.", clock.instant()));

        for (User member : List.of(owner, admin)) {
            Notification n =
                    notifications.recent(workspace.id(), member.id(), null, 10).getFirst();
            assertThat(n.kind()).isEqualTo(NotificationKind.CONNECTION_NEEDS_RECONNECT);
            assertThat(n.title()).isEqualTo("Reconnect Sandbox @krusty");
            assertThat(n.body()).contains("The refresh token was revoked.");
            assertThat(n.connection()).isEqualTo(krusty);
            assertThat(n.link()).isEqualTo("/w/" + workspace.slug() + "/connections#connection-" + krusty.value());
        }
        assertThat(notifications.recent(workspace.id(), editor.id(), null, 10)).isEmpty();
        assertThat(notifications.recent(workspace.id(), viewer.id(), null, 10)).isEmpty();
    }

    @Test
    void aMutedKindIsNotStoredForThatMemberAndTheChangeIsAudited() throws InterruptedException {
        mutes.choose(workspace.id(), editor.id(), Set.of(NotificationKind.POST_FAILED));
        Post post = post("Nobody told the editor", krusty);

        fail(post, 0, "Duplicate content.");

        assertThat(mutes.of(workspace.id(), editor.id())).containsExactly(NotificationKind.POST_FAILED);
        assertThat(notifications.recent(workspace.id(), editor.id(), null, 10)).isEmpty();
        assertThat(notifications.recent(workspace.id(), owner.id(), null, 10)).hasSize(1);
        var entries = audit.find(workspace.id(), new AuditQuery("notifications.muted", null, null, null, null, 10));
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().details()).containsEntry("muted", "post_failed");

        mutes.choose(workspace.id(), editor.id(), Set.of());
        fail(post, 0, "Duplicate content.");
        assertThat(notifications.recent(workspace.id(), editor.id(), null, 10)).hasSize(1);
    }

    @Test
    void membersMarkTheirOwnReadOneByOneOrAllAtOnce() throws InterruptedException {
        fail(post("First", krusty), 0, "No.");
        fail(post("Second", krusty), 0, "No.");
        fail(post("Third", krusty), 0, "No.");
        var mine = notifications.recent(workspace.id(), editor.id(), null, 10);
        assertThat(mine)
                .extracting(Notification::title)
                .as("newest first")
                .containsExactly("A post failed: “Third”", "A post failed: “Second”", "A post failed: “First”");
        NotificationId ownersFirst = notifications
                .recent(workspace.id(), owner.id(), null, 10)
                .getFirst()
                .id();

        Notification read =
                notifications.markRead(workspace.id(), editor.id(), mine.get(1).id());
        assertThat(read.readAt()).isNotNull();
        assertThat(notifications.unread(workspace.id(), editor.id())).isEqualTo(2);
        assertThatThrownBy(() -> notifications.markRead(workspace.id(), editor.id(), ownersFirst))
                .as("another member's notification")
                .isInstanceOf(NotFound.class);

        assertThat(notifications.markAllRead(workspace.id(), editor.id())).isEqualTo(2);
        assertThat(notifications.unread(workspace.id(), editor.id())).isZero();
        assertThat(notifications.unread(workspace.id(), owner.id()))
                .as("the owner's stay unread")
                .isEqualTo(3);

        var page = notifications.recent(workspace.id(), owner.id(), null, 2);
        var rest =
                notifications.recent(workspace.id(), owner.id(), page.getLast().position(), 2);
        assertThat(rest).extracting(Notification::title).containsExactly("A post failed: “First”");
    }

    @Test
    void withoutAMailHostEmailIsOffAndNothingIsQueued() throws InterruptedException {
        assertThat(context.getBean(NotificationEmails.class).enabled()).isFalse();

        fail(post("Nobody is e-mailed", krusty), 0, "No.");

        assertThat(notifications.recent(workspace.id(), editor.id(), null, 10)).hasSize(1);
        assertThat(tenants.read(workspace.id(), () -> jdbc.sql(
                                "select count(*) from notification_emails where workspace_id = :w")
                        .param("w", workspace.id().value())
                        .query(Long.class)
                        .single()))
                .isZero();
    }

    @Test
    void nothingCrossesWorkspaces() throws InterruptedException {
        var other = fixtures.signUp("other", "pro");
        WorkspaceId theirs = other.workspace().orElseThrow().id();
        fail(post("Ours only", krusty), 0, "No.");
        NotificationId ours = notifications
                .recent(workspace.id(), owner.id(), null, 10)
                .getFirst()
                .id();

        assertThat(tenants.read(theirs, () -> jdbc.sql("select count(*) from notifications where workspace_id = :ours")
                        .param("ours", workspace.id().value())
                        .query(Long.class)
                        .single()))
                .as("row-level security, acting for the other workspace")
                .isZero();
        assertThatThrownBy(() -> notifications.require(theirs, owner.id(), ours))
                .isInstanceOf(NotFound.class);
        assertThat(notifications.markAllRead(theirs, owner.id())).isZero();
        assertThat(notifications.unread(workspace.id(), owner.id())).isEqualTo(1);
    }

    @Test
    void anEventOfARolledBackTransactionNotifiesNobodyAndNothingReachesThePublisher() throws InterruptedException {
        Post post = post("Rolled back", krusty);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            publisher.publishEvent(new PostFailed(
                    workspace.id(), post.id(), post.targets().getFirst().id(), "sandbox", "No.", clock.instant()));
            status.setRollbackOnly();
        });
        // A workspace that does not exist: the worker fails to read it, the publisher never hears of it.
        publisher.publishEvent(new PostFailed(
                new WorkspaceId(UUID.randomUUID()),
                post.id(),
                post.targets().getFirst().id(),
                "sandbox",
                "No.",
                clock.instant()));
        awaitIdle();

        assertThat(notifications.recent(workspace.id(), owner.id(), null, 10)).isEmpty();
        fail(post, 0, "Committed this time.");
        assertThat(notifications.recent(workspace.id(), owner.id(), null, 10)).hasSize(1);
    }

    @Test
    void theRetentionJobDeletesNotificationsOlderThanTheRetentionOnly() {
        Post post = post("Old news", krusty);
        Instant now = clock.instant();
        UUID old = insert(post, now.minus(settings.retention()).minus(Duration.ofDays(1)));
        UUID older = insert(post, now.minus(settings.retention()).minus(Duration.ofDays(30)));
        UUID recent = insert(post, now.minus(settings.retention()).plus(Duration.ofDays(1)));

        int pruned = notifications.prune(now.minus(settings.retention()), 1);

        assertThat(pruned).isGreaterThanOrEqualTo(2);
        assertThat(ids()).contains(recent).doesNotContain(old, older);
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(90));
        assertThat(context.getBean(
                                "notificationsPrune", com.github.kagkarlsson.scheduler.task.helper.RecurringTask.class)
                        .getName())
                .isEqualTo(NotificationJobs.PRUNE);
    }

    /**
     * A person dealt with a post's trouble (retried it, settled a target or a first comment, cancelled it): everyone's
     * notifications of the kinds that no target of the post is in any more are read; a failure after that is new.
     */
    @Nested
    class SettledByAPerson {

        @Autowired
        PostRecovery recovery;

        @Value("${herald.providers.sandbox.base-url}")
        String sandbox;

        @Test
        void aRetryReadsEveryonesFailureNotificationAndAFailureAfterItIsUnreadAgain() throws InterruptedException {
            Post post = post("Retry me", krusty);
            state(post, "failed", "'failed'");
            fail(post, 0, "Duplicate content.");
            assertThat(notifications.unread(workspace.id(), editor.id())).isEqualTo(1);

            recovery.retry(workspace.id(), post.id());

            for (User member : List.of(owner, admin, editor)) {
                assertThat(notifications.unread(workspace.id(), member.id()))
                        .as(member.email())
                        .isZero();
            }
            fail(post, 0, "Failed again after the retry.");
            var mine = notifications.recent(workspace.id(), editor.id(), null, 10);
            assertThat(mine).hasSize(2);
            assertThat(mine.getFirst().unread())
                    .as("a new failure is not swallowed")
                    .isTrue();
            assertThat(mine.getFirst().body()).contains("Failed again after the retry.");
        }

        @Test
        void aFailureStaysUnreadWhileAnotherTargetOfThePostIsStillFailed() throws InterruptedException {
            Post post = post("Half out", krusty, lisa);
            state(
                    post,
                    "failed",
                    "case when connection_id = '" + krusty.value() + "' then 'failed' else 'unknown' end");
            fail(post, 0, "Duplicate content.");
            publish(new PostNeedsAttention(
                    workspace.id(), post.id(), post.targets().get(1).id(), "sandbox", "No answer.", clock.instant()));

            recovery.markPublished(
                    workspace.id(), post.id(), post.targets().get(1).id(), URI.create("https://example.com/p/1"));

            assertThat(unreadKinds(editor))
                    .as("the unknown target is settled, the failed one is not")
                    .containsExactly(NotificationKind.POST_FAILED);
            recovery.retry(workspace.id(), post.id());
            assertThat(unreadKinds(editor)).isEmpty();
        }

        @Test
        void aFirstCommentsNotificationIsReadOnceNoCommentOfThePostIsInItsKind() throws InterruptedException {
            Post post = commented("Comment twice", krusty, lisa);
            state(post, "published", "'published'", "'failed'");
            commentFails(post, 0, "Comments are turned off for this post.", false);
            commentFails(post, 1, "Comments are turned off for this post.", false);

            recovery.writeCommentAgain(
                    workspace.id(), post.id(), post.targets().get(0).id());
            assertThat(unreadKinds(editor))
                    .as("the other account's comment still failed")
                    .containsExactly(NotificationKind.POST_COMMENT_FAILED);
            recovery.writeCommentAgain(
                    workspace.id(), post.id(), post.targets().get(1).id());
            assertThat(unreadKinds(editor)).isEmpty();

            state(post, "published", "'published'", "'unknown'");
            commentFails(post, 0, "Herald could not confirm it. Look under the post.", true);
            commentFails(post, 1, "Herald could not confirm it. Look under the post.", true);
            assertThat(unreadKinds(editor))
                    .as("new events after settling are unread")
                    .containsExactly(NotificationKind.POST_COMMENT_UNKNOWN);
            recovery.confirmComment(
                    workspace.id(), post.id(), post.targets().get(0).id());
            assertThat(unreadKinds(editor)).containsExactly(NotificationKind.POST_COMMENT_UNKNOWN);
            recovery.confirmComment(
                    workspace.id(), post.id(), post.targets().get(1).id());
            assertThat(unreadKinds(editor)).isEmpty();
        }

        @Test
        void cancellingAPostReadsItsNotificationsOfEveryKindOfTroubleAndNoOtherPosts() throws InterruptedException {
            Post post = post("Cancel me", krusty);
            Post other = post("Keep me", krusty);
            TargetId target = post.targets().getFirst().id();
            fail(post, 0, "Refused.");
            publish(new PostNeedsAttention(workspace.id(), post.id(), target, "sandbox", "?", clock.instant()));
            commentFails(post, 0, "Refused.", false);
            commentFails(post, 0, "?", true);
            fail(other, 0, "Refused.");
            assertThat(notifications.unread(workspace.id(), editor.id())).isEqualTo(5);

            posts.cancel(workspace.id(), post.id());

            assertThat(notifications.recent(workspace.id(), editor.id(), null, 10).stream()
                            .filter(Notification::unread)
                            .map(Notification::post))
                    .containsExactly(other.id());
        }

        @Test
        void markedPublishedWhereHeraldCannotTellThePostsIdItsWaitingCommentFailsAndNotifies()
                throws InterruptedException {
            Post post = commented("Marked by hand", krusty);
            TargetId target = post.targets().getFirst().id();
            state(post, "failed", "'unknown'", "'waiting'");
            publish(new PostNeedsAttention(workspace.id(), post.id(), target, "sandbox", "?", clock.instant()));

            Post marked = recovery.markPublished(
                    workspace.id(), post.id(), target, URI.create("https://example.com/krusty/posts/42"));
            awaitIdle();

            Target settled = marked.targets().getFirst();
            assertThat(settled.status()).isEqualTo(TargetStatus.PUBLISHED);
            assertThat(settled.platformPostId()).isNull();
            assertThat(settled.comment().status()).isEqualTo(CommentStatus.FAILED);
            assertThat(settled.comment().lastError())
                    .isEqualTo("Herald cannot tell the post's id on Sandbox from the address it was marked published"
                            + " at, so it cannot write the first comment under it. Add the comment on Sandbox"
                            + " yourself.");
            assertThat(unreadKinds(editor)).containsExactly(NotificationKind.POST_COMMENT_FAILED);
            assertThat(notifications
                            .recent(workspace.id(), editor.id(), null, 10)
                            .getFirst()
                            .body())
                    .startsWith("Sandbox @krusty published the post but did not take its first comment: Herald"
                            + " cannot tell the post's id on Sandbox")
                    .as("writing it again cannot work")
                    .doesNotContain("Write the comment again");
        }

        @Test
        void markedPublishedAtTheSandboxsAddressThePostsIdIsKeptAndItsCommentIsDueNow() throws InterruptedException {
            Post post = commented("Marked at the Sandbox", krusty);
            TargetId target = post.targets().getFirst().id();
            state(post, "failed", "'unknown'", "'waiting'");
            String id = UUID.randomUUID().toString();

            Post marked = recovery.markPublished(
                    workspace.id(), post.id(), target, URI.create(sandbox + "/@krusty#post-" + id));
            awaitIdle();

            Target settled = marked.targets().getFirst();
            assertThat(settled.platformPostId()).isEqualTo(id);
            assertThat(settled.comment().status()).isEqualTo(CommentStatus.WAITING);
            assertThat(tenants.call(workspace.id(), () -> jdbc.sql(
                                    "select comment_due_at <= now() from post_targets where id = :id")
                            .param("id", target.value())
                            .query(Boolean.class)
                            .single()))
                    .isTrue();
            assertThat(unreadKinds(editor)).isEmpty();
        }

        Post commented(String body, ConnectionId... accounts) {
            return post(body, "#pizza", accounts);
        }

        /** Puts the post and its targets where a person finds them (SQL expressions for each target's columns). */
        void state(Post post, String status, String target) {
            state(post, status, target, "comment_status");
        }

        void state(Post post, String status, String target, String comment) {
            tenants.run(workspace.id(), () -> {
                jdbc.sql("update posts set status = :status where id = :id")
                        .param("status", status)
                        .param("id", post.id().value())
                        .update();
                jdbc.sql("update post_targets set status = " + target + ", comment_status = " + comment
                                + " where post_id = :id")
                        .param("id", post.id().value())
                        .update();
            });
        }

        List<NotificationKind> unreadKinds(User member) {
            return notifications.recent(workspace.id(), member.id(), null, 20).stream()
                    .filter(Notification::unread)
                    .map(Notification::kind)
                    .distinct()
                    .toList();
        }
    }

    User member(String label, Role role) {
        User user = fixtures.user(label);
        memberships.join(workspace.id(), user.id(), role, Map.of());
        return user;
    }

    Post post(String body, ConnectionId... accounts) {
        return post(body, null, accounts);
    }

    /** A post due in 2030 on {@code accounts}, with {@code firstComment} when not null. */
    Post post(String body, @org.jspecify.annotations.Nullable String firstComment, ConnectionId[] accounts) {
        return posts.create(
                workspace.id(),
                new NewPost(
                        body,
                        null,
                        List.of(),
                        java.util.Arrays.stream(accounts)
                                .map(a -> new NewPost.NewTarget(a, null))
                                .toList(),
                        "2030-01-07T09:00",
                        "Europe/Berlin",
                        false,
                        List.of(),
                        null,
                        firstComment));
    }

    void fail(Post post, int target, String reason) throws InterruptedException {
        publish(new PostFailed(
                workspace.id(), post.id(), post.targets().get(target).id(), "sandbox", reason, clock.instant()));
    }

    void commentFails(Post post, int target, String reason, boolean unknown) throws InterruptedException {
        publish(new PostCommentFailed(
                workspace.id(),
                post.id(),
                post.targets().get(target).id(),
                "sandbox",
                reason,
                unknown,
                clock.instant()));
    }

    void publish(Object event) throws InterruptedException {
        publisher.publishEvent(event);
        awaitIdle();
    }

    void awaitIdle() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!events.idle() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(events.idle()).as("the worker handled every event").isTrue();
    }

    UUID insert(Post post, Instant createdAt) {
        UUID id = UUID.randomUUID();
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into notifications (workspace_id, id, user_id, kind, title, body, link, post_id,
                            created_at, read_at)
                        values (:workspace, :id, :user, 'post_failed', 'Old', 'Old.', '/w/x/posts/1', :post, :at, :at)""")
                .param("workspace", workspace.id().value())
                .param("id", id)
                .param("user", owner.id().value())
                .param("post", post.id().value())
                .param("at", Timestamp.from(createdAt))
                .update());
        return id;
    }

    List<UUID> ids() {
        return tenants.read(workspace.id(), () -> jdbc.sql("select id from notifications where workspace_id = :w")
                .param("w", workspace.id().value())
                .query(UUID.class)
                .list());
    }
}
