package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.audit.AuditLog;
import herald.tenancy.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@UiTest
class AuditPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    AuditLog audit;

    @Test
    void showsEntriesInTheWorkspacesTimezoneWithUtcOnHover() throws Exception {
        var team = fixtures.team();

        mvc.perform(get(team.path() + "/audit").with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-action=\"user.signed_up\"")))
                .andExpect(content().string(containsString("data-action=\"workspace.created\"")))
                .andExpect(content().string(containsString("Times in <span>Europe/Berlin</span>")))
                .andExpect(content().string(containsString(" UTC\"")));
    }

    @Test
    void filtersByActionActorAndDays() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(get(team.path() + "/audit").with(as(team.owner())).param("action", "member.joined"))
                .andExpect(content()
                        .string(containsString(
                                "<option value=\"connection.paused\" label=\"paused publishing to an account\">")))
                .andExpect(content().string(containsString("data-action=\"member.joined\"")))
                .andExpect(content().string(containsString("title=\"joined\">member.joined</code>")))
                .andExpect(content().string(not(containsString("data-action=\"user.signed_up\""))));
        mvc.perform(get(team.path() + "/audit")
                        .with(as(team.owner()))
                        .param("actor", team.owner().id().toString()))
                .andExpect(content().string(containsString("data-action=\"user.signed_up\"")))
                .andExpect(content().string(not(containsString("data-action=\"member.joined\""))));
        mvc.perform(get(team.path() + "/audit").with(as(team.owner())).param("actor", "system"))
                .andExpect(content().string(containsString("data-action=\"member.joined\"")))
                .andExpect(content().string(containsString(editor.displayName())));

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        mvc.perform(get(team.path() + "/audit")
                        .with(as(team.owner()))
                        .param("from", today.toString())
                        .param("to", today.toString()))
                .andExpect(content().string(containsString("data-action=\"user.signed_up\"")));
        mvc.perform(get(team.path() + "/audit")
                        .with(as(team.owner()))
                        .param("from", today.plusDays(1).toString()))
                .andExpect(content().string(containsString("No entries match.")));
    }

    @Test
    void aBadDateIsShownNextToItsField() throws Exception {
        var team = fixtures.team();

        mvc.perform(get(team.path() + "/audit").with(as(team.owner())).param("from", "yesterday"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"from-error\"")));
        mvc.perform(get(team.path() + "/audit")
                        .with(as(team.owner()))
                        .param("from", "2026-11-24")
                        .param("to", "2026-11-01"))
                .andExpect(content().string(containsString("The end date comes before the start date.")));
    }

    @Test
    void pagesBackwardsWithACursorKeepingTheFilters() throws Exception {
        var team = fixtures.team();
        for (int i = 0; i < AuditFilter.PAGE + 5; i++) {
            audit.record(team.workspace().id(), "test.tick", "tick", String.valueOf(i), Map.of("n", String.valueOf(i)));
        }

        String first = mvc.perform(
                        get(team.path() + "/audit").with(as(team.owner())).param("action", "test.tick"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Pattern.compile("data-action=\"test.tick\"")
                        .matcher(first)
                        .results()
                        .count())
                .isEqualTo(AuditFilter.PAGE);
        var older = Pattern.compile("href=\"(/w/[^\"]+/audit\\?action=test.tick&amp;before=\\d+)\"")
                .matcher(first);
        assertThat(older.find()).as("a link to older entries").isTrue();

        String second = mvc.perform(get(older.group(1).replace("&amp;", "&")).with(as(team.owner())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Pattern.compile("data-action=\"test.tick\"")
                        .matcher(second)
                        .results()
                        .count())
                .isEqualTo(5);
        assertThat(second)
                .contains("<span>0</span>")
                .doesNotContain("data-test=\"older\"")
                .contains("Newest");
    }

    @Test
    void verifiesTheChainOnRequest() throws Exception {
        var team = fixtures.team();

        mvc.perform(get(team.path() + "/audit/verify").with(as(team.owner())).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chain intact.")))
                .andExpect(content().string(containsString("entries checked.")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get(team.path() + "/audit/verify").with(as(team.owner())))
                .andExpect(content().string(containsString("Chain intact.")))
                .andExpect(content().string(containsString("<h1>Audit log</h1>")));
    }
}
