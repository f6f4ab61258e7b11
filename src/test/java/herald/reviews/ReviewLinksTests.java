package herald.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.OwnerDatabase;
import herald.TenantFixtures;
import herald.audit.Actor;
import herald.audit.AuditContext;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.PostApprovals;
import herald.publishing.PostNotes;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.publishing.Provenance;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.NotPermitted;
import herald.shared.WorkspaceId;
import herald.tenancy.SignUp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A review link shows a client the posts of its scope, and nothing else: not drafts, not another workspace's posts,
 * not after it expired or was revoked. Its token is stored only as a hash. Comments become notes by a reviewer;
 * approving and requesting changes work only where the link allows it, on posts awaiting approval in its scope.
 */
@SpringBootTest
@org.springframework.test.context.event.RecordApplicationEvents
class ReviewLinksTests {

    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    ApplicationContext context;

    @Autowired
    ReviewLinks links;

    @Autowired
    Reviews reviews;

    @Autowired
    Posts posts;

    @Autowired
    PostNotes notes;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FlywayConnectionDetails ownerDetails;

    WorkspaceId workspace;
    SignUp.Result owner;
    ConnectionId krusty;
    ConnectionId hults;
    Instant now = Instant.now();

    @BeforeEach
    void aWorkspaceWithTwoAccounts() {
        owner = TenantFixtures.of(context).signUp("Reviewed", "pro");
        workspace = owner.workspace().orElseThrow().id();
        krusty = TenantFixtures.sandboxAccount(tenants, jdbc, workspace, "krusty" + tag());
        hults = TenantFixtures.sandboxAccount(tenants, jdbc, workspace, "hults" + tag());
    }

    @Test
    void storesOnlyTheHashOfTheToken() throws Exception {
        IssuedReviewLink issued = links.create(
                workspace, draft("Acme marketing team", true), owner.user().id());

        String stored = OwnerDatabase.jdbc(ownerDetails)
                .sql("select row_to_json(r)::text from review_links r where id = :id")
                .param("id", issued.link().id().value())
                .query(String.class)
                .single();
        byte[] hash = OwnerDatabase.jdbc(ownerDetails)
                .sql("select token_hash from review_links where id = :id")
                .param("id", issued.link().id().value())
                .query(byte[].class)
                .single();

        assertThat(issued.token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(stored).doesNotContain(issued.token());
        assertThat(hash)
                .isEqualTo(MessageDigest.getInstance("SHA-256")
                        .digest(issued.token().getBytes(StandardCharsets.UTF_8)));
        assertThat(issued.toString()).doesNotContain(issued.token());
        String audited = OwnerDatabase.jdbc(ownerDetails)
                .sql("select string_agg(details::text, ' ') from audit_events where workspace_id = :w"
                        + " and action = 'review_link.created'")
                .param("w", workspace.value())
                .query(String.class)
                .single();
        assertThat(audited).contains("Acme marketing team").doesNotContain(issued.token());
        assertThat(reviews.open(issued.token()).workspaceName())
                .isEqualTo(owner.workspace().orElseThrow().name());
    }

    @Test
    void showsThePostsOfItsRangeAccountsAndTagButNoDraftsOrCancelledPosts() {
        Post inRange = scheduled("In range on Krusty", krusty, days(3), List.of("promo"));
        Post otherAccount = scheduled("In range on Hults", hults, days(3).plusHours(1), List.of("promo"));
        Post untagged = scheduled("In range, untagged", krusty, days(4), List.of());
        Post later = scheduled("After the range", krusty, days(20), List.of("promo"));
        Post pending = awaitingApproval("Awaiting approval", krusty, days(5));
        Post draft = draft("A draft", krusty, days(3));
        Post cancelled = posts.cancel(
                workspace, scheduled("Cancelled", krusty, days(3), List.of()).id());
        Post published = published(scheduled("Published", krusty, days(2), List.of()));
        assertThat(draft.status()).isEqualTo(PostStatus.DRAFT);
        assertThat(cancelled.status()).isEqualTo(PostStatus.CANCELLED);

        var all = links.create(workspace, scoped("All", now, now.plus(days(10)), List.of(), null), null);
        var krustyOnly =
                links.create(workspace, scoped("Krusty", now, now.plus(days(10)), List.of(krusty), null), null);
        var promo = links.create(workspace, scoped("Promo", now, now.plus(days(10)), List.of(), "PROMO"), null);

        assertThat(bodies(all))
                .containsExactly(
                        "Published",
                        "In range on Krusty",
                        "In range on Hults",
                        "In range, untagged",
                        "Awaiting approval");
        assertThat(bodies(krustyOnly))
                .containsExactly("Published", "In range on Krusty", "In range, untagged", "Awaiting approval");
        assertThat(bodies(promo)).containsExactly("In range on Krusty", "In range on Hults");
        assertThat(reviews.open(all.token()).posts())
                .extracting(ReviewedPost::status)
                .contains(PostStatus.PUBLISHED, PostStatus.PENDING_APPROVAL, PostStatus.SCHEDULED)
                .doesNotContain(PostStatus.DRAFT, PostStatus.CANCELLED);
        assertThat(List.of(inRange, otherAccount, untagged, later, pending, published))
                .allSatisfy(p -> assertThat(reviews.open(all.token()).posts())
                        .extracting(ReviewedPost::ref)
                        .doesNotContain(p.id().toString()));
    }

    @Test
    void eachAccountShowsTheFirstCommentItWillGetItsOwnOrThePosts() {
        posts.create(
                workspace,
                new NewPost(
                        "With comments",
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(krusty, null), new NewPost.NewTarget(hults, null, "Hults' own")),
                        local(days(3)),
                        "Europe/Berlin",
                        false,
                        List.of(),
                        null,
                        "#pizza #springfield"));
        scheduled("Without a comment", krusty, days(4), List.of());
        var link = links.create(workspace, scoped("All", now, now.plus(days(10)), List.of(), null), null);

        var shown = reviews.open(link.token()).posts();

        assertThat(shown.getFirst().versions())
                .extracting(ReviewedPost.Version::firstComment)
                .containsExactlyInAnyOrder("#pizza #springfield", "Hults' own");
        assertThat(shown.getLast().versions())
                .extracting(ReviewedPost.Version::firstComment)
                .containsOnlyNulls();
    }

