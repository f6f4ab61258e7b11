package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.identity.User;
import herald.notifications.NotificationKind;
import herald.notifications.Notifications;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.PostQuery;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.tenancy.Role;
import herald.tenancy.WorkspaceRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The approval workflow in the UI: an admin turns it on in Settings; an editor's composed post waits, the composer and
 * the approvals page say so, only owners and admins decide, the author hears of a rejection with its note, and an
 * editor cannot hand a client a link that approves.
 */
@UiTest
class ApprovalWorkflowPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    WorkspaceRules workspaceRules;

    @Autowired
    Notifications notifications;

    @Test
    void anAdminTurnsItOnInSettingsAndAnEditorCannot() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);
        var admin = fixtures.member(team, Role.ADMIN);

        assertThat(page(team.path() + "/settings", admin))
                .contains("id=\"approvals-heading\"")
                .contains("Require approval of editors’ posts");
        mvc.perform(post(team.path() + "/settings/approvals")
                        .param("required", "true")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().isForbidden());
        assertThat(workspaceRules.requiresApproval(team.workspace().id())).isFalse();

        mvc.perform(post(team.path() + "/settings/approvals")
                        .param("required", "true")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(redirectedUrl(team.path() + "/settings#approvals"))
                .andExpect(
                        flash().attribute(
                                        "notice",
                                        "Approval required: what editors publish or schedule now waits for an owner or admin."));
        assertThat(workspaceRules.requiresApproval(team.workspace().id())).isTrue();
        assertThat(page(team.path() + "/settings", admin))
                .contains("data-test=\"approval-required\"")
                .contains("Let editors publish on their own");
        assertThat(page(team.path() + "/audit", admin)).contains("required approval of editors&#39; posts");
    }

    @Test
    void anEditorsPostWaitsAndOnlyAnAdminDecides() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var editor = fixtures.member(team, Role.EDITOR);
        var admin = fixtures.member(team, Role.ADMIN);
        workspaceRules.requireApproval(team.workspace().id(), true);

        assertThat(page(team.path() + "/compose", editor))
                .contains(">Submit for approval</button>")
                .contains("data-test=\"approval-hint\"");
        assertThat(page(team.path() + "/compose", admin))
                .as("an admin's posts do not wait")
                .contains(">Publish</button>")
                .doesNotContain("data-test=\"approval-hint\"");

        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(editor))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Two for one on Tuesdays")
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-01T09:30"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "notice",
                                "Submitted for approval: an owner or admin approves it before it is published (due 1"
                                        + " Mar 2099, 09:30)."));
        Post waiting = only(team, PostStatus.PENDING_APPROVAL);
        assertThat(page(team.path() + "/posts/" + waiting.id(), editor)).contains("data-test=\"awaiting-approval\"");
        assertThat(page(team.path() + "/calendar?date=2099-03-01", editor))
                .as("the calendar marks it as not going out yet")
                .contains("calendar-entry is-pending_approval")
                .contains("data-test=\"approval-label\">Awaits approval</span>");

        String editorsView = page(team.path() + "/approvals", editor);
        assertThat(editorsView)
                .contains("data-test=\"decided-by-others\"")
                .contains("Two for one on Tuesdays")
                .doesNotContain("data-test=\"approve\"");
        mvc.perform(post(team.path() + "/approvals/" + waiting.id() + "/approve")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute(
                                "problem",
                                "Not approved: This workspace has its posts approved by owners and admins: ask one of"
                                        + " them to decide."));
        assertThat(posts.get(team.workspace().id(), waiting.id()).status()).isEqualTo(PostStatus.PENDING_APPROVAL);

        assertThat(page(team.path() + "/approvals", admin))
                .contains("data-test=\"approve\"")
                .contains("Two for one on Tuesdays");
        mvc.perform(post(team.path() + "/approvals/" + waiting.id() + "/approve")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(flash().attribute("notice", "Approved: the post is scheduled."));
        assertThat(posts.get(team.workspace().id(), waiting.id()).status()).isEqualTo(PostStatus.SCHEDULED);
    }

    @Test
    void theAuthorHearsOfARejectionWithItsNoteAndEditorsAreNotAskedToDecide() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var editor = fixtures.member(team, Role.EDITOR);
        var otherEditor = fixtures.member(team, Role.EDITOR);
        var admin = team.owner(); // the free plan has three seats
        workspaceRules.requireApproval(team.workspace().id(), true);

        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(editor))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Half price pizza forever")
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-01T09:30"))
                .andExpect(status().is3xxRedirection());
        Post waiting = only(team, PostStatus.PENDING_APPROVAL);
        awaitNotification(team, admin, NotificationKind.POST_AWAITING_APPROVAL);
        assertThat(kinds(team, otherEditor))
                .as("only those who decide are asked to")
                .doesNotContain(NotificationKind.POST_AWAITING_APPROVAL);

        mvc.perform(post(team.path() + "/approvals/" + waiting.id() + "/reject")
                        .param("note", "We cannot afford that.")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(
                        flash().attribute(
                                        "notice",
                                        "Sent back: it is its author’s draft again, with your note, to change and submit again."));
        assertThat(posts.get(team.workspace().id(), waiting.id()).status())
                .as("a person's rejected post is theirs to fix, not gone")
                .isEqualTo(PostStatus.DRAFT);

        var told = awaitNotification(team, editor, NotificationKind.POST_DECIDED);
        assertThat(told.title()).isEqualTo("Your post was not approved: “Half price pizza forever”");
        assertThat(told.body())
                .contains("“We cannot afford that.”")
                .contains("It is your draft again: change it, then submit it again.");
        assertThat(kinds(team, otherEditor)).doesNotContain(NotificationKind.POST_DECIDED);
        assertThat(kinds(team, admin))
                .as("the decider is not told of their own decision")
                .doesNotContain(NotificationKind.POST_DECIDED);

        // The note is where the author works on it: the post's page, the drafts list and the composer.
        String path = team.path() + "/posts/" + waiting.id();
        assertThat(page(path, editor))
                .contains("data-test=\"sent-back\"")
                .contains(admin.email())
                .contains("We cannot afford that.")
                .contains("data-test=\"sent-back-edit\"");
        assertThat(page(team.path() + "/posts?status=draft", editor)).contains("Sent back: We cannot afford that.");
        assertThat(page(team.path(), editor))
                .as("the author's overview asks for their changes")
                .contains("data-test=\"attention-sent-back\"")
                .contains("Sent back by " + admin.email() + ": “We cannot afford that.”")
                .contains(path + "/edit");
        assertThat(page(team.path(), otherEditor))
                .as("not another member's")
                .doesNotContain("data-test=\"attention-sent-back\"");
        assertThat(page(team.path() + "/approvals", admin))
                .as("deciders follow what they sent back")
                .contains("data-test=\"sent-back-item\"")
                .contains("Written by " + editor.email() + " · sent back by " + admin.email()
                        + ": “We cannot afford that.”");
        assertThat(page(path + "/edit", editor))
                .contains("data-test=\"sent-back\"")
                .contains("Submit for approval");

        edit(team, editor, waiting.id(), "Half price pizza on Tuesdays", "2099-03-01T09:30")
                .andExpect(flash().attribute(
                                "notice",
                                "Saved: it waits for approval (under Approvals) before anything is published."));
        assertThat(posts.get(team.workspace().id(), waiting.id()).status()).isEqualTo(PostStatus.PENDING_APPROVAL);
        assertThat(page(path, editor))
                .as("submitted again, the old note no longer stands over it")
                .doesNotContain("data-test=\"sent-back\"");
        assertThat(page(team.path() + "/approvals", admin)).doesNotContain("data-test=\"sent-back-item\"");
        mvc.perform(post(team.path() + "/approvals/" + waiting.id() + "/approve")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(flash().attribute("notice", "Approved: the post is scheduled."));
        assertThat(posts.get(team.workspace().id(), waiting.id()).status()).isEqualTo(PostStatus.SCHEDULED);
        mvc.perform(post(path + "/edit")
                        .with(csrf())
                        .with(as(admin))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Half price pizza on Tuesdays")
                        .param("action", "draft"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(path, admin))
                .as("a draft again for another reason: no stale rejection")
                .doesNotContain("data-test=\"sent-back\"");
    }

    @Test
    void anEditorsChangeOfWordsSendsAScheduledPostBackButAMoveInTimeDoesNot() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var editor = fixtures.member(team, Role.EDITOR);
        Post scheduled =
                PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Approved words", "2099-03-01T09:30");
        workspaceRules.requireApproval(team.workspace().id(), true);

        assertThat(page(team.path() + "/posts/" + scheduled.id() + "/edit", editor))
                .contains("changing the words, media or accounts sends this post back");
        edit(team, editor, scheduled.id(), "Approved words", "2099-03-02T10:00")
                .andExpect(flash().attribute("notice", "Saved. Scheduled for 1 account."));
        assertThat(posts.get(team.workspace().id(), scheduled.id()).status()).isEqualTo(PostStatus.SCHEDULED);

        edit(team, editor, scheduled.id(), "Sneaky new words", "2099-03-02T10:00")
                .andExpect(flash().attribute(
                                "notice",
                                "Saved: it waits for approval (under Approvals) before anything is published."));
        assertThat(posts.get(team.workspace().id(), scheduled.id()).status()).isEqualTo(PostStatus.PENDING_APPROVAL);
    }

    @Test
    void anEditorCannotShareALinkThatLetsAClientApprove() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);
        workspaceRules.requireApproval(team.workspace().id(), true);

        String refused = mvc.perform(post(team.path() + "/review-links")
                        .param("label", "For the client")
                        .param("from", "2099-03-01")
                        .param("to", "2099-03-31")
                        .param("mayApprove", "true")
                        .param("expiresInDays", "14")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("only they share links that let a client approve");

        mvc.perform(post(team.path() + "/review-links")
                        .param("label", "For the client")
                        .param("from", "2099-03-01")
                        .param("to", "2099-03-31")
                        .param("expiresInDays", "14")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().isOk());
    }

    private org.springframework.test.web.servlet.ResultActions edit(
            UiFixtures.Team team, User who, PostId id, String body, String at) throws Exception {
        var post = posts.get(team.workspace().id(), id);
        return mvc.perform(post(team.path() + "/posts/" + id + "/edit")
                        .with(csrf())
                        .with(as(who))
                        .param(
                                "accounts",
                                post.targets().getFirst().connection().value().toString())
                        .param("body", body)
                        .param("when", "later")
                        .param("scheduledAt", at))
                .andExpect(status().is3xxRedirection());
    }

    private Post only(UiFixtures.Team team, PostStatus status) {
        List<Post> found = posts.list(team.workspace().id(), new PostQuery(status, null, null, null, null, null, 10));
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private List<NotificationKind> kinds(UiFixtures.Team team, User who) {
        return notifications.recent(team.workspace().id(), who.id(), null, 50).stream()
                .map(n -> n.kind())
                .toList();
    }

    private herald.notifications.Notification awaitNotification(UiFixtures.Team team, User who, NotificationKind kind)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var found = notifications.recent(team.workspace().id(), who.id(), null, 50).stream()
                    .filter(n -> n.kind() == kind)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError(who.email() + " was not told of " + kind);
    }

    private String page(String path, User user) throws Exception {
        return mvc.perform(get(java.net.URI.create(path)).with(as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
