package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.tenancy.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@UiTest
class ConnectionsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Test
    void everyMemberSeesTheListButOnlyAdminsConnect() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(get(team.path() + "/connections").with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Connect Sandbox")))
                .andExpect(content().string(containsString("No accounts connected yet.")));
        mvc.perform(get(team.path() + "/connections").with(as(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Connect Sandbox"))));
        mvc.perform(post(team.path() + "/connections/connect")
                        .with(csrf())
                        .with(as(editor))
                        .param("provider", "sandbox")
                        .param("accountType", "company"))
                .andExpect(status().isForbidden());
    }

    @Test
    void connectAnswersTheAuthorizeUrlToScriptsAndRedirectsForms() throws Exception {
        var team = fixtures.team();

        mvc.perform(post(team.path() + "/connections/connect")
                        .with(csrf())
                        .with(as(team.owner()))
                        .accept(MediaType.APPLICATION_JSON)
                        .param("provider", "sandbox")
                        .param("accountType", "company"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authorizationUrl", containsString("/sandbox/oauth/authorize?")))
                .andExpect(jsonPath("$.authorizationUrl", containsString("code_challenge_method=S256")));
        mvc.perform(post(team.path() + "/connections/connect")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("provider", "sandbox")
                        .param("accountType", "personal"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/sandbox/oauth/authorize?")));
        mvc.perform(post(team.path() + "/connections/connect")
                        .with(csrf())
                        .with(as(team.owner()))
                        .accept(MediaType.APPLICATION_JSON)
                        .param("provider", "myspace")
                        .param("accountType", "personal"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("Unknown provider 'myspace'")));
        mvc.perform(post(team.path() + "/connections/connect")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("provider", "myspace")
                        .param("accountType", "personal"))
                .andExpect(flash().attribute("problem", startsWith("Unknown provider")));
    }

    @Test
    void theCallbackIsOpenAndRefusesAStateItDoesNotKnow() throws Exception {
        mvc.perform(get("/connections/callback/sandbox")
                        .param("state", UUID.randomUUID().toString())
                        .param("code", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("This connect link is not valid")));
    }
}