    @Test
    void expiredRevokedAndUnknownLinksAreRefusedAlike() {
        var expired = links.create(workspace, draft("Expired", false), null);
        var revoked = links.create(workspace, draft("Revoked", false), null);
        var active = links.create(workspace, draft("Active", false), null);
        OwnerDatabase.jdbc(ownerDetails)
                .sql("update review_links set created_at = now() - interval '20 days',"
                        + " expires_at = now() - interval '1 minute' where id = :id")
                .param("id", expired.link().id().value())
                .update();
        ReviewLink withdrawn = links.revoke(workspace, revoked.link().id());

        String unknownMessage = message(() -> reviews.open("not-a-token-" + tag()));
        assertThat(message(() -> reviews.open(expired.token()))).isEqualTo(unknownMessage);
        assertThat(message(() -> reviews.open(revoked.token()))).isEqualTo(unknownMessage);
        assertThat(message(() -> reviews.open(""))).isEqualTo(unknownMessage);
        assertThat(message(() -> reviews.comment(revoked.token(), "x", new Reviewer("Marge"), "Hi")))
                .isEqualTo(unknownMessage);
        assertThat(withdrawn.statusAt(Instant.now())).isEqualTo(ReviewLink.Status.REVOKED);
        assertThat(links.require(workspace, expired.link().id()).statusAt(Instant.now()))
                .isEqualTo(ReviewLink.Status.EXPIRED);
        assertThat(reviews.open(active.token()).label()).isEqualTo("Active");
        assertThat(links.require(workspace, active.link().id()).lastUsedAt()).isNotNull();
        assertThat(links.revoke(workspace, revoked.link().id()).revokedAt())
                .as("revoking again changes nothing")
                .isEqualTo(withdrawn.revokedAt());
        assertThat(auditCount("review_link.revoked")).isEqualTo(1);
    }

