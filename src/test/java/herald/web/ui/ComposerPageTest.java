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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.publishing.LinkTaggingSetting;
import herald.publishing.PostQuery;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.publishing.WorkspaceLinkTagging;
import herald.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@UiTest
class ComposerPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    WorkspaceLinkTagging linkTagging;

    @Autowired
    herald.tenancy.WorkspaceRules workspaceRules;

    @Test
    void showsActiveAccountsWithTheirPlatformRulesToEditorsButNotToViewers() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var viewer = fixtures.member(team, Role.VIEWER);
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(get(team.path() + "/compose").with(as(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + krusty.value() + "\"")))
                .andExpect(content().string(containsString("data-max-length=\"")))
                .andExpect(content().string(containsString("@krusty")))
                .andExpect(content().string(containsString("aria-live=\"polite\" data-counters")))
                .andExpect(content().string(containsString(">Compose</a>")))
                .andExpect(content()
                        .string(containsString(
                                "On Bluesky, Mastodon, X and the Sandbox the post goes on as a thread")));
        mvc.perform(get(team.path() + "/compose").with(as(viewer))).andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(viewer))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Hi"))
                .andExpect(status().isForbidden());
        mvc.perform(get(team.path() + "/posts").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(">Compose</a>"))));
    }

    @Test
    void aThreadsPartsAreSavedInOrderShownOnThePostAndOfferedAgainForEditing() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        mvc.perform(get(team.path() + "/compose").with(as(team.owner())))
                .andExpect(content().string(containsString("data-thread-list")))
                .andExpect(content().string(containsString("aria-label=\"Part 2 of the thread\"")));

        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "A thread on pizza")
                        .param("thread", "First, the dough.", "", "Then the sauce.")
                        .param("when", "later")
                        .param("scheduledAt", "2099-05-01T12:00"))
                .andExpect(status().is3xxRedirection());

        var saved = posts.list(
                        team.workspace().id(), new herald.publishing.PostQuery(null, null, null, null, null, null, 10))
                .getFirst();
        org.assertj.core.api.Assertions.assertThat(saved.thread())
                .containsExactly("First, the dough.", "Then the sauce.");
        org.assertj.core.api.Assertions.assertThat(saved.targets().getFirst().thread())
                .as("each part waits on the Sandbox account, which has threads")
                .extracting(p -> p.position(), p -> p.status())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, herald.publishing.CommentStatus.WAITING),
                        org.assertj.core.groups.Tuple.tuple(2, herald.publishing.CommentStatus.WAITING));
        mvc.perform(get(team.path() + "/posts/" + saved.id()).with(as(team.owner())))
                .andExpect(content().string(containsString("data-test=\"post-thread\"")))
                .andExpect(content().string(containsString("Then the sauce.")))
                .andExpect(content().string(containsString("data-test=\"target-thread\"")));
        mvc.perform(get(team.path() + "/posts").with(as(team.owner())))
                .andExpect(content().string(containsString("🧵 thread of 3")));
        mvc.perform(get(team.path() + "/calendar").param("date", "2099-05-01").with(as(team.owner())))
                .andExpect(content().string(containsString(", a thread of 3")));
        mvc.perform(get(team.path() + "/posts/" + saved.id() + "/edit").with(as(team.owner())))
                .andExpect(content().string(containsString(">First, the dough.</textarea>")))
                .andExpect(content().string(containsString("aria-label=\"Part 4 of the thread\"")));

        // Edited down to one part, the other is gone on the account too.
        mvc.perform(post(team.path() + "/posts/" + saved.id() + "/edit")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "A thread on pizza")
                        .param("thread", "Only the dough.")
                        .param("when", "later")
                        .param("scheduledAt", "2099-05-01T12:00"))
                .andExpect(status().is3xxRedirection());
        var edited = posts.get(team.workspace().id(), saved.id());
        org.assertj.core.api.Assertions.assertThat(edited.thread()).containsExactly("Only the dough.");
        org.assertj.core.api.Assertions.assertThat(edited.targets().getFirst().thread())
                .hasSize(1);

        // A part the Sandbox would refuse is said where it is, and nothing is saved.
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Another thread")
                        .param("thread", "x".repeat(501))
                        .param("when", "later")
                        .param("scheduledAt", "2099-05-02T12:00"))
                .andExpect(content().string(containsString("part 2 of the thread is 501 of 500 characters")));
        org.assertj.core.api.Assertions.assertThat(posts.list(
                        team.workspace().id(), new herald.publishing.PostQuery(null, null, null, null, null, null, 10)))
                .hasSize(1);
    }

    @Test
    void aPostsLinksAreShortAsItsBoxSaysWhichStartsAsTheWorkspaceShortensThem() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        mvc.perform(get(team.path() + "/compose").with(as(team.owner())))
                .andExpect(content().string(containsString("data-test=\"short-links-hint\"")))
                .andExpect(content().string(not(containsString("New posts of this workspace start with it on."))))
                .andExpect(content().string(not(containsString("data-shorten-links checked=\"checked\""))));

        workspaceRules.shortenLinks(team.workspace().id(), true);

        mvc.perform(get(team.path() + "/compose").with(as(team.owner())))
                .andExpect(content().string(containsString("New posts of this workspace start with it on.")))
                .andExpect(content().string(containsString("data-shorten-links checked=\"checked\"")));
        // The box unticked (an unticked box sends nothing): this post's links go out as written.
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Menu https://krusty.example.com/menu")
                        .param("when", "later")
                        .param("scheduledAt", "2099-05-01T12:00"))
                .andExpect(status().is3xxRedirection());
        var saved = posts.list(
                team.workspace().id(), new herald.publishing.PostQuery(null, null, null, null, null, null, 10));
        org.assertj.core.api.Assertions.assertThat(saved)
                .singleElement()
                .satisfies(p -> org.assertj.core.api.Assertions.assertThat(p.shortLinks())
                        .isFalse());
        mvc.perform(get(team.path() + "/posts/" + saved.getFirst().id() + "/edit")
                        .with(as(team.owner())))
                .andExpect(content().string(not(containsString("data-shorten-links checked=\"checked\""))));
    }

    @Test
    void schedulesAPostInTheWorkspaceTimezoneAndOpensIt() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");

        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Two for one on Tuesdays")
                        .param("override-" + krusty.value(), "Krusty's own words")
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-01T09:30"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern(team.path() + "/posts/*"))
                .andExpect(flash().attribute("notice", "Scheduled for 1 account."));

        var created = posts.list(team.workspace().id(), new PostQuery(null, null, null, null, null, null, 10));
        assertThat(created).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PostStatus.SCHEDULED);
            assertThat(p.scheduledAt()).hasToString("2099-03-01T08:30:00Z");
            assertThat(p.targets().getFirst().body()).isEqualTo("Krusty's own words");
        });
    }

    @Test
    void aFirstCommentIsKeptWithThePostShownForEditingAndRefusedWhenThePlatformWouldRefuseIt() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");

        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Friday pizza")
                        .param("firstComment", "x".repeat(501))
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-01T09:30"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Nothing was created.")))
                .andExpect(content()
                        .string(containsString("Sandbox @krusty: the first comment is 501 of 500 characters.")));
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Friday pizza")
                        .param("firstComment", "  #pizza #friday  ")
                        .param("comment-" + krusty.value(), "Krusty's own comment")
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-01T09:30"))
                .andExpect(status().is3xxRedirection());

        var created = posts.list(team.workspace().id(), new PostQuery(null, null, null, null, null, null, 10));
        assertThat(created).singleElement().satisfies(p -> {
            assertThat(p.firstComment()).isEqualTo("#pizza #friday");
            assertThat(p.targets().getFirst().comment().status()).isEqualTo(herald.publishing.CommentStatus.WAITING);
            assertThat(p.targets().getFirst().firstComment()).isEqualTo("Krusty's own comment");
        });
        String edit = team.path() + "/posts/" + created.getFirst().id() + "/edit";
        mvc.perform(get(edit).with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">#pizza #friday</textarea>")))
                .andExpect(content().string(containsString(">Krusty&#39;s own comment</textarea>")));
        mvc.perform(post(edit)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Friday pizza")
                        .param("firstComment", "")
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-01T09:30"))
                .andExpect(status().is3xxRedirection());
        var edited = posts.get(team.workspace().id(), created.getFirst().id());
        assertThat(edited.firstComment()).as("emptied: removed").isNull();
        assertThat(edited.targets().getFirst().comment()).isNull();
    }

    @Test
    void aPostIsWrittenInTheWorkspacesLanguageUnlessItSaysItsOwnKeptThroughAnEdit() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        workspaceRules.postLanguage(team.workspace().id(), "de");
        mvc.perform(get(team.path() + "/compose").with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"language\""))));
        // Asked once an account is on a platform that is told a post's language.
        fixtures.tenants.run(team.workspace().id(), () -> fixtures.jdbc
                .sql("update connections set provider = 'mastodon', username = 'krusty@mastodon.example'"
                        + " where id = :id")
                .param("id", krusty.value())
                .update());

        mvc.perform(get(team.path() + "/compose").with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<option value=\"\" selected=\"selected\">The workspace’s: German</option>")))
                .andExpect(content().string(containsString("Told to Bluesky and Mastodon with the post")));
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Bonjour")
                        .param("language", "fr")
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-01T09:30"))
                .andExpect(status().is3xxRedirection());
        var created = posts.list(team.workspace().id(), new PostQuery(null, null, null, null, null, null, 10));
        assertThat(created).singleElement().satisfies(p -> assertThat(p.language())
                .isEqualTo("fr"));

        mvc.perform(get(team.path() + "/posts/" + created.getFirst().id()).with(as(team.owner())))
                .andExpect(content().string(containsString("Written in <strong>French</strong>")));
        String edit = team.path() + "/posts/" + created.getFirst().id() + "/edit";
        mvc.perform(get(edit).with(as(team.owner())))
                .andExpect(
                        content().string(containsString("<option value=\"fr\" selected=\"selected\">French</option>")));
        mvc.perform(post(edit)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Guten Morgen")
                        .param("language", "")
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-01T09:30"))
                .andExpect(status().is3xxRedirection());
        assertThat(posts.get(team.workspace().id(), created.getFirst().id()).language())
                .as("back to the workspace's")
                .isNull();
    }

    @Test
    void anAccountTickedOffGetsNoFirstCommentAndKeepsThatThroughAnEdit() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var sideshow = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "sideshow");

        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param(
                                "accounts",
                                krusty.value().toString(),
                                sideshow.value().toString())
                        .param("body", "Friday pizza")
                        .param("firstComment", "#pizza #friday")
                        .param("nocomment-" + sideshow.value(), "true")
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-01T09:30"))
                .andExpect(status().is3xxRedirection());

        var created = posts.list(team.workspace().id(), new PostQuery(null, null, null, null, null, null, 10))
                .getFirst();
        var byAccount =
                created.targets().stream().collect(java.util.stream.Collectors.toMap(t -> t.connection(), t -> t));
        assertThat(byAccount.get(krusty).comment().status()).isEqualTo(herald.publishing.CommentStatus.WAITING);
        assertThat(byAccount.get(sideshow).comment()).isNull();
        assertThat(byAccount.get(sideshow).commentOff()).isTrue();
        String page = mvc.perform(get(team.path() + "/posts/" + created.id()).with(as(team.owner())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("data-test=\"no-comment-here\"");

        String edit = team.path() + "/posts/" + created.id() + "/edit";
        String form = mvc.perform(get(edit).with(as(team.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).containsPattern("name=\"nocomment-" + sideshow.value() + "\"[^>]*checked");
        assertThat(form).doesNotContainPattern("name=\"nocomment-" + krusty.value() + "\"[^>]*checked");
        mvc.perform(post(edit)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param(
                                "accounts",
                                krusty.value().toString(),
                                sideshow.value().toString())
                        .param("body", "Friday pizza, edited")
                        .param("firstComment", "#pizza")
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-01T09:30"))
                .andExpect(status().is3xxRedirection());
        var edited = posts.get(team.workspace().id(), created.id());
        assertThat(edited.targets())
                .as("unticked in the edit: both get the comment")
                .allSatisfy(t -> assertThat(t.comment()).isNotNull());
    }

    @Test
    void showsEachTargetsProblemInPlainWordsAndCreatesNothing() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");

        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "x".repeat(5000)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Nothing was created.")))
                .andExpect(content().string(containsString("id=\"errors-" + krusty.value() + "\"")))
                .andExpect(content().string(containsString("Sandbox @krusty: 5000 of")));
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("body", "To nobody"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Nothing was created.")));
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "When?")
                        .param("when", "later"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose the date and time")));

        assertThat(posts.list(team.workspace().id(), new PostQuery(null, null, null, null, null, null, 10)))
                .isEmpty();
    }

    @Test
    void savesADraftWithoutScheduling() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");

        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "x".repeat(5000))
                        .param("action", "draft"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("draft")));
        assertThat(posts.list(team.workspace().id(), new PostQuery(null, null, null, null, null, null, 10)))
                .singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PostStatus.DRAFT));
    }

    @Test
    void editsAScheduledPostsTextAccountsMediaAndTimeInTheComposer() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var bob = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "sideshowbob");
        var post = PostsFixtures.scheduled(posts, w, krusty, "First words", "2099-05-01T12:00");
        var editor = fixtures.member(team, Role.EDITOR);
        String edit = team.path() + "/posts/" + post.id() + "/edit";

        mvc.perform(get(edit).with(as(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Edit post</h1>")))
                .andExpect(content().string(containsString(">First words</textarea>")))
                .andExpect(content().string(containsString("action=\"" + edit + "\"")))
                .andExpect(content().string(containsString("value=\"2099-05-01T12:00\"")))
                .andExpect(content().string(containsString("Save changes")));

        mvc.perform(post(edit)
                        .with(csrf())
                        .with(as(editor))
                        .param(
                                "accounts",
                                krusty.value().toString(),
                                bob.value().toString())
                        .param("body", "Second thoughts")
                        .param("override-" + bob.value(), "Bob's version")
                        .param("link", "https://example.com/menu")
                        .param("when", "later")
                        .param("scheduledAt", "2099-05-02T18:45"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern(team.path() + "/posts/*"))
                .andExpect(flash().attribute("notice", "Saved. Scheduled for 2 accounts."));

        var edited = posts.get(w, post.id());
        assertThat(edited.status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(edited.body()).isEqualTo("Second thoughts");
        assertThat(edited.link()).isEqualTo("https://example.com/menu");
        assertThat(edited.scheduledAt()).hasToString("2099-05-02T16:45:00Z");
        assertThat(edited.targets())
                .extracting(t -> t.account() + "=" + t.body())
                .containsExactlyInAnyOrder("Sandbox @krusty=null", "Sandbox @sideshowbob=Bob's version");

        // Saving again without touching the time keeps it to the second, and an emptied link is removed.
        mvc.perform(post(edit)
                        .with(csrf())
                        .with(as(editor))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Third time")
                        .param("link", "")
                        .param("when", "later")
                        .param("scheduledAt", "2099-05-02T18:45"))
                .andExpect(status().is3xxRedirection());
        var again = posts.get(w, post.id());
        assertThat(again.body()).isEqualTo("Third time");
        assertThat(again.link()).isNull();
        assertThat(again.scheduledAt()).hasToString("2099-05-02T16:45:00Z");
        assertThat(again.targets()).hasSize(1);
    }

    @Test
    void aRefusedEditShowsTheProblemsAndChangesNothing() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var post = PostsFixtures.scheduled(posts, w, krusty, "Keep me", "2099-05-01T12:00");
        String edit = team.path() + "/posts/" + post.id() + "/edit";

        mvc.perform(post(edit)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "x".repeat(501))
                        .param("when", "later")
                        .param("scheduledAt", "2099-05-01T12:00"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Nothing was changed.")))
                .andExpect(content().string(containsString("Sandbox @krusty: 501 of 500 characters.")))
                .andExpect(content().string(containsString("<h1>Edit post</h1>")));
        assertThat(posts.get(w, post.id()).body()).isEqualTo("Keep me");
    }

    @Test
    void editsADraftAndSchedulesIt() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Half an idea")
                        .param("action", "draft"))
                .andExpect(status().is3xxRedirection());
        var draft = posts.list(w, new PostQuery(null, null, null, null, null, null, 10))
                .getFirst();
        String edit = team.path() + "/posts/" + draft.id() + "/edit";

        mvc.perform(get(edit).with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A draft: nothing is published until you schedule it.")))
                .andExpect(content().string(containsString(">Half an idea</textarea>")));
        mvc.perform(post(edit)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "A whole idea")
                        .param("when", "later")
                        .param("scheduledAt", "2099-06-01T08:00"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Saved. Scheduled for 1 account."));
        var scheduled = posts.get(w, draft.id());
        assertThat(scheduled.status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(scheduled.body()).isEqualTo("A whole idea");
        assertThat(scheduled.scheduledAt()).hasToString("2099-06-01T06:00:00Z");
    }

    @Test
    void postsThatStartedPublishingOrEndedAreReadOnly() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var post = PostsFixtures.scheduled(posts, w, krusty, "Too late", "2099-05-01T12:00");
        PostsFixtures.unknownAfterTwoAttempts(fixtures.tenants, fixtures.jdbc, post);
        String edit = team.path() + "/posts/" + post.id() + "/edit";
        var viewer = fixtures.member(team, Role.VIEWER);

        mvc.perform(get(edit).with(as(team.owner())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("only drafts and scheduled posts")));
        mvc.perform(post(edit)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Changed"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("problem"));
        assertThat(posts.get(w, post.id()).body()).isEqualTo("Too late");
        mvc.perform(get(edit).with(as(viewer))).andExpect(status().isForbidden());
    }

    @Test
    void checksTheDraftAsEachPlatformCountsItWithoutSavingAnything() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var viewer = fixtures.member(team, Role.VIEWER);
        String check = team.path() + "/compose/check";

        mvc.perform(post(check)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "x".repeat(499) + "🍕🍕")
                        .param("link", "not a link"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[0]").value("The link must be an http(s) URL."))
                .andExpect(jsonPath("$.targets[0].connectionId")
                        .value(krusty.value().toString()))
                .andExpect(jsonPath("$.targets[0].account").value("Sandbox @krusty"))
                .andExpect(jsonPath("$.targets[0].length").value(501))
                .andExpect(jsonPath("$.targets[0].limit").value(500))
                .andExpect(jsonPath("$.targets[0].problems[0]").value("1 character too long."));
        mvc.perform(post(check)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "")
                        .param("override-" + krusty.value(), "Own words"))
                .andExpect(jsonPath("$.targets[0].length").value(9))
                .andExpect(jsonPath("$.targets[0].problems").isEmpty());
        mvc.perform(post(check).with(as(team.owner())).param("body", "No token"))
                .andExpect(status().isForbidden());
        mvc.perform(post(check).with(csrf()).with(as(viewer)).param("body", "Viewer"))
                .andExpect(status().isForbidden());
        assertThat(posts.list(w, new PostQuery(null, null, null, null, null, null, 10)))
                .isEmpty();
    }

    @Test
    void publishNowOnAnEditedScheduledPostBringsItForwardToNow() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var post = PostsFixtures.scheduled(posts, w, krusty, "Not yet", "2099-05-01T12:00");
        var before = java.time.Instant.now();

        mvc.perform(post(team.path() + "/posts/" + post.id() + "/edit")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Right now")
                        .param("when", "now")
                        .param("scheduledAt", "2099-05-01T12:00"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Publishing to 1 account now."));
        var edited = posts.get(w, post.id());
        assertThat(edited.body()).isEqualTo("Right now");
        assertThat(edited.scheduledAt())
                .isBetween(before, java.time.Instant.now().plusSeconds(10));
    }

    @Test
    void tagsLinksAsTheWorkspaceSaysByDefaultAndChecksTheTaggedLength() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        String body = "x".repeat(450) + " https://krusty.example.com/a"; // 479 of 500; tagged, 516

        mvc.perform(get(team.path() + "/compose").with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tag links with UTM parameters")))
                .andExpect(content().string(not(containsString("data-tag-links checked=\"checked\""))));
        linkTagging.change(team.workspace().id(), new LinkTaggingSetting(true, herald.publishing.UtmValues.DEFAULTS));
        mvc.perform(get(team.path() + "/compose").with(as(team.owner())))
                .andExpect(content().string(containsString("data-tag-links checked=\"checked\"")));

        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", body)
                        .param("tagLinks", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Sandbox @krusty: 516 of 500")));
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", body)
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-01T09:30"))
                .andExpect(status().is3xxRedirection());
        var created = posts.list(team.workspace().id(), new PostQuery(null, null, null, null, null, null, 10));
        assertThat(created).singleElement().satisfies(p -> assertThat(p.tagLinks())
                .isFalse());
    }

    @Test
    void thePostPageSaysItsLinksAreTagged() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        linkTagging.change(
                team.workspace().id(),
                new LinkTaggingSetting(true, new herald.publishing.UtmValues("{platform}", "social", "x", "", "")));
        var post = posts.create(
                team.workspace().id(),
                new herald.publishing.NewPost(
                        "See https://krusty.example.com",
                        null,
                        java.util.List.of(),
                        java.util.List.of(new herald.publishing.NewPost.NewTarget(krusty, null)),
                        "2099-03-01T09:30",
                        "Europe/Berlin",
                        false));

        mvc.perform(get(team.path() + "/posts/" + post.id()).with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"links-tagged\"")))
                .andExpect(content()
                        .string(containsString("utm_source={platform}&amp;utm_medium=social&amp;utm_campaign=x")))
                .andExpect(content().string(not(containsString("data-test=\"comment-links-tagged\""))));

        var commented = posts.create(
                team.workspace().id(),
                new herald.publishing.NewPost(
                        "See https://krusty.example.com",
                        null,
                        java.util.List.of(),
                        java.util.List.of(new herald.publishing.NewPost.NewTarget(krusty, null)),
                        "2099-03-01T09:30",
                        "Europe/Berlin",
                        false,
                        java.util.List.of(),
                        null,
                        "Order at https://krusty.example.com/order"));
        mvc.perform(get(team.path() + "/posts/" + commented.id()).with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"comment-links-tagged\"")))
                .andExpect(content().string(containsString(">Order at https://krusty.example.com/order<")));
    }
}
