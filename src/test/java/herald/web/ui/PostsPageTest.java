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

import herald.publishing.NewPost;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.tenancy.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@UiTest
class PostsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    herald.audit.AuditLog audit;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    herald.publishing.ShortLinks shortLinks;

    @Autowired
    herald.tenancy.WorkspaceRules workspaceRules;

    @Autowired
    herald.publishing.PostNotes notes;

    @org.springframework.beans.factory.annotation.Value("${herald.providers.sandbox.base-url}")
    String sandbox;

    @Test
    void listsPostsByStatusAndShowsOneWithItsTargets() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var post = PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Free sprinkles", "2099-05-01T12:00");
        var viewer = fixtures.member(team, Role.VIEWER);

        mvc.perform(get(team.path() + "/posts").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Free sprinkles")))
                .andExpect(content().string(containsString("1 May 2099, 12:00")));
        mvc.perform(get(team.path() + "/posts?status=published").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Free sprinkles"))));
        mvc.perform(get(team.path() + "/posts/" + post.id()).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sandbox @krusty")))
                .andExpect(content().string(containsString("0 attempts")))
                .andExpect(content().string(not(containsString("Cancel post"))));
        mvc.perform(post(team.path() + "/posts/" + post.id() + "/cancel")
                        .with(csrf())
                        .with(as(viewer)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPostHeraldMadeSaysWhatItWasMadeFrom() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var fromFeed = posts.create(
                team.workspace().id(),
                PostsFixtures.onOneAccount(
                        krusty, "New on the blog: the hot honey pepperoni", "2099-05-01T12:00", null),
                new herald.publishing.Provenance(
                        herald.publishing.Provenance.Origin.SYSTEM, "system", null, "Feed “Krusty blog”"),
                false);

        String page = mvc.perform(get(team.path() + "/posts/" + fromFeed.id()).with(as(team.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page.replaceAll("\\s+", " "))
                .contains("Created by Herald from <strong>Feed “Krusty blog”</strong> on")
                .doesNotContain("by Herald on");
    }

    @Test
    void aPostPublishedAtOnceIsListedByWhenItWasPublished() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var draft = posts.create(
                team.workspace().id(),
                new NewPost(
                        "Out of the oven",
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(krusty, null)),
                        null,
                        null,
                        true));
        mvc.perform(get(team.path() + "/posts").with(as(team.owner())))
                .andExpect(content().string(containsString("created ")))
                .andExpect(content().string(not(containsString("published "))));
        // As the dispatcher leaves a post published at once: no scheduled time, its account's publish time.
        fixtures.tenants.run(team.workspace().id(), () -> {
            fixtures.jdbc
                    .sql("update post_targets set status = 'published', published_at = '2026-06-01T10:30:00Z'"
                            + " where workspace_id = ? and post_id = ?")
                    .params(team.workspace().id().value(), draft.id().value())
                    .update();
            fixtures.jdbc
                    .sql("update posts set status = 'published' where workspace_id = ? and id = ?")
                    .params(team.workspace().id().value(), draft.id().value())
                    .update();
        });

        mvc.perform(get(team.path() + "/posts").with(as(team.owner())))
                .andExpect(content().string(containsString("published 1 Jun 2026, 12:30")))
                .andExpect(content().string(not(containsString("created "))));
    }

    @Test
    void aPostThatShortensItsLinksShowsEachShortLinkWithItsClicksOncePublished() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        workspaceRules.shortenLinks(team.workspace().id(), true);
        var post = PostsFixtures.scheduled(
                posts, team.workspace().id(), krusty, "Menu https://krusty.example.com/menu", "2099-05-01T12:00");
        var viewer = fixtures.member(team, Role.VIEWER);

        mvc.perform(get(team.path() + "/posts/" + post.id()).with(as(viewer)))
                .andExpect(content().string(containsString("data-test=\"link-clicks-pending\"")));

        // As publishing writes it, then three clicks by people and one robot's look.
        String code = PostsFixtures.shortLink(
                fixtures.tenants, fixtures.jdbc, shortLinks, post, "https://krusty.example.com/menu", 3);
        assertThat(shortLinks.follow(code, false)).hasValue("https://krusty.example.com/menu");

        mvc.perform(get(team.path() + "/posts/" + post.id()).with(as(viewer)))
                .andExpect(content().string(containsString("data-test=\"link-clicks-total\">3 clicks<")))
                .andExpect(content().string(containsString("http://localhost:8080/l/" + code)))
                .andExpect(content().string(containsString("data-test=\"link-clicks-count\">3<")));
        var other = fixtures.team();
        mvc.perform(get(other.path() + "/posts/" + post.id()).with(as(other.owner())))
                .andExpect(status().isNotFound());
    }

    @Test
    void anotherWorkspacesPostIsNotFound() throws Exception {
        var team = fixtures.team();
        var other = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, other.workspace().id(), "krusty");
        var theirs = PostsFixtures.scheduled(posts, other.workspace().id(), krusty, "Theirs", "2099-05-01T12:00");

        mvc.perform(get(team.path() + "/posts/" + theirs.id()).with(as(team.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(post(team.path() + "/posts/" + theirs.id() + "/cancel")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(get(other.path() + "/posts/" + theirs.id()).with(as(team.owner())))
                .andExpect(status().isNotFound());
        assertThat(posts.get(other.workspace().id(), theirs.id()).status()).isEqualTo(PostStatus.SCHEDULED);
    }

    @Test
    void duplicatingOpensTheComposerWithTheCopyToPublishNowAndLeavesTheOriginal() throws Exception {
        var team = fixtures.team();
        var other = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var post = PostsFixtures.scheduled(
                posts, team.workspace().id(), krusty, "Two-for-one Tuesdays", "2099-05-01T12:00");
        var editor = fixtures.member(team, Role.EDITOR);
        var viewer = fixtures.member(team, Role.VIEWER);

        mvc.perform(get(team.path() + "/posts/" + post.id()).with(as(editor)))
                .andExpect(content().string(containsString(team.path() + "/compose?from=" + post.id())));
        String copy = mvc.perform(
                        get(team.path() + "/compose?from=" + post.id()).with(as(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"copied-from\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(copy)
                .contains(">Two-for-one Tuesdays</textarea>")
                .containsPattern("name=\"accounts\" value=\"" + krusty.value() + "\"[^>]* checked")
                .containsPattern("name=\"when\" value=\"now\"[^>]* checked")
                .contains("action=\"" + team.path() + "/compose\"")
                .containsPattern("name=\"scheduledAt\" type=\"datetime-local\" value=\"\"");

        mvc.perform(get(team.path() + "/compose?from=" + post.id()).with(as(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(get(other.path() + "/compose?from=" + post.id()).with(as(other.owner())))
                .andExpect(status().isNotFound());
        assertThat(posts.get(team.workspace().id(), post.id()).status()).isEqualTo(PostStatus.SCHEDULED);
    }

    @Test
    void editorsCancelAndRescheduleAndAreToldWhatCannotBeDone() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var post = PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Move me", "2099-05-01T12:00");
        var editor = fixtures.member(team, Role.EDITOR);
        String path = team.path() + "/posts/" + post.id();

        mvc.perform(post(path + "/reschedule").with(csrf()).with(as(editor)).param("scheduledAt", "2099-05-02T08:15"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Rescheduled."));
        assertThat(posts.get(team.workspace().id(), post.id()).scheduledAt()).hasToString("2099-05-02T06:15:00Z");

        mvc.perform(post(path + "/retry").with(csrf()).with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("")));
        mvc.perform(post(path + "/cancel").with(csrf()).with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("Cancelled")));
        assertThat(posts.get(team.workspace().id(), post.id()).status()).isEqualTo(PostStatus.CANCELLED);
        mvc.perform(post(path + "/reschedule").with(csrf()).with(as(editor)).param("scheduledAt", "2099-05-03T08:15"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("problem"));
    }

    @Test
    void showsEveryAttemptWithItsNodeOutcomeAndErrorAndWhatToDoWhenUnknown() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var post =
                PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Lost in the mail", "2099-05-01T12:00");
        PostsFixtures.unknownAfterTwoAttempts(fixtures.tenants, fixtures.jdbc, post);
        var editor = fixtures.member(team, Role.EDITOR);
        var viewer = fixtures.member(team, Role.VIEWER);

        mvc.perform(get(team.path() + "/posts/" + post.id()).with(as(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"attempt-log\"")))
                .andExpect(content().string(containsString("2 attempts")))
                .andExpect(content().string(containsString("Attempt 1")))
                .andExpect(content().string(containsString("Failed for now; tried again later")))
                .andExpect(content().string(containsString("node-a")))
                .andExpect(content().string(containsString("Sandbox answered 503: try again later.")))
                .andExpect(content().string(containsString(">0.4 s<")))
                .andExpect(content().string(containsString("Attempt 2")))
                .andExpect(content().string(containsString("Outcome unknown")))
                .andExpect(content().string(containsString("checked the platform first")))
                .andExpect(content().string(containsString("Herald cannot tell whether this was published")))
                .andExpect(content().string(containsString("Mark as published")))
                .andExpect(content().string(containsString("Publish again")))
                .andExpect(content().string(not(containsString("first comment once you mark"))))
                .andExpect(content().string(not(containsString("Edit post"))));
        mvc.perform(get(team.path() + "/posts/" + post.id()).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("node-b")))
                .andExpect(content().string(not(containsString("Mark as published"))));
    }

    @Test
    void aTargetWaitingToBeTriedAgainSaysSoWithoutCallingItFailed() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var post = PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Try me again", "2099-05-01T12:00");
        fixtures.tenants.run(team.workspace().id(), () -> fixtures.jdbc
                .sql(
                        """
                        update post_targets set attempts = 2,
                            last_error = 'The Sandbox failed the post (HTTP 503); Herald will try again.'
                        where workspace_id = :w and post_id = :p""")
                .param("w", team.workspace().id().value())
                .param("p", post.id().value())
                .update());

        String page = mvc.perform(get(team.path() + "/posts/" + post.id()).with(as(team.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll("\\s+", " ");

        org.assertj.core.api.Assertions.assertThat(page)
                .contains("is-retrying", ">Retrying</span>")
                .contains(
                        "<p class=\"callout warning\" data-test=\"target-error\"> <span>The last attempt did not go"
                                + " through:</span> <span>The Sandbox failed the post (HTTP 503); Herald will try again.</span>")
                .doesNotContain("It failed:");

        String list = mvc.perform(get(team.path() + "/posts").with(as(team.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(list)
                .as("the list says so too, in the warning's colour rather than the failure's")
                .contains("class=\"post-summary post-problem is-retrying\" data-test=\"post-retrying\"")
                .contains(">Retrying Sandbox @krusty: The Sandbox failed the post (HTTP 503); Herald will try again.<")
                .doesNotContain("data-test=\"post-problem\"");
    }

    @Test
    void saysUnderMarkAsPublishedWhetherHeraldWillWriteTheFirstCommentAndKeepsThePostsIdFromItsAddress()
            throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var post = PostsFixtures.commented(posts, w, krusty, "Lost with a comment", "#pizza");
        PostsFixtures.unknownAfterTwoAttempts(fixtures.tenants, fixtures.jdbc, post);
        var editor = fixtures.member(team, Role.EDITOR);
        String path = team.path() + "/posts/" + post.id();

        mvc.perform(get(path).with(as(editor)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Herald writes the first comment once you mark the post, if its address"
                                + " reads like " + sandbox + "/@{account}#post-{id}. From any other address it cannot:"
                                + " then add the comment on Sandbox yourself.")));

        String id = java.util.UUID.randomUUID().toString();
        var target = post.targets().getFirst().id();
        mvc.perform(post(path + "/targets/" + target.value() + "/mark-published")
                        .param("url", sandbox + "/@krusty#post-" + id)
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().is3xxRedirection());
        var marked = posts.get(w, post.id()).targets().getFirst();
        assertThat(marked.platformPostId()).isEqualTo(id);
        assertThat(marked.comment().status()).isEqualTo(herald.publishing.CommentStatus.WAITING);
        mvc.perform(get(path).with(as(editor)))
                .andExpect(content().string(not(containsString("first comment once you mark"))));

        var elsewhere = PostsFixtures.commented(posts, w, krusty, "Found elsewhere", "#pizza");
        PostsFixtures.unknownAfterTwoAttempts(fixtures.tenants, fixtures.jdbc, elsewhere);
        String elsewherePath = team.path() + "/posts/" + elsewhere.id();
        mvc.perform(post(elsewherePath + "/targets/"
                                + elsewhere.targets().getFirst().id().value() + "/mark-published")
                        .param("url", "https://example.com/krusty/1")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(elsewherePath).with(as(editor)))
                .andExpect(content().string(containsString("data-comment-status=\"failed\"")))
                .andExpect(content().string(containsString("Add the comment on Sandbox yourself.")))
                .andExpect(content().string(not(containsString("Write the comment again"))));
    }

    @Test
    void showsEachAccountsFirstCommentAndLetsEditorsWriteAFailedOneAgain() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var post = PostsFixtures.commented(posts, w, krusty, "Commented", "#pizza");
        fixtures.tenants.run(w, () -> fixtures.jdbc
                .sql(
                        """
                        update post_targets set status = 'published', platform_post_id = 'p-1',
                            published_at = now(), comment_status = 'failed', comment_attempts = 1,
                            comment_error = 'Comments are turned off for this post.'
                        where post_id = :post""")
                .param("post", post.id().value())
                .update());
        var editor = fixtures.member(team, Role.EDITOR);
        var viewer = fixtures.member(team, Role.VIEWER);
        String path = team.path() + "/posts/" + post.id();

        mvc.perform(get(path).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-comment-status=\"failed\"")))
                .andExpect(content().string(containsString("Comments are turned off for this post.")))
                .andExpect(content().string(not(containsString("Write the comment again"))));
        mvc.perform(get(path).with(as(editor)))
                .andExpect(content().string(containsString("Write the comment again")))
                .andExpect(content().string(not(containsString("It is there"))));

        var target = posts.get(w, post.id()).targets().getFirst().id();
        mvc.perform(post(path + "/targets/" + target.value() + "/comment/write-again")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Writing the first comment again now."));
        assertThat(posts.get(w, post.id()).targets().getFirst().comment().status())
                .isEqualTo(herald.publishing.CommentStatus.WAITING);
        mvc.perform(post(path + "/targets/" + target.value() + "/comment/confirm")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "problem", "The first comment's outcome is not unknown; there is nothing to confirm."));
    }

    @Test
    void offersEditingOnlyWhileAPostCanStillChange() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var post = PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Still movable", "2099-05-01T12:00");
        String path = team.path() + "/posts/" + post.id();

        mvc.perform(get(path).with(as(team.owner())))
                .andExpect(content().string(containsString("href=\"" + path + "/edit\"")))
                .andExpect(content().string(containsString("value=\"2099-05-01T12:00\"")));
        posts.cancel(team.workspace().id(), post.id());
        mvc.perform(get(path).with(as(team.owner())))
                .andExpect(content().string(not(containsString(path + "/edit"))))
                .andExpect(content().string(containsString("cannot be edited")));
    }

    @Test
    void pagesThroughOlderPostsFiftyAtATime() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        for (int i = 1; i <= 51; i++) {
            posts.create(
                    w,
                    new NewPost(
                            "Draft number " + i + ".",
                            null,
                            java.util.List.of(),
                            List.of(new NewPost.NewTarget(krusty, null)),
                            null,
                            null,
                            true));
        }

        var first = mvc.perform(get(team.path() + "/posts?status=draft").with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Draft number 51.")))
                .andExpect(content().string(containsString("Draft number 2.")))
                .andExpect(content().string(not(containsString("Draft number 1."))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var older = java.util.regex.Pattern.compile("data-test=\"older-posts\"\\s+href=\"([^\"]+)\"")
                .matcher(first);
        assertThat(older.find()).as(first).isTrue();
        String next = older.group(1).replace("&amp;", "&");
        assertThat(next).contains("status=draft");

        mvc.perform(get(java.net.URI.create(next)).with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Draft number 1.")))
                .andExpect(content().string(not(containsString("Draft number 2."))))
                .andExpect(content().string(containsString("Newest posts")))
                .andExpect(content().string(not(containsString("older-posts"))));
    }

    @Test
    void findsPostsByWordsOfAnyOfTheirTextsAndByAccountAndKeepsTheFiltersWhileBrowsing() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var sideshow = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "sideshow");
        PostsFixtures.scheduled(posts, w, krusty, "Pizza night: 50% off every PIZZA", "2099-05-01T12:00");
        PostsFixtures.scheduled(posts, w, sideshow, "Pizza party at the studio", "2099-05-02T12:00");
        posts.create(
                w,
                new NewPost(
                        "Our new menu",
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(krusty, "Calzone season on X")),
                        null,
                        null,
                        true));
        var other = fixtures.team();
        var otherAccount = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, other.workspace().id(), "krusty");
        PostsFixtures.scheduled(posts, other.workspace().id(), otherAccount, "Pizza elsewhere", "2099-05-03T12:00");

        String both = page(team, "/posts?q=pizza");
        assertThat(both).contains("Pizza night").contains("Pizza party").doesNotContain("Our new menu");
        assertThat(both).as("another workspace's posts").doesNotContain("Pizza elsewhere");
        assertThat(page(team, "/posts?q=%20PIZZA%20%20night%20"))
                .contains("Pizza night")
                .doesNotContain("Pizza party");
        assertThat(page(team, "/posts?q=50%25")).contains("Pizza night").doesNotContain("Pizza party");
        assertThat(page(team, "/posts?q=5_"))
                .as("_ is a character, not a wildcard")
                .contains("No posts match");
        assertThat(page(team, "/posts?q=calzone")).as("a per-platform text").contains("Our new menu");
        String bySideshow = page(team, "/posts?q=pizza&account=" + sideshow.value());
        assertThat(bySideshow).contains("Pizza party").doesNotContain("Pizza night");
        assertThat(bySideshow)
                .as("the status filters keep the words and the account")
                .contains("/posts?q=pizza&amp;account=" + sideshow.value() + "&amp;status=scheduled\"");
        assertThat(page(team, "/posts"))
                .as("no empty filters in links")
                .doesNotContain("q=&amp;")
                .doesNotContain("account=\"");
        assertThat(page(team, "/posts?q=pizza&account=" + otherAccount.value()))
                .as("another workspace's account is no filter")
                .contains("Pizza night")
                .contains("Pizza party");
        assertThat(page(team, "/posts?q=pizza&status=draft")).contains("No posts match these filters.");
    }

    @Test
    void membersDiscussAPostInNotesWhichOnlyTheirAuthorOrAnAdminRemoves() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var post = PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Noted pizza", "2099-05-01T12:00");
        var client = fixtures.member(team, Role.VIEWER);
        var editor = fixtures.member(team, Role.EDITOR);
        String page = team.path() + "/posts/" + post.id();

        mvc.perform(post(page + "/notes")
                        .param("body", "Less <b>cheese</b>, please.")
                        .with(csrf())
                        .with(as(client)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Note added."));
        mvc.perform(post(page + "/notes").param("body", "  ").with(csrf()).with(as(client)))
                .andExpect(flash().attribute("problem", "Write the note first."));
        mvc.perform(post(page + "/notes").param("body", "Sneaky").with(as(client)))
                .andExpect(status().isForbidden());

        String seenByEditor = mvc.perform(get(page).with(as(editor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(seenByEditor)
                .contains("Less &lt;b&gt;cheese&lt;/b&gt;, please.")
                .contains(client.email())
                .doesNotContain("/remove\"");
        assertThat(page(team, "/posts")).as("the list counts a post's notes").contains(">1 note</span>");
        var note = notes.of(team.workspace().id(), post.id()).getFirst();
        mvc.perform(post(page + "/notes/" + note.id() + "/remove").with(csrf()).with(as(editor)))
                .andExpect(status().isForbidden());
        assertThat(page(team, "/posts/" + post.id()))
                .as("the owner may remove anyone's")
                .contains("/remove\"");

        mvc.perform(post(page + "/notes/" + note.id() + "/remove").with(csrf()).with(as(client)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Note removed."));
        assertThat(notes.of(team.workspace().id(), post.id())).isEmpty();
    }

    @Test
    void postsAreTaggedInTheComposerFoundByTagAndRetaggedAfterPublishing() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Tagged pizza")
                        .param("tags", "#Summer sale, recipes, summer SALE")
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-01T09:30"))
                .andExpect(status().is3xxRedirection());
        PostsFixtures.scheduled(posts, w, krusty, "Plain pizza", "2099-03-02T09:30");
        var tagged = posts.list(
                w, new herald.publishing.PostQuery(null, null, null, null, null, null, 5, null, "summer sale"));
        assertThat(tagged).singleElement().satisfies(p -> assertThat(p.tags())
                .containsExactly("Summer sale", "recipes"));

        String list = page(team, "/posts");
        assertThat(list)
                .contains(">Summer sale</a>")
                .contains("Summer sale (1)")
                .contains("/posts?tag=recipes");
        assertThat(page(team, "/posts?tag=RECIPES")).contains("Tagged pizza").doesNotContain("Plain pizza");
        assertThat(page(team, "/compose"))
                .as("the composer suggests the workspace's tags")
                .contains("<option value=\"recipes\">");

        var post = tagged.getFirst();
        fixtures.tenants.run(w, () -> fixtures.jdbc
                .sql("update posts set status = 'published' where id = :id")
                .param("id", post.id().value())
                .update());
        mvc.perform(post(team.path() + "/posts/" + post.id() + "/tags")
                        .param("tags", "a,b")
                        .with(csrf())
                        .with(as(fixtures.member(team, Role.VIEWER))))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/posts/" + post.id() + "/tags")
                        .param("tags", "x".repeat(41))
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(flash().attribute("problem", containsString("at most 40")));
        mvc.perform(post(team.path() + "/posts/" + post.id() + "/tags")
                        .param("tags", "Launch, Q4")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(flash().attribute("notice", "Tags saved."));
        assertThat(posts.get(w, post.id()).tags()).containsExactly("Launch", "Q4");
    }

    @Test
    void exportsWhatTheFiltersSelectOneLinePerAccountWithFormulasDefused(
            @Autowired herald.assets.Assets assets, @Autowired herald.assets.Folders folders) throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var sideshow = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "sideshow");
        var photos = java.util.stream.Stream.of("one.png", "two.png")
                .map(name -> assets.upload(
                                w,
                                folders.all(w).getFirst().id(),
                                new java.io.ByteArrayInputStream(herald.assets.SampleMedia.png(8, 8)),
                                herald.assets.Upload.named(name))
                        .id())
                .toList();
        posts.create(
                w,
                new NewPost(
                        "=HYPERLINK(\"http://evil.example\",\"Click\")",
                        null,
                        photos,
                        List.of(
                                new NewPost.NewTarget(krusty, null),
                                new NewPost.NewTarget(sideshow, "Sideshow's, own\ntext", "Sideshow's own #comment")),
                        "2099-05-01T12:00",
                        "Europe/Berlin",
                        false,
                        List.of("Launch"),
                        null,
                        "=SUM(1,2) #pizza"));
        PostsFixtures.scheduled(posts, w, krusty, "Untagged pizza", "2099-05-02T12:00");
        var other = fixtures.team();
        var elsewhere = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, other.workspace().id(), "krusty");
        PostsFixtures.scheduled(posts, other.workspace().id(), elsewhere, "Not ours", "2099-05-03T12:00");

        var answer = mvc.perform(
                        get(team.path() + "/posts/export.csv?tag=launch").with(as(fixtures.member(team, Role.VIEWER))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(answer.getContentType()).startsWith("text/csv");
        assertThat(answer.getHeader("Content-Disposition"))
                .contains(team.workspace().slug() + "-posts.csv");
        var lines = org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(answer.getContentAsString()))
                .getRecords();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("text")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Click\")");
        assertThat(lines.get(0).get("account")).isEqualTo("Sandbox @krusty");
        assertThat(lines.get(0).get("scheduled_at")).isEqualTo("2099-05-01 12:00");
        assertThat(lines.get(0).get("tags")).isEqualTo("Launch");
        assertThat(lines.get(0).get("media"))
                .as("the post's media as the import takes them, in order")
                .isEqualTo(photos.get(0) + "|" + photos.get(1));
        assertThat(lines.get(1).get("text")).isEqualTo("Sideshow's, own\ntext");
        assertThat(lines.get(1).get("account_status")).isEqualTo("scheduled");
        assertThat(lines.get(0).get("first_comment"))
                .as("the post's comment, a formula written as text")
                .isEqualTo("'=SUM(1,2) #pizza");
        assertThat(lines.get(0).get("comment_status")).isEqualTo("waiting");
        assertThat(lines.get(1).get("first_comment"))
                .as("an account's own comment in place of the post's")
                .isEqualTo("Sideshow's own #comment");
        assertThat(lines.get(1).get("comment_status")).isEqualTo("waiting");

        String all = mvc.perform(get(team.path() + "/posts/export.csv").with(as(team.owner())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(all).contains("Untagged pizza").doesNotContain("Not ours");
        var header = all.lines().findFirst().orElseThrow();
        assertThat(header)
                .endsWith(",created_by,first_comment,comment_status,thread,thread_status,format,media,language");
        assertThat(all.lines().filter(line -> line.contains("Untagged pizza")))
                .as("a post without a first comment or a thread leaves their cells empty")
                .singleElement()
                .satisfies(line -> assertThat(line).endsWith(",,,,,post,,"));
        assertThat(page(team, "/posts?tag=Launch")).contains("/posts/export.csv?tag=Launch");
    }

    @Test
    void editorsRetryTheFailedAccountsOfSeveralPostsAtOnceAfterAnOutage() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var one = PostsFixtures.scheduled(posts, w, krusty, "Outage one", "2099-05-01T12:00");
        var two = PostsFixtures.scheduled(posts, w, krusty, "Outage two", "2099-05-02T12:00");
        var fine = PostsFixtures.scheduled(posts, w, krusty, "Never failed", "2099-05-03T12:00");
        for (var failed : List.of(one, two)) {
            PostsFixtures.settle(fixtures.tenants, fixtures.jdbc, w, failed, "failed", "X was down.", "now()");
        }
        var editor = fixtures.member(team, Role.EDITOR);

        assertThat(page(team, "/posts"))
                .contains("<option value=\"retry\">Retry their failed accounts</option>")
                .contains("data-test=\"post-problem\"")
                .contains("title=\"Sandbox @krusty: X was down.\">Sandbox @krusty: X was down.</span>");
        mvc.perform(post(team.path() + "/posts/bulk")
                        .param(
                                "ids",
                                one.id().toString(),
                                two.id().toString(),
                                fine.id().toString())
                        .param("action", "retry")
                        .param("status", "failed")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        team.path() + "/posts?status=failed"))
                .andExpect(flash().attribute(
                                "notice",
                                "Publishing the failed accounts of 2 of 3 posts again. 1 had no failed account."));
        assertThat(audit.find(w, new herald.audit.AuditQuery("post.retried", null, null, null, null, 10)))
                .extracting(herald.audit.AuditEvent::targetId)
                .containsExactlyInAnyOrder(one.id().toString(), two.id().toString());
        assertThat(posts.get(w, fine.id()).status()).isEqualTo(PostStatus.SCHEDULED);
    }

    @Test
    void editorsTagAndCancelSeveralPostsAtOnceAndHearWhatCouldNotBeDone() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var one = PostsFixtures.scheduled(posts, w, krusty, "Bulk one", "2099-05-01T12:00");
        var two = PostsFixtures.scheduled(posts, w, krusty, "Bulk two", "2099-05-02T12:00");
        var out = PostsFixtures.scheduled(posts, w, krusty, "Bulk gone", "2099-05-03T12:00");
        fixtures.tenants.run(w, () -> fixtures.jdbc
                .sql("update posts set status = 'published' where id = :id")
                .param("id", out.id().value())
                .update());
        var editor = fixtures.member(team, Role.EDITOR);

        assertThat(page(team, "/posts")).contains("data-test=\"bulk-bar\"").contains("form=\"bulk-form\"");
        mvc.perform(post(team.path() + "/posts/bulk")
                        .param("ids", one.id().toString(), two.id().toString())
                        .param("action", "tag")
                        .param("bulkTag", "#Black Friday")
                        .param("q", "bulk")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        team.path() + "/posts?q=bulk"))
                .andExpect(flash().attribute("notice", "Tagged 2 of 2 posts."));
        mvc.perform(post(team.path() + "/posts/bulk")
                        .param("ids", one.id().toString(), out.id().toString())
                        .param("action", "tag")
                        .param("bulkTag", "black friday")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(
                        flash().attribute("notice", "Tagged 1 of 2 posts. The others had it already or have 10 tags."));
        assertThat(posts.get(w, one.id()).tags()).containsExactly("Black Friday");
        assertThat(posts.get(w, out.id()).tags()).containsExactly("black friday");

        mvc.perform(post(team.path() + "/posts/bulk")
                        .param(
                                "ids",
                                one.id().toString(),
                                two.id().toString(),
                                out.id().toString())
                        .param("action", "cancel")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(
                        flash().attribute(
                                        "notice",
                                        "Cancelled 2 of 3 posts. 1 had already started publishing or finished, or were cancelled."));
        assertThat(posts.get(w, one.id()).status()).isEqualTo(PostStatus.CANCELLED);
        assertThat(posts.get(w, out.id()).status()).isEqualTo(PostStatus.PUBLISHED);

        mvc.perform(post(team.path() + "/posts/bulk")
                        .param("ids", two.id().toString())
                        .param("action", "untag")
                        .param("bulkTag", "BLACK FRIDAY")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("notice", "Untagged 1 of 1 post."));
        assertThat(posts.get(w, two.id()).tags()).isEmpty();
        mvc.perform(post(team.path() + "/posts/bulk")
                        .param("action", "cancel")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("problem", "Select the posts first."));
        mvc.perform(post(team.path() + "/posts/bulk")
                        .param("ids", two.id().toString())
                        .param("action", "cancel")
                        .with(csrf())
                        .with(as(fixtures.member(team, Role.VIEWER))))
                .andExpect(status().isForbidden());
    }

    @Test
    void sharingAgainQueuesACopyWithTheSameAccountsTextsAndTags() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var original = posts.create(
                w,
                new NewPost(
                        "Evergreen pizza",
                        "https://example.com/pizza",
                        List.of(),
                        List.of(new NewPost.NewTarget(krusty, "Krusty's words")),
                        "2099-05-01T12:00",
                        "Europe/Berlin",
                        false,
                        List.of("Evergreen")));
        fixtures.tenants.run(w, () -> fixtures.jdbc
                .sql("update posts set status = 'published' where id = :id")
                .param("id", original.id().value())
                .update());

        var answer = mvc.perform(post(team.path() + "/posts/" + original.id() + "/requeue")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("A copy was added to the queue for")))
                .andReturn();
        String location = answer.getResponse().getRedirectedUrl();
        var copyId = new herald.publishing.PostId(
                java.util.UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
        var copy = posts.get(w, copyId);
        assertThat(copy.id()).isNotEqualTo(original.id());
        assertThat(copy.status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(copy.body()).isEqualTo("Evergreen pizza");
        assertThat(copy.link()).isEqualTo("https://example.com/pizza");
        assertThat(copy.tags()).containsExactly("Evergreen");
        assertThat(copy.targets()).singleElement().satisfies(t -> {
            assertThat(t.connection()).isEqualTo(krusty);
            assertThat(t.body()).isEqualTo("Krusty's words");
        });
        assertThat(copy.scheduledAt()).isAfter(java.time.Instant.now());
        assertThat(posts.get(w, original.id()).status())
                .as("the original stays as it was")
                .isEqualTo(PostStatus.PUBLISHED);

        mvc.perform(post(team.path() + "/posts/" + original.id() + "/requeue")
                        .with(csrf())
                        .with(as(fixtures.member(team, Role.VIEWER))))
                .andExpect(status().isForbidden());
    }

    private String page(UiFixtures.Team team, String path) throws Exception {
        return mvc.perform(get(java.net.URI.create(team.path() + path)).with(as(team.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