    @Test
    void refusesBadDraftsNamingTheField() {
        assertThat(field(() -> links.create(workspace, scoped(" ", now, now.plus(days(1)), List.of(), null), null)))
                .isEqualTo("label");
        assertThat(field(() -> links.create(workspace, scoped("X", now, now.minus(days(1)), List.of(), null), null)))
                .isEqualTo("to");
        assertThat(field(() -> links.create(
                        workspace, scoped("X", now, now.plus(Duration.ofDays(400)), List.of(), null), null)))
                .isEqualTo("to");
        assertThat(field(() -> links.create(
                        workspace, new ReviewLinkDraft("X", now, now.plus(days(1)), List.of(), null, false, 91), null)))
                .isEqualTo("expiresInDays");
        assertThat(field(() -> links.create(
                        workspace, new ReviewLinkDraft("X", now, now.plus(days(1)), List.of(), null, false, 0), null)))
                .isEqualTo("expiresInDays");
        var ninety = links.create(
                workspace, new ReviewLinkDraft("X", now, now.plus(days(1)), List.of(), null, false, 90), null);
        assertThat(Duration.between(ninety.link().createdAt(), ninety.link().expiresAt()))
                .isEqualTo(Duration.ofDays(90));
        assertThat(Duration.between(
                        links.create(workspace, draft("Default", false), null)
                                .link()
                                .createdAt(),
                        links.create(workspace, draft("Default", false), null)
                                .link()
                                .expiresAt()))
                .isBetween(
                        Duration.ofDays(14).minusSeconds(5), Duration.ofDays(14).plusSeconds(5));
    }

    @Test
    void aLinkNeverShowsAnotherWorkspacesPostsAndItsRowIsInvisibleToOtherTenants() {
        SignUp.Result other = TenantFixtures.of(context).signUp("Other", "pro");
        WorkspaceId theirs = other.workspace().orElseThrow().id();
        ConnectionId theirAccount = TenantFixtures.sandboxAccount(tenants, jdbc, theirs, "theirs" + tag());
        Post theirPost = posts.create(
                theirs,
                new NewPost(
                        "Their secret plan",
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(theirAccount, null)),
                        local(days(3)),
                        "Europe/Berlin",
                        false));
        scheduled("Ours", krusty, days(3), List.of());

        assertThat(field(() -> links.create(
                        workspace, scoped("Sneaky", now, now.plus(days(10)), List.of(theirAccount), null), null)))
                .isEqualTo("accounts");
        var ours = links.create(workspace, scoped("Ours", now, now.plus(days(10)), List.of(), null), null);
        assertThat(bodies(ours)).containsExactly("Ours").doesNotContain(theirPost.body());

