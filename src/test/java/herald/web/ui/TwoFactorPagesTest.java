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

import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.identity.RequestOrigin;
import herald.identity.SignedInUser;
import herald.identity.TwoFactor;
import herald.identity.User;
import herald.tenancy.Role;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages around two-factor sign-in: setting it up from the account's sign-in security page, turning it off, the
 * members page's badge, and a workspace that requires it.
 */
@UiTest
class TwoFactorPagesTest {

    static final Pattern KEY = Pattern.compile("data-test=\"two-factor-key\">([A-Z2-7]+)<");
    static final Pattern RECOVERY_CODE =
            Pattern.compile("<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code>");

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    TwoFactor twoFactor;

    @Autowired
    AuditLog audit;

    static SignedInUser signedIn(User user) {
        return new SignedInUser(user.id(), user.email(), user.displayName());
    }

    void turnOn(User user) {
        String key = twoFactor.enrolment(signedIn(user)).orElseThrow().key();
        TotpForTests.awaitStepWithTimeLeft(java.time.Duration.ofSeconds(2));
        twoFactor.enable(
                signedIn(user), TotpForTests.code(key, Instant.now().minusSeconds(30)), new RequestOrigin(null, null));
    }

    @Test
    void setsItUpWithAQrCodeAndTheKeyAsTextThenShowsTheRecoveryCodes() throws Exception {
        User me = fixtures.person("Setter");
        mvc.perform(get("/account/security").with(as(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"set-up-two-factor\"")));

        String setup = mvc.perform(get("/account/security/two-factor").with(as(me)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("src=\"data:image/svg+xml;base64,")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher key = KEY.matcher(setup);
        assertThat(key.find()).as("the key is shown as text").isTrue();

        String code = TotpForTests.code(key.group(1), Instant.now());
        String wrong = code.equals("000000") ? "111111" : "000000";
        mvc.perform(post("/account/security/two-factor")
                        .param("code", wrong)
                        .with(as(me))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("That code is not right.")))
                .andExpect(content().string(containsString(key.group(1))));
        assertThat(twoFactor.isOn(me.id())).isFalse();

        String shown = mvc.perform(post("/account/security/two-factor")
                        .param("code", code)
                        .with(as(me))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("shown only now")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(RECOVERY_CODE.matcher(shown).results().count()).isEqualTo(10);
        assertThat(twoFactor.isOn(me.id())).isTrue();
        mvc.perform(get("/account/security").with(as(me)))
                .andExpect(content().string(containsString("10 of 10 recovery codes unused.")))
                .andExpect(content()
                        .string(not(containsString(RECOVERY_CODE
                                .matcher(shown)
                                .results()
                                .findFirst()
                                .orElseThrow()
                                .group(1)))));
        mvc.perform(get("/account/security/two-factor").with(as(me))).andExpect(redirectedUrl("/account/security"));
    }

    @Test
    void turningItOffNeedsThePassword() throws Exception {
        User me = fixtures.person("Turner");
        turnOn(me);

        mvc.perform(post("/account/security/two-factor/disable")
                        .param("confirmation", "not my password")
                        .with(as(me))
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/security"))
                .andExpect(flash().attribute("problem", "That is neither your password nor a current code."));
        assertThat(twoFactor.isOn(me.id())).isTrue();

        mvc.perform(post("/account/security/two-factor/disable")
                        .param("confirmation", UiFixtures.PASSWORD)
                        .with(as(me))
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/security"))
                .andExpect(flash().attribute("notice", containsString("off")));
        assertThat(twoFactor.isOn(me.id())).isFalse();
    }

    @Test
    void theMembersPageShowsWhoHasItOnToThoseWhoManageMembers() throws Exception {
        var team = fixtures.team();
        User editor = fixtures.member(team, Role.EDITOR);
        turnOn(team.owner());

        String page = mvc.perform(get(team.path() + "/members").with(as(team.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Pattern.compile("data-test=\"two-factor-badge\"")
                        .matcher(page)
                        .results()
                        .count())
                .as("the owner has it on, the editor not")
                .isEqualTo(1);

        mvc.perform(get(team.path() + "/members").with(as(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("two-factor-badge"))));
    }

    @Test
    void aWorkspaceThatRequiresItSendsMembersWithoutItToSetItUp() throws Exception {
        var team = fixtures.team();
        User editor = fixtures.member(team, Role.EDITOR);
        String settings = team.path() + "/settings";

        mvc.perform(post(settings + "/two-factor")
                        .param("required", "true")
                        .with(as(team.owner()))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", containsString("for yourself first")));
        mvc.perform(get(team.path()).with(as(editor))).andExpect(status().isOk());

        turnOn(team.owner());
        mvc.perform(post(settings + "/two-factor")
                        .param("required", "true")
                        .with(as(editor))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(settings + "/two-factor")
                        .param("required", "true")
                        .with(as(team.owner()))
                        .with(csrf()))
                .andExpect(redirectedUrl(settings));

        mvc.perform(get(team.path() + "/posts").with(as(editor)))
                .andExpect(redirectedUrl(
                        "/account/security?required=" + team.workspace().slug()));
        mvc.perform(get("/account/security?required=" + team.workspace().slug()).with(as(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("requires two-factor sign-in")));
        mvc.perform(get(team.path()).with(as(team.owner()))).andExpect(status().isOk());
        mvc.perform(get(settings).with(as(team.owner())))
                .andExpect(content().string(containsString("data-test=\"two-factor-required\"")));

        turnOn(editor);
        mvc.perform(get(team.path() + "/posts").with(as(editor))).andExpect(status().isOk());
        assertThat(audit.find(team.workspace().id(), AuditQuery.latest(20)))
                .extracting(e -> e.action())
                .contains("workspace.two_factor_required");
    }
}
