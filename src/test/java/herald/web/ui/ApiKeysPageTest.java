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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.identity.ApiKey;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@UiTest
class ApiKeysPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void aNewKeysTokenIsShownOnceWorksAndIsNeverShownAgain() throws Exception {
        var team = fixtures.team();

        String page = mvc.perform(post(team.path() + "/api-keys")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("name", "Zapier")
                        .param("scopes", "read", "write"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("it is shown only this once")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var shown = Pattern.compile("id=\"new-token\" type=\"text\" readonly value=\"(hk_[^\"]+)\"")
                .matcher(page);
        assertThat(shown.find()).isTrue();
        String token = shown.group(1);

        var principal = apiKeys.authenticate(token).orElseThrow();
        assertThat(principal.workspace()).isEqualTo(team.workspace().id());
        assertThat(principal.scopes()).containsExactlyInAnyOrder(ApiKeyScope.READ, ApiKeyScope.WRITE);

        mvc.perform(get(team.path() + "/api-keys").with(as(team.owner())))
                .andExpect(content().string(not(containsString(token))))
                .andExpect(content().string(containsString(principal.prefix() + "_…")))
                .andExpect(content().string(containsString("Zapier")));
    }

    @Test
    void thePageShowsTheWorkspacesApiAddressAndAKeyWorksThere() throws Exception {
        var team = fixtures.team();
        String page = mvc.perform(get(team.path() + "/api-keys").with(as(team.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("data-test=\"workspace-id\">" + team.workspace().id() + "<");
        var example = Pattern.compile("curl -H &quot;Authorization: Bearer &lt;key&gt;&quot; (http[^<\\s]+)")
                .matcher(page);
        assertThat(example.find()).isTrue();
        String path = java.net.URI.create(example.group(1)).getPath();
        assertThat(path).isEqualTo("/api/v1/workspaces/" + team.workspace().id());

        var issued = apiKeys.create(team.workspace().id(), "curl", EnumSet.of(ApiKeyScope.READ), null, null);
        mvc.perform(get(path).header("Authorization", "Bearer " + issued.token()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(team.workspace().name())));
    }

    @Test
    void anExpiryDateKeepsTheKeyValidThroughThatDayInTheWorkspacesTimezone() throws Exception {
        var team = fixtures.team();
        LocalDate last = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(30);

        mvc.perform(post(team.path() + "/api-keys")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("name", "Quarterly report")
                        .param("scopes", "read")
                        .param("expires", last.toString()))
                .andExpect(status().isOk());

        ApiKey key = apiKeys.list(team.workspace().id()).getFirst();
        assertThat(key.expiresAt())
                .isEqualTo(last.plusDays(1)
                        .atStartOfDay(ZoneId.of("Europe/Berlin"))
                        .toInstant());
    }

    @Test
    void namesWhatIsMissingOrWrongAndCreatesNothing() throws Exception {
        var team = fixtures.team();

        mvc.perform(post(team.path() + "/api-keys")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("name", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"name-error\"")))
                .andExpect(content().string(containsString("Name the key after what uses it.")));
        mvc.perform(post(team.path() + "/api-keys")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("name", "No scopes"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose at least one scope")));
        mvc.perform(post(team.path() + "/api-keys")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("name", "Past")
                        .param("scopes", "read")
                        .param("expires", "2020-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The expiry must be in the future.")));
        mvc.perform(post(team.path() + "/api-keys")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("name", "Root")
                        .param("scopes", "superuser"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Unknown scope")));

        assertThat(apiKeys.list(team.workspace().id())).isEmpty();
    }

    @Test
    void revokingWithHtmxSwapsInTheRevokedRow() throws Exception {
        var team = fixtures.team();
        var issued = apiKeys.create(team.workspace().id(), "Old bot", EnumSet.of(ApiKeyScope.READ), null, null);

        mvc.perform(post(team.path() + "/api-keys/" + issued.key().id() + "/revoke")
                        .with(csrf())
                        .with(as(team.owner()))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("<tr id=\"key-" + issued.key().id())))
                .andExpect(content().string(containsString(">Revoked<")))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(not(containsString("hx-post"))));

        assertThat(apiKeys.authenticate(issued.token())).isEmpty();
    }

    @Test
    void revokingWithoutJavascriptReturnsToTheList() throws Exception {
        var team = fixtures.team();
        var issued = apiKeys.create(team.workspace().id(), "Old bot", Set.of(ApiKeyScope.READ), null, null);

        mvc.perform(post(team.path() + "/api-keys/" + issued.key().id() + "/revoke")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(redirectedUrl(team.path() + "/api-keys"))
                .andExpect(flash().attribute("notice", "The key \u201cOld bot\u201d was revoked."));
        assertThat(apiKeys.authenticate(issued.token())).isEmpty();
    }

    @Test
    void revokingNeedsTheCsrfTokenAndTheAdminRole() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, herald.tenancy.Role.EDITOR);
        var issued = apiKeys.create(team.workspace().id(), "Keep me", Set.of(ApiKeyScope.READ), null, null);

        mvc.perform(post(team.path() + "/api-keys/" + issued.key().id() + "/revoke")
                        .with(as(team.owner())))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/api-keys/" + issued.key().id() + "/revoke")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().isForbidden());
        assertThat(apiKeys.authenticate(issued.token())).isPresent();
    }
}