        assertThat(links.find(theirs, ours.link().id())).isEmpty();
        assertThat(links.page(theirs, null, 100)).isEmpty();
        assertThat(tenants.call(theirs, () -> jdbc.sql("select count(*) from review_links where id = :id")
                        .param("id", ours.link().id().value())
                        .query(Integer.class)
                        .single()))
                .isZero();
        assertThat(jdbc.sql("select count(*) from review_links")
                        .query(Integer.class)
                        .single())
                .as("outside any tenant scope the runtime role sees no link")
                .isZero();
        assertThat(OwnerDatabase.jdbc(ownerDetails)
                        .sql("select relrowsecurity and relforcerowsecurity from pg_class where relname ="
                                + " 'review_links'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aCommentBecomesANoteByTheReviewerNamedAfterTheLink() {
        Post post = scheduled("Pizza Friday", krusty, days(3), List.of());
        var link = links.create(workspace, draft("Acme marketing team", false), null);
        String ref = refOf(link, "Pizza Friday");

        reviews.comment(link.token(), ref, new Reviewer("  Marge Simpson "), "Less cheese, please.");
        // The team hears of it (the notification centre listens).
        assertThat(events.stream(ReviewFeedback.class)).singleElement().satisfies(feedback -> {
            assertThat(feedback.kind()).isEqualTo(ReviewFeedback.Kind.COMMENTED);
            assertThat(feedback.text()).isEqualTo("Less cheese, please.");
            assertThat(feedback.reviewer()).startsWith("Marge Simpson (via review link '");
            assertThat(feedback.workspace()).isEqualTo(workspace);
        });

        assertThat(notes.of(workspace, post.id())).singleElement().satisfies(note -> {
            assertThat(note.body()).isEqualTo("Less cheese, please.");
            assertThat(note.authorType()).isEqualTo("reviewer");
            assertThat(note.authorId()).isEqualTo(link.link().id().toString());
            assertThat(note.authorLabel()).isEqualTo("Marge Simpson (via review link 'Acme marketing team')");
        });
        assertThat(auditActor("post.note_added"))
                .containsEntry("actor_type", "reviewer")
                .containsEntry("actor_label", "Marge Simpson (via review link 'Acme marketing team')");
        assertThat(reviews.open(link.token()).posts().getFirst().notes())
                .singleElement()
                .satisfies(n -> assertThat(n.byReviewer()).isTrue());
        assertThatThrownBy(() -> reviews.comment(link.token(), ref, new Reviewer("Marge"), "  "))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new Reviewer(" ")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void showsTheTeamsNotesAndThisLinksButNotAgentsOrOtherLinks() {
        Post post = scheduled("Noted", krusty, days(3), List.of());
        var mine = links.create(workspace, draft("Mine", false), null);
        var another = links.create(workspace, draft("Another client", false), null);
        as(
                new Actor(
                        Actor.Type.USER,
                        owner.user().id().toString(),
                        owner.user().email()),
                () -> notes.add(workspace, post.id(), "Team reply"));
        as(
                new Actor(Actor.Type.AGENT, UUID.randomUUID().toString(), "Bot"),
                () -> notes.add(workspace, post.id(), "Internal agent chatter"));
        reviews.comment(another.token(), refOf(another, "Noted"), new Reviewer("Bart"), "Other client's view");
        reviews.comment(mine.token(), refOf(mine, "Noted"), new Reviewer("Marge"), "My view");

        var shown = reviews.open(mine.token()).posts().getFirst().notes();

        assertThat(shown).extracting(ReviewedPost.Note::body).containsExactly("Team reply", "My view");
        assertThat(shown.getFirst().author())
                .isEqualTo(owner.workspace().orElseThrow().name() + " team")
                .doesNotContain(owner.user().email());
    }

    @Test
    void approvesOnlyWhenAllowedAndOnlyPostsAwaitingApprovalInScope() {
        Post pending = awaitingApproval("Please approve", krusty, days(3));
        Post scheduled = scheduled("Already scheduled", krusty, days(3), List.of());
        Post outside = awaitingApproval("Outside the range", krusty, days(20));
        var commentOnly = links.create(workspace, draft("Comment only", false), null);
        var approving = links.create(workspace, draft("Approving", true), null);
        var reviewer = new Reviewer("Marge");

        assertThatThrownBy(() -> reviews.approve(commentOnly.token(), refOf(commentOnly, "Please approve"), reviewer))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> reviews.approve(approving.token(), refOf(approving, "Already scheduled"), reviewer))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> reviews.approve(approving.token(), refOf(commentOnly, "Please approve"), reviewer))
                .as("a reference made for another link names nothing here")
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> reviews.approve(approving.token(), pending.id().toString(), reviewer))
                .as("Herald's own ids name nothing here")
                .isInstanceOf(NotFound.class);
        assertThat(posts.get(workspace, pending.id()).status()).isEqualTo(PostStatus.PENDING_APPROVAL);

        reviews.approve(approving.token(), refOf(approving, "Please approve"), reviewer);

