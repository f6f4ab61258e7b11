package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.publishing.WorkspaceLinkTagging;
import herald.shared.WorkspaceId;
import herald.tenancy.Role;
import herald.tenancy.WorkspaceRules;
import herald.tenancy.Workspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@UiTest
class SettingsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Workspaces workspaces;

    @Autowired
    WorkspaceRules workspaceRules;

    @Autowired
    WorkspaceLinkTagging linkTagging;

    @Test
    void showsThePlanWithUsageAgainstItsLimits() throws Exception {
        var team = fixtures.team();
        fixtures.member(team, Role.EDITOR);

        mvc.perform(get(team.path() + "/settings").with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"members-usage\">2 of 3<")))
                .andExpect(content().string(containsString("API requests per hour")))
                .andExpect(content()
                        .string(containsString("data-test=\"settings-workspace-id\">"
                                + team.workspace().id() + "<")))
                .andExpect(content().string(containsString("Danger zone")));
    }

    @Test
    void adminsSaveNameTimezoneAndDescription() throws Exception {
        var team = fixtures.team();
        var admin = fixtures.member(team, Role.ADMIN);

        mvc.perform(post(team.path() + "/settings")
                        .with(csrf())
                        .with(as(admin))
                        .param("name", "Krusty Burger")
                        .param("timezone", "America/Chicago")
                        .param("description", "Burgers, clowns, questionable hygiene."))
                .andExpect(redirectedUrl(team.path() + "/settings"))
                .andExpect(flash().attribute("notice", "Settings saved."));

        var saved = workspaces.require(team.workspace().id());
        assertThat(saved.name()).isEqualTo("Krusty Burger");
        assertThat(saved.timezone().getId()).isEqualTo("America/Chicago");
        assertThat(saved.description()).isEqualTo("Burgers, clowns, questionable hygiene.");
        assertThat(saved.slug()).isEqualTo(team.workspace().slug());
    }

    @Test
    void refusesABadTimezoneOrAnEmptyNameNextToTheField() throws Exception {
        var team = fixtures.team();

        mvc.perform(post(team.path() + "/settings")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("name", "Still fine")
                        .param("timezone", "Europe/Atlantis"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"timezone-error\"")));
        mvc.perform(post(team.path() + "/settings")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("name", " ")
                        .param("timezone", "UTC"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"name-error\"")));

        assertThat(workspaces.require(team.workspace().id()).name())
                .isEqualTo(team.workspace().name());
    }

    @Test
    void adminsTurnShortLinksOnAndOffAndEditorsCannot() throws Exception {
        var team = fixtures.team();
        var admin = fixtures.member(team, Role.ADMIN);
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(get(team.path() + "/settings").with(as(admin)))
                .andExpect(content().string(containsString("Shorten links and count clicks")));
        mvc.perform(post(team.path() + "/settings/short-links")
                        .with(csrf())
                        .with(as(admin))
                        .param("shorten", "true"))
                .andExpect(redirectedUrl(team.path() + "/settings#short-links"))
                .andExpect(flash().attribute("notice", containsString("Short links on")));
        assertThat(workspaceRules.shortensLinks(team.workspace().id())).isTrue();
        mvc.perform(get(team.path() + "/settings").with(as(admin)))
                .andExpect(content().string(containsString("data-test=\"short-links-on\"")))
                .andExpect(content().string(containsString("http://localhost:8080/l/x7Kq2mP9aB")))
                .andExpect(content().string(containsString("Publish links as written")));

        mvc.perform(post(team.path() + "/settings/short-links")
                        .with(csrf())
                        .with(as(editor))
                        .param("shorten", "false"))
                .andExpect(status().isForbidden());
        assertThat(workspaceRules.shortensLinks(team.workspace().id())).isTrue();
        mvc.perform(post(team.path() + "/settings/short-links")
                        .with(csrf())
                        .with(as(admin))
                        .param("shorten", "false"))
                .andExpect(flash().attribute("notice", containsString("Short links off")));
        assertThat(workspaceRules.shortensLinks(team.workspace().id())).isFalse();
    }

    @Test
    void adminsChooseTheLanguageOfPostsAndAWrongTagIsSaidNotSaved() throws Exception {
        var team = fixtures.team();
        var admin = fixtures.member(team, Role.ADMIN);
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(get(team.path() + "/settings").with(as(admin)))
                .andExpect(content().string(containsString("<option value=\"\" selected=\"selected\">Not set")))
                .andExpect(content().string(containsString("<option value=\"de\">German</option>")));
        mvc.perform(post(team.path() + "/settings/post-language")
                        .with(csrf())
                        .with(as(admin))
                        .param("language", "de"))
                .andExpect(redirectedUrl(team.path() + "/settings#post-language"))
                .andExpect(flash().attribute("notice", "Posts now tell Bluesky and Mastodon they are in German."));
        assertThat(workspaceRules.postLanguage(team.workspace().id())).contains("de");
        mvc.perform(get(team.path() + "/settings").with(as(admin)))
                .andExpect(
                        content().string(containsString("<option value=\"de\" selected=\"selected\">German</option>")));

        mvc.perform(post(team.path() + "/settings/post-language")
                        .with(csrf())
                        .with(as(admin))
                        .param("language", "klingon!"))
                .andExpect(flash().attribute("problem", "'klingon!' is not a language tag such as en, de or pt-BR."));
        mvc.perform(post(team.path() + "/settings/post-language")
                        .with(csrf())
                        .with(as(editor))
                        .param("language", "fr"))
                .andExpect(status().isForbidden());
        assertThat(workspaceRules.postLanguage(team.workspace().id())).contains("de");
    }

    @Test
    void onlyOwnersSeeOrUseTheDangerZone() throws Exception {
        var team = fixtures.team();
        var admin = fixtures.member(team, Role.ADMIN);

        mvc.perform(get(team.path() + "/settings").with(as(admin)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Danger zone"))));
        mvc.perform(post(team.path() + "/settings/delete")
                        .with(csrf())
                        .with(as(admin))
                        .param("confirmation", team.workspace().name()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("This needs the <strong>owner</strong> role")));
        assertThat(workspaces.find(team.workspace().id())).isPresent();
    }

    @Test
    void deletionNeedsTheExactNameThenRemovesOnlyThatWorkspace() throws Exception {
        var team = fixtures.team();
        var other = workspaces.create(
                WorkspaceId.random(),
                new Workspaces.Details("Other " + UiFixtures.tag(), "UTC", ""),
                "free",
                team.owner().id());

        mvc.perform(post(team.path() + "/settings/delete")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("confirmation", team.workspace().name().toUpperCase()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"confirmation-error\"")));
        assertThat(workspaces.find(team.workspace().id())).isPresent();

        mvc.perform(post(team.path() + "/settings/delete")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("confirmation", team.workspace().name()))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("notice", containsString("was deleted")));

        assertThat(workspaces.find(team.workspace().id())).isEmpty();
        assertThat(workspaces.of(team.owner().id())).singleElement().satisfies(w -> assertThat(w.id())
                .isEqualTo(other.id()));
    }

    @Test
    void adminsTurnOnLinkTaggingAndABadValueIsShownNextToItsField() throws Exception {
        var team = fixtures.team();
        var admin = fixtures.member(team, Role.ADMIN);
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(post(team.path() + "/settings/link-tagging")
                        .with(csrf())
                        .with(as(admin))
                        .param("enabled", "true")
                        .param("utmSource", "{platform}")
                        .param("utmMedium", "social")
                        .param("utmCampaign", "winter-{date}"))
                .andExpect(redirectedUrl(team.path() + "/settings#link-tagging"));
        var saved = linkTagging.get(team.workspace().id());
        assertThat(saved.enabled()).isTrue();
        assertThat(saved.values().campaign()).isEqualTo("winter-{date}");

        mvc.perform(post(team.path() + "/settings/link-tagging")
                        .with(csrf())
                        .with(as(admin))
                        .param("utmSource", "{platform}")
                        .param("utmMedium", "social")
                        .param("utmCampaign", "{season}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"utmCampaign-error\"")))
                .andExpect(content().string(containsString("unknown placeholder {season}")));
        assertThat(linkTagging.get(team.workspace().id())).isEqualTo(saved);

        mvc.perform(post(team.path() + "/settings/link-tagging")
                        .with(csrf())
                        .with(as(editor))
                        .param("utmSource", "x")
                        .param("utmMedium", "social"))
                .andExpect(status().isForbidden());
        assertThat(linkTagging.get(team.workspace().id())).isEqualTo(saved);
    }
}
