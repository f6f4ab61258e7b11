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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.publishing.CommentStatus;
import herald.publishing.Post;
import herald.publishing.Posts;
import herald.publishing.ThreadPart;
import herald.shared.WorkspaceId;
import herald.tenancy.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Settling a part of a thread from the post's page (ThreadPartsPageController): what viewers and editors see of a
 * failed part, publishing it again (the skipped parts after it follow), and giving an unknown part's address, with
 * each refusal told in the flash rather than as an error page.
 */
@UiTest
class ThreadPartsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Value("${herald.providers.sandbox.base-url}")
    String sandbox;

    UiFixtures.Team team;
    WorkspaceId w;
    String handle;
    Post post;
    String path;
    String parts;

    @BeforeEach
    void aThreadWhoseSecondPartFailed() {
        team = fixtures.team();
        w = team.workspace().id();
        handle = "thr" + UiFixtures.tag();
        var account = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, handle);
        post = posts.create(
                w,
                PostsFixtures.onOneAccount(account, "Dough, a thread", "2099-05-01T12:00", null)
                        .withThread(List.of("It rests 48 hours.", "Then it bakes.")));
        path = team.path() + "/posts/" + post.id();
        parts = path + "/targets/" + post.targets().getFirst().id().value() + "/thread/";
        fixtures.tenants.run(w, () -> {
            fixtures.jdbc
                    .sql("update post_targets set status = 'published', platform_post_id = 'p-1', published_at = now()"
                            + " where post_id = :post")
                    .param("post", post.id().value())
                    .update();
            fixtures.jdbc
                    .sql(
                            """
                            update post_thread_parts set status = case position when 1 then 'failed' else 'skipped' end,
                                attempts = case position when 1 then 1 else 0 end,
                                error = case position when 1 then 'The platform said no.'
                                        else 'Part 2 of the thread was not published.' end
                            where post_id = :post""")
                    .param("post", post.id().value())
                    .update();
        });
    }

    @Test
    void viewersSeeTheFailedPartAndEditorsPublishItAgainWithThePartsAfterIt() throws Exception {
        var viewer = fixtures.member(team, Role.VIEWER);
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(get(path).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-part-status=\"failed\"")))
                .andExpect(content().string(containsString("The platform said no.")))
                .andExpect(content().string(not(containsString("Publish this part again"))));
        mvc.perform(post(parts + "2/publish-again").with(csrf()).with(as(viewer)))
                .andExpect(status().isForbidden());
        assertThat(statuses()).containsExactly(CommentStatus.FAILED, CommentStatus.SKIPPED);
        mvc.perform(get(path).with(as(editor))).andExpect(content().string(containsString("Publish this part again")));

        mvc.perform(post(parts + "2/publish-again").with(csrf()).with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "notice", "Publishing part 2 of the thread again now; the parts after it follow."));

        assertThat(statuses()).containsExactly(CommentStatus.WAITING, CommentStatus.WAITING);
        mvc.perform(post(parts + "2/publish-again").with(csrf()).with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("part")));
        mvc.perform(post(parts + "1/publish-again").with(csrf()).with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("2")));
    }

    @Test
    void anUnknownPartIsMarkedThereOnlyByItsOwnAddress() throws Exception {
        fixtures.tenants.run(w, () -> fixtures.jdbc
                .sql("update post_thread_parts set status = 'unknown', error = 'No answer in time.' where position = 1"
                        + " and post_id = :post")
                .param("post", post.id().value())
                .update());
        var editor = fixtures.member(team, Role.EDITOR);
        mvc.perform(get(path).with(as(editor)))
                .andExpect(content().string(containsString("Herald cannot tell whether it was published")))
                .andExpect(content().string(containsString("Found it? Its address")));

        mvc.perform(post(parts + "2/confirm")
                        .param("url", "https://example.com/somewhere")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("the next part answers it")));
        assertThat(statuses().getFirst()).isEqualTo(CommentStatus.UNKNOWN);
        mvc.perform(post(parts + "3/confirm")
                        .param("url", sandbox + "/@" + handle + "#post-" + java.util.UUID.randomUUID())
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("Only a part Herald could not tell")));

        String address = sandbox + "/@" + handle + "#post-" + java.util.UUID.randomUUID();
        mvc.perform(post(parts + "2/confirm").param("url", address).with(csrf()).with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Part 2 is marked as there; the thread goes on from it."));

        ThreadPart second =
                posts.get(w, post.id()).targets().getFirst().thread().getFirst();
        assertThat(second.status()).isEqualTo(CommentStatus.POSTED);
        assertThat(second.url()).hasToString(address);
    }

    private List<CommentStatus> statuses() {
        return posts.get(w, post.id()).targets().getFirst().thread().stream()
                .map(ThreadPart::status)
                .toList();
    }
}