        assertThat(posts.get(workspace, pending.id()).status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(posts.get(workspace, outside.id()).status()).isEqualTo(PostStatus.PENDING_APPROVAL);
        assertThat(posts.get(workspace, scheduled.id()).status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(auditActor("post.approved"))
                .containsEntry("actor_type", "reviewer")
                .containsEntry("actor_id", approving.link().id().toString())
                .containsEntry("actor_label", "Marge (via review link 'Approving')");
    }

    @Test
    void requestingChangesCancelsThePostWithTheReviewersNote() {
        Post pending = awaitingApproval("Off-brand", krusty, days(3));
        var approving = links.create(workspace, draft("Approving", true), null);
        String ref = refOf(approving, "Off-brand");

        assertThatThrownBy(() -> reviews.requestChanges(approving.token(), ref, new Reviewer("Marge"), " "))
                .isInstanceOf(InvalidInput.class);
        reviews.requestChanges(approving.token(), ref, new Reviewer("Marge"), "Not our tone");

        assertThat(posts.get(workspace, pending.id()).status()).isEqualTo(PostStatus.CANCELLED);
        assertThat(notes.of(workspace, pending.id())).singleElement().satisfies(note -> {
            assertThat(note.body()).isEqualTo("Rejected: Not our tone");
            assertThat(note.authorType()).isEqualTo("reviewer");
            assertThat(note.authorLabel()).isEqualTo("Marge (via review link 'Approving')");
        });
        assertThat(bodies(approving)).as("a cancelled post leaves the review").doesNotContain("Off-brand");
    }

    @Test
    void requestingChangesOfAPersonsPostSendsItBackToTheirDrafts() {
        Post pending = posts.create(
                workspace,
                newPost("Too loud", krusty, days(3), false, List.of()),
                Provenance.of(
                        Provenance.Origin.UI,
                        new Actor(Actor.Type.USER, UUID.randomUUID().toString(), "lisa@example.com")),
                true);
        var approving = links.create(workspace, draft("Approving", true), null);

        reviews.requestChanges(approving.token(), refOf(approving, "Too loud"), new Reviewer("Marge"), "Quieter");

        assertThat(posts.get(workspace, pending.id()).status()).isEqualTo(PostStatus.DRAFT);
        assertThat(context.getBean(PostApprovals.class).sentBack(workspace, pending.id()))
                .hasValueSatisfying(back -> {
                    assertThat(back.note()).isEqualTo("Quieter");
                    assertThat(back.by()).isEqualTo("Marge (via review link 'Approving')");
                });
        assertThat(bodies(approving)).as("a draft leaves the review too").doesNotContain("Too loud");
    }

    // --- fixtures

    ReviewLinkDraft draft(String label, boolean mayApprove) {
        return new ReviewLinkDraft(label, now, now.plus(days(10)), List.of(), null, mayApprove, null);
    }

    ReviewLinkDraft scoped(String label, Instant from, Instant to, List<ConnectionId> accounts, String tag) {
        return new ReviewLinkDraft(label, from, to, accounts, tag, false, null);
    }

    Post scheduled(String body, ConnectionId account, Duration ahead, List<String> tags) {
        return posts.create(workspace, newPost(body, account, ahead, false, tags));
    }

    Post draft(String body, ConnectionId account, Duration ahead) {
        return posts.create(workspace, newPost(body, account, ahead, true, List.of()));
    }

    Post awaitingApproval(String body, ConnectionId account, Duration ahead) {
        return posts.create(
                workspace,
                newPost(body, account, ahead, false, List.of()),
                Provenance.of(Provenance.Origin.SYSTEM, Actor.system()),
                true);
    }

    NewPost newPost(String body, ConnectionId account, Duration ahead, boolean draft, List<String> tags) {
        return new NewPost(
                body,
                null,
                List.of(),
                List.of(new NewPost.NewTarget(account, null)),
                local(ahead),
                "Europe/Berlin",
                draft,
                tags);
    }

    /** As the dispatcher leaves a post once its account published it. */
    Post published(Post post) {
        tenants.run(workspace, () -> {
            jdbc.sql("update posts set status = 'published' where workspace_id = :w and id = :p")
                    .param("w", workspace.value())
                    .param("p", post.id().value())
                    .update();
            jdbc.sql("update post_targets set status = 'published', published_at = now() where workspace_id = :w"
                            + " and post_id = :p")
                    .param("w", workspace.value())
                    .param("p", post.id().value())
                    .update();
        });
        return posts.get(workspace, post.id());
    }

    List<String> bodies(IssuedReviewLink link) {
        return reviews.open(link.token()).posts().stream()
                .map(p -> p.versions().getFirst().body())
                .toList();
    }

    String refOf(IssuedReviewLink link, String body) {
        return reviews.open(link.token()).posts().stream()
                .filter(p -> p.versions().getFirst().body().equals(body))
                .findFirst()
                .orElseThrow()
                .ref();
    }

    Map<String, Object> auditActor(String action) {
        return OwnerDatabase.jdbc(ownerDetails)
                .sql("select actor_type, actor_id, actor_label from audit_events where workspace_id = :w"
                        + " and action = :action order by seq desc limit 1")
                .param("w", workspace.value())
                .param("action", action)
                .query()
                .singleRow();
    }

    int auditCount(String action) {
        return OwnerDatabase.jdbc(ownerDetails)
                .sql("select count(*) from audit_events where workspace_id = :w and action = :action")
                .param("w", workspace.value())
                .param("action", action)
                .query(Integer.class)
                .single();
    }

    static void as(Actor actor, Runnable work) {
        try (var ignored = AuditContext.bind(new AuditContext.Origin(actor, null, null))) {
            work.run();
        }
    }

    static String message(Runnable work) {
        try {
            work.run();
        } catch (ReviewLinkUnusable e) {
            return e.getMessage();
        }
        throw new AssertionError("the link worked");
    }

    static String field(Runnable work) {
        try {
            work.run();
        } catch (InvalidInput e) {
            return e.field();
        }
        throw new AssertionError("accepted");
    }

    static Duration days(int n) {
        return Duration.ofDays(n);
    }

    static String local(Duration ahead) {
        return LOCAL.format(Instant.now().plus(ahead).atZone(BERLIN));
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
