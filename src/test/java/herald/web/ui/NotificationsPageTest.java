package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.identity.User;
import herald.notifications.EmailPreference;
import herald.notifications.NotificationEmails;
import herald.notifications.NotificationKind;
import herald.notifications.NotificationMutes;
import herald.notifications.Notifications;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.Posts;
import herald.publishing.Provenance;
import herald.tenancy.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The bell in the header and the notifications page: listing, reading, paging and the preferences form. */
@UiTest
class NotificationsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationMutes mutes;

    @Autowired
    NotificationEmails emails;

    @Autowired
    Posts posts;

    @Test
    void theBellCountsTheMembersUnreadNotificationsOnEveryWorkspacePage() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);
        notification(team, team.owner(), "Owner's first", Instant.now().minusSeconds(60));
        notification(team, team.owner(), "Owner's second", Instant.now());

        String overview = page(team.path(), team.owner());
        assertThat(overview)
                .contains("href=\"" + team.path() + "/notifications\"")
                .contains("aria-label=\"Notifications, 2 unread\"");
        assertThat(all(overview, "data-test=\"bell-count\">([^<]*)<")).containsExactly("2");
        assertThat(all(page(team.path() + "/snippets", team.owner()), "data-test=\"bell-count\">([^<]*)<"))
                .containsExactly("2");

        String editors = page(team.path(), editor);
        assertThat(editors).as("the bell is there").contains("data-test=\"bell\"");
        assertThat(editors)
                .as("but the owner's notifications are not the editor's")
                .contains("aria-label=\"Notifications\"")
                .doesNotContain("bell-count");
        assertThat(page("/workspaces/new", team.owner()))
                .as("outside a workspace there is no bell")
                .doesNotContain("data-test=\"bell\"");
    }

    @Test
    void listsNewestFirstWithUnreadMarkedAndFollowingALinkMarksItRead() throws Exception {
        var team = fixtures.team();
        UUID older = notification(team, team.owner(), "Older one", Instant.now().minusSeconds(120));
        UUID newer = notification(team, team.owner(), "Newer one", Instant.now());
        notifications.markRead(
                team.workspace().id(), team.owner().id(), new herald.notifications.NotificationId(older));

        String list = page(team.path() + "/notifications", team.owner());
        assertThat(all(list, "<li class=\"([^\"]*)\" data-notification=\"([^\"]*)\""))
                .containsExactly("notification unread", "notification");
        assertThat(all(list, "data-notification=\"([^\"]*)\"")).containsExactly(newer.toString(), older.toString());
        assertThat(list)
                .contains("href=\"" + team.path() + "/notifications/" + newer + "/open\"")
                .contains("action=\"" + team.path() + "/notifications/" + newer + "/read\"")
                .as("a read one has nothing to mark")
                .doesNotContain("/notifications/" + older + "/read");

        mvc.perform(get(team.path() + "/notifications/" + newer + "/open").with(as(team.owner())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(team.path() + "/posts/" + postOf.get(newer)));
        assertThat(notifications.unread(team.workspace().id(), team.owner().id()))
                .isZero();
    }

    @Test
    void marksOneReadOrAllReadAndAnotherMembersIsNotFound() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);
        UUID first = notification(team, team.owner(), "First", Instant.now().minusSeconds(60));
        notification(team, team.owner(), "Second", Instant.now().minusSeconds(30));
        notification(team, team.owner(), "Third", Instant.now());
        UUID editors = notification(team, editor, "The editor's", Instant.now());

        mvc.perform(post(team.path() + "/notifications/" + first + "/read")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(redirectedUrl(team.path() + "/notifications"))
                .andExpect(flash().attribute("notice", "Marked as read."));
        assertThat(notifications.unread(team.workspace().id(), team.owner().id()))
                .isEqualTo(2);

        mvc.perform(post(team.path() + "/notifications/" + editors + "/read")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(get(team.path() + "/notifications/" + editors + "/open").with(as(team.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(post(team.path() + "/notifications/read").with(as(team.owner())))
                .andExpect(status().isForbidden());

        mvc.perform(post(team.path() + "/notifications/read").with(csrf()).with(as(team.owner())))
                .andExpect(flash().attribute("notice", "Marked 2 notifications as read."));
        assertThat(notifications.unread(team.workspace().id(), team.owner().id()))
                .isZero();
        assertThat(notifications.unread(team.workspace().id(), editor.id()))
                .as("the editor's stays unread")
                .isEqualTo(1);
        mvc.perform(post(team.path() + "/notifications/read").with(csrf()).with(as(team.owner())))
                .andExpect(flash().attribute("notice", "Nothing was unread."));
    }

    @Test
    void pagesOlderNotificationsTwentyAtATime() throws Exception {
        var team = fixtures.team();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        for (int i = 0; i < 23; i++) {
            notification(team, team.owner(), "Number " + i, start.plusSeconds(i));
        }

        String first = page(team.path() + "/notifications", team.owner());
        assertThat(titles(first))
                .hasSize(20)
                .startsWith("Number 22", "Number 21")
                .endsWith("Number 3");
        List<String> older = all(first, "href=\"([^\"]*)\" data-test=\"older\"");
        assertThat(older).hasSize(1);
        assertThat(older.getFirst()).startsWith(team.path() + "/notifications?before=");

        String second = page(older.getFirst(), team.owner());
        assertThat(titles(second)).containsExactly("Number 2", "Number 1", "Number 0");
        assertThat(second).doesNotContain("data-test=\"older\"");
        assertThat(titles(page(team.path() + "/notifications?before=nonsense", team.owner())))
                .as("a cursor that cannot be read starts at the top")
                .startsWith("Number 22");
    }

    @Test
    void preferencesMuteTheKindsLeftUnticked() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);
        var viewer = fixtures.member(team, Role.VIEWER);

        String form = page(team.path() + "/notifications", editor);
        assertThat(all(form, "name=\"wanted\" value=\"([^\"]*)\""))
                .as("an editor is offered the kinds that reach editors")
                .containsExactly(
                        "post_failed",
                        "post_needs_attention",
                        "post_comment_failed",
                        "post_comment_unknown",
                        "post_thread_failed",
                        "post_awaiting_approval",
                        "post_decided",
                        "post_repeat_stopped",
                        "review_feedback",
                        "inbox_comment");
        assertThat(all(form, "name=\"wanted\" value=\"([^\"]*)\" checked")).hasSize(10);
        assertThat(form).contains("First comments that failed", "First comments that may not have been written");

        mvc.perform(post(team.path() + "/notifications/preferences")
                        .param(
                                "wanted",
                                "post_failed",
                                "post_needs_attention",
                                "post_comment_failed",
                                "review_feedback")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(redirectedUrl(team.path() + "/notifications#preferences"))
                .andExpect(flash().attribute("notice", "Notification preferences saved."));
        assertThat(mutes.of(team.workspace().id(), editor.id()))
                .containsExactly(
                        NotificationKind.POST_COMMENT_UNKNOWN,
                        NotificationKind.POST_THREAD_FAILED,
                        NotificationKind.POST_AWAITING_APPROVAL,
                        NotificationKind.POST_DECIDED,
                        NotificationKind.POST_REPEAT_STOPPED,
                        NotificationKind.INBOX_COMMENT);
        assertThat(all(page(team.path() + "/notifications", editor), "name=\"wanted\" value=\"([^\"]*)\" checked"))
                .containsExactly("post_failed", "post_needs_attention", "post_comment_failed", "review_feedback");

        mvc.perform(post(team.path() + "/notifications/preferences")
                        .param("wanted", "post_failed", "everything")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("problem", "There is no kind of notification called 'everything'."));
        mvc.perform(post(team.path() + "/notifications/preferences")
                        .param("wanted", "connection_needs_reconnect")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute(
                                "problem",
                                "Your role does not receive “Accounts to reconnect”, so it cannot be chosen."));
        assertThat(mutes.of(team.workspace().id(), editor.id()))
                .as("a refused form changes nothing")
                .containsExactly(
                        NotificationKind.POST_COMMENT_UNKNOWN,
                        NotificationKind.POST_THREAD_FAILED,
                        NotificationKind.POST_AWAITING_APPROVAL,
                        NotificationKind.POST_DECIDED,
                        NotificationKind.POST_REPEAT_STOPPED,
                        NotificationKind.INBOX_COMMENT);

        mvc.perform(post(team.path() + "/notifications/preferences")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(flash().attribute("notice", "Notification preferences saved."));
        assertThat(mutes.of(team.workspace().id(), team.owner().id()))
                .as("nothing ticked: everything muted")
                .containsExactlyInAnyOrder(NotificationKind.values());

        mvc.perform(get(team.path() + "/notifications").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("as a viewer you are not notified of anything")))
                .andExpect(content().string(not(containsString("Save preferences"))));
    }

    @Test
    void withoutAMailServerThePageSaysEmailIsNotSetUpAndOffersNoChoice() throws Exception {
        var team = fixtures.team();
        var viewer = fixtures.member(team, Role.VIEWER);

        String page = page(team.path() + "/notifications", team.owner());
        assertThat(page)
                .contains("Email is not set up on this Herald server")
                .doesNotContain("name=\"delivery\"")
                .doesNotContain("Save email settings");
        mvc.perform(post(team.path() + "/notifications/email")
                        .param("delivery", "immediately")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(redirectedUrl(team.path() + "/notifications#email"))
                .andExpect(flash().attribute(
                                "problem", "Email is not set up on this Herald server, so it cannot be chosen."));
        assertThat(emails.of(team.workspace().id(), team.owner().id()))
                .as("a refused choice is not stored")
                .isEqualTo(EmailPreference.DEFAULT);
        assertThat(page(team.path() + "/notifications", viewer))
                .as("a viewer, whom nothing reaches, is not offered email either")
                .doesNotContain("Email is not set up");
    }

    @Test
    void approvingOrRejectingAPostReadsEveryonesApprovalNotificationsAboutIt() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);
        var workspace = team.workspace().id();
        var account = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, workspace, "krusty");
        Post approved = awaitingApproval(workspace, account, "Approve me");
        Post rejected = awaitingApproval(workspace, account, "Reject me");
        Post waiting = awaitingApproval(workspace, account, "Still waiting");
        // The notifications module tells both of them, after the posts committed, on its own thread.
        long deadline = System.currentTimeMillis() + 10_000;
        while ((notifications.unread(workspace, team.owner().id()) < 3
                        || notifications.unread(workspace, editor.id()) < 3)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(notifications.unread(workspace, team.owner().id())).isEqualTo(3);
        assertThat(notifications.unread(workspace, editor.id())).isEqualTo(3);

        mvc.perform(post(team.path() + "/approvals/" + approved.id() + "/approve")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("notice", "Approved: the post is scheduled."));
        mvc.perform(post(team.path() + "/approvals/" + rejected.id() + "/reject")
                        .param("note", "Not our voice.")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("notice", "Rejected: the post will not be published."));

        for (User member : List.of(team.owner(), editor)) {
            var unread = notifications.recent(workspace, member.id(), null, 10).stream()
                    .filter(herald.notifications.Notification::unread)
                    .map(herald.notifications.Notification::post)
                    .toList();
            assertThat(unread).as(member.email()).containsExactly(waiting.id());
        }
    }

    Post awaitingApproval(herald.shared.WorkspaceId workspace, herald.connections.ConnectionId account, String body) {
        return posts.create(
                workspace,
                new NewPost(
                        body,
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(account, null)),
                        "2030-01-07T09:00",
                        "Europe/Berlin",
                        false),
                new Provenance(
                        Provenance.Origin.AGENT_API, "agent", UUID.randomUUID().toString(), "Caption bot"),
                true);
    }

    String page(String path, User user) throws Exception {
        return mvc.perform(get(java.net.URI.create(path)).with(as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The first group of every match of {@code regex} in {@code html}, in order. */
    static List<String> all(String html, String regex) {
        var matcher = Pattern.compile(regex).matcher(html);
        var found = new java.util.ArrayList<String>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    static List<String> titles(String html) {
        return all(html, "data-test=\"notification-link\">([^<]*)<");
    }

    /** The post of each notification made here. */
    final java.util.Map<UUID, UUID> postOf = new java.util.concurrent.ConcurrentHashMap<>();

    /** An unread notification about a new post, as the notifications module stores one. */
    UUID notification(UiFixtures.Team team, User user, String title, Instant at) {
        UUID id = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        var workspace = team.workspace().id();
        fixtures.tenants.run(workspace, () -> {
            fixtures.jdbc
                    .sql("insert into posts (workspace_id, id, body, status) values (:w, :id, :body, 'draft')")
                    .param("w", workspace.value())
                    .param("id", post)
                    .param("body", title)
                    .update();
            fixtures.jdbc
                    .sql(
                            """
                            insert into notifications (workspace_id, id, user_id, kind, title, body, link, post_id,
                                created_at)
                            values (:w, :id, :user, 'post_failed', :title, 'Sandbox @krusty did not publish it: no.',
                                :link, :post, :at)""")
                    .param("w", workspace.value())
                    .param("id", id)
                    .param("user", user.id().value())
                    .param("title", title)
                    .param("link", team.path() + "/posts/" + post)
                    .param("post", post)
                    .param("at", Timestamp.from(at))
                    .update();
        });
        postOf.put(id, post);
        return id;
    }
}
