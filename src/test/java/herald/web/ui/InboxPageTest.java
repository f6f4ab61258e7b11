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

import herald.inbox.Inbox;
import herald.inbox.InboxComment;
import herald.publishing.Post;
import herald.publishing.Posts;
import herald.shared.WorkspaceId;
import herald.tenancy.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The inbox page: every member reads the comments under the workspace's posts, newest first, with the post they are
 * under and what they answer; editors mark them done and open them again, and an empty answer is refused in words.
 * The navigation counts the open ones. Answers that reach the platform: herald.inbox.InboxEndToEndTests.
 */
@UiTest
class InboxPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    Inbox inbox;

    @Test
    void membersReadTheInboxEditorsMarkCommentsDone() throws Exception {
        var team = fixtures.team();
        var viewer = fixtures.member(team, Role.VIEWER);
        var editor = fixtures.member(team, Role.EDITOR);
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        Post post = PostsFixtures.scheduled(
                posts, team.workspace().id(), krusty, "Our new Krusty Burger pizza", "2099-05-14T10:00");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PostsFixtures.published(fixtures.tenants, fixtures.jdbc, post, now.minusSeconds(3600), "{}", 0, 0);
        UUID moe =
                comment(team.workspace().id(), post, "c-1", null, "Moe Szyslak", "Is it spicy?", now.minusSeconds(60));
        UUID lisa = comment(team.workspace().id(), post, "c-2", "c-1", "Lisa", "It is, <b>a little</b>.", now);

        mvc.perform(get(team.path() + "/inbox").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Is it spicy?")))
                .andExpect(content().string(containsString("It is, &lt;b&gt;a little&lt;/b&gt;.")))
                .andExpect(content().string(containsString("↳ answering Moe Szyslak")))
                .andExpect(content().string(containsString("“Our new Krusty Burger pizza”")))
                .andExpect(content().string(containsString(">@moe_szyslak<")))
                .andExpect(content().string(not(containsString("@visitor:"))))
                .andExpect(content().string(containsString("aria-label=\"2 open\">2<")))
                .andExpect(content().string(not(containsString("Send answer"))))
                .andExpect(content().string(not(containsString("Mark done"))));
        String page = mvc.perform(get(team.path() + "/inbox").with(as(editor)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page.indexOf("It is, &lt;b&gt;")).isLessThan(page.indexOf("Is it spicy?")); // newest first
        assertThat(page).contains("Send answer").contains("Mark done").contains("Check now");

        mvc.perform(post(team.path() + "/inbox/" + moe + "/done").with(csrf()).with(as(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/inbox/" + moe + "/done")
                        .param("back", team.path() + "/inbox?status=all")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(redirectedUrl(team.path() + "/inbox?status=all"))
                .andExpect(flash().attribute("notice", "Marked done: Moe Szyslak’s comment."));
        assertThat(inbox.openCount(team.workspace().id())).isEqualTo(1);
        mvc.perform(get(team.path() + "/inbox").with(as(editor)))
                .andExpect(content().string(not(containsString("Is it spicy?"))))
                .andExpect(content().string(containsString("aria-label=\"1 open\">1<")));
        mvc.perform(get(team.path() + "/inbox").param("status", "done").with(as(editor)))
                .andExpect(content().string(containsString("Is it spicy?")))
                .andExpect(content().string(containsString("Open again")))
                .andExpect(content().string(not(containsString("a little"))));

        // An empty answer is refused in words; a back link off the inbox is not followed.
        mvc.perform(post(team.path() + "/inbox/" + lisa + "/reply")
                        .param("text", " ")
                        .param("back", "https://evil.example/inbox")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(redirectedUrl(team.path() + "/inbox#comment-" + lisa))
                .andExpect(flash().attribute("problem", "Write an answer."));

        mvc.perform(post(team.path() + "/inbox/" + moe + "/reopen").with(csrf()).with(as(editor)))
                .andExpect(flash().attribute("notice", "Moe Szyslak’s comment is open again."));
        InboxComment reopened = inbox.require(team.workspace().id(), new herald.inbox.InboxCommentId(moe));
        assertThat(reopened.open()).isTrue();

        // An answer the platform may have taken without saying so is shown under the comment, in words.
        fixtures.tenants.run(team.workspace().id(), () -> fixtures.jdbc
                .sql(
                        """
                        update inbox_comments set uncertain_text = 'Mild, we promise.', uncertain_since = now()
                         where id = :id""")
                .param("id", moe)
                .update());
        mvc.perform(get(team.path() + "/inbox").with(as(editor)))
                .andExpect(content().string(containsString("data-test=\"inbox-uncertain\"")))
                .andExpect(content().string(containsString("An answer may have been posted")))
                .andExpect(content().string(containsString("Mild, we promise.")))
                .andExpect(content().string(containsString("so it is never posted twice")));

        // Another workspace's editor cannot touch it.
        var other = fixtures.team();
        mvc.perform(post(other.path() + "/inbox/" + moe + "/done").with(csrf()).with(as(other.owner())))
                .andExpect(status().isNotFound());
        assertThat(inbox.openCount(team.workspace().id())).isEqualTo(2);
    }

    private UUID comment(
            WorkspaceId workspace,
            Post post,
            String externalId,
            String replyTo,
            String name,
            String text,
            Instant writtenAt) {
        UUID id = UUID.randomUUID();
        var target = post.targets().getFirst();
        fixtures.tenants.run(workspace, () -> fixtures.jdbc
                .sql(
                        """
                        insert into inbox_comments (workspace_id, id, target_id, post_id, connection_id, provider,
                            external_id, reply_to, author_handle, author_name, text, written_at, found_at)
                        values (:w, :id, :t, :p, :c, 'sandbox', :external, :replyTo, :handle, :name, :text, :at, now())""")
                .param("w", workspace.value())
                .param("id", id)
                .param("t", target.id().value())
                .param("p", post.id().value())
                .param("c", target.connection().value())
                .param("external", externalId)
                .param("replyTo", replyTo)
                .param(
                        "handle",
                        replyTo == null
                                ? name.toLowerCase(java.util.Locale.ROOT).replace(' ', '_')
                                : "visitor:" + name.toLowerCase(java.util.Locale.ROOT))
                .param("name", name)
                .param("text", text)
                .param("at", java.sql.Timestamp.from(writtenAt))
                .update());
        return id;
    }
}
