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

import herald.tenancy.Role;
import herald.webhooks.CreatedWebhookEndpoint;
import herald.webhooks.WebhookDeliveries;
import herald.webhooks.WebhookDelivery;
import herald.webhooks.WebhookEndpoint;
import herald.webhooks.WebhookEndpointDraft;
import herald.webhooks.WebhookEndpoints;
import herald.webhooks.WebhookEventType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The webhooks pages: owners and admins add, edit, switch off and on, test, roll and delete endpoints and read their
 * deliveries; a new secret is shown once; nobody else, and no other workspace, reaches them.
 */
@UiTest
class WebhooksPageTest {

    /** A public address that needs no DNS: the machine running the tests may have none. */
    static final String URL = "https://93.184.215.14/hooks";

    static final Pattern SECRET =
            Pattern.compile("id=\"webhook-secret-value\" type=\"text\" readonly value=\"(whsec_[^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    WebhookEndpoints endpoints;

    @Autowired
    WebhookDeliveries deliveries;

    @Test
    void anAdminAddsAnEndpointAndSeesItsSecretOnlyOnce() throws Exception {
        var team = fixtures.team();
        var admin = fixtures.member(team, Role.ADMIN);

        mvc.perform(get(team.path() + "/webhooks").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No endpoints yet.")))
                .andExpect(content().string(containsString("aria-current=\"page\">Webhooks</a>")))
                // every event is ticked on a fresh form
                .andExpect(content()
                        .string(containsString("value=\"connection.needs_reconnect\" id=\"new-event-"
                                + "connection-needs_reconnect\" checked=\"checked\"")));

        String page = mvc.perform(post(team.path() + "/webhooks")
                        .with(csrf())
                        .with(as(admin))
                        .param("url", URL)
                        .param("description", "Orders board")
                        .param("events", "post.published", "post.failed"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("it is shown only this once")))
                .andExpect(content().string(containsString("webhook-signature")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher shown = SECRET.matcher(page);
        assertThat(shown.find()).isTrue();
        String secret = shown.group(1);

        WebhookEndpoint endpoint = endpoints.all(team.workspace().id()).getFirst();
        assertThat(endpoint.url()).hasToString(URL);
        assertThat(endpoint.description()).isEqualTo("Orders board");
        assertThat(endpoint.events()).containsExactly(WebhookEventType.POST_PUBLISHED, WebhookEventType.POST_FAILED);
        assertThat(endpoint.enabled()).isTrue();
        assertThat(endpoint.secretHint())
                .isEqualTo("whsec_…" + secret.substring(secret.length() - 9, secret.length() - 1));

        mvc.perform(get(team.path() + "/webhooks").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(secret))))
                .andExpect(content().string(not(containsString("it is shown only this once"))))
                .andExpect(content().string(containsString(endpoint.secretHint())))
                .andExpect(content().string(containsString(">" + URL + "</a>")));
        mvc.perform(get(team.path() + "/webhooks/" + endpoint.id()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(secret))));
    }

    @Test
    void editorsAndViewersNeitherSeeNorReachThePage() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);
        var viewer = fixtures.member(team, Role.VIEWER);
        CreatedWebhookEndpoint created = create(team, "Ops");
        String endpoint = team.path() + "/webhooks/" + created.endpoint().id();

        mvc.perform(get(team.path()).with(as(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(team.path() + "/webhooks"))));
        mvc.perform(get(team.path() + "/webhooks").with(as(editor))).andExpect(status().isForbidden());
        mvc.perform(get(team.path() + "/webhooks").with(as(viewer))).andExpect(status().isForbidden());
        mvc.perform(get(endpoint).with(as(viewer))).andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/webhooks")
                        .with(csrf())
                        .with(as(editor))
                        .param("url", URL)
                        .param("events", "post.published"))
                .andExpect(status().isForbidden());
        mvc.perform(post(endpoint + "/roll-secret").with(csrf()).with(as(editor)))
                .andExpect(status().isForbidden());
        mvc.perform(post(endpoint + "/delete").with(csrf()).with(as(editor))).andExpect(status().isForbidden());
        // without the CSRF token, not even the owner
        mvc.perform(post(endpoint + "/delete").with(as(team.owner()))).andExpect(status().isForbidden());

        assertThat(endpoints.all(team.workspace().id())).singleElement().satisfies(e -> assertThat(e.secretHint())
                .isEqualTo(created.endpoint().secretHint()));
    }

    @Test
    void aBadUrlOrNoEventIsNamedNextToItsFieldKeepsWhatWasTypedAndCreatesNothing() throws Exception {
        var team = fixtures.team();

        mvc.perform(post(team.path() + "/webhooks")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("url", "http://10.0.0.1/x")
                        .param("description", "Intranet")
                        .param("events", "post.published"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"url-error\"")))
                .andExpect(content().string(containsString("must use https://")))
                .andExpect(content().string(containsString("value=\"http://10.0.0.1/x\"")))
                .andExpect(content().string(containsString("value=\"Intranet\"")))
                .andExpect(content().string(not(containsString("id=\"webhook-secret-value\""))));
        mvc.perform(post(team.path() + "/webhooks")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("url", "https://10.0.0.1/x")
                        .param("events", "post.published"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is an internal address")));
        mvc.perform(post(team.path() + "/webhooks")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("url", URL)
                        .param("description", "No events"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"events-error\"")))
                .andExpect(content().string(containsString("Choose at least one event to receive.")))
                .andExpect(content().string(containsString("value=\"" + URL + "\"")))
                // what was unticked stays unticked
                .andExpect(
                        content().string(containsString("value=\"post.published\" id=\"new-event-post-published\">")))
                .andExpect(content().string(not(containsString("checked=\"checked\""))));

        assertThat(endpoints.all(team.workspace().id())).isEmpty();
    }

    @Test
    void anEndpointAboveTheLimitIsRefusedAboveTheFormWhichKeepsWhatWasTyped() throws Exception {
        var team = fixtures.team();
        for (int i = 0; i < 10; i++) {
            create(team, "Endpoint " + i);
        }

        mvc.perform(post(team.path() + "/webhooks")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("url", URL)
                        .param("description", "Eleventh")
                        .param("events", "post.published"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("the most it may have; delete one first.")))
                .andExpect(content().string(containsString("value=\"Eleventh\"")));
        assertThat(endpoints.all(team.workspace().id())).hasSize(10);
    }

    @Test
    void anotherWorkspacesEndpointOrDeliveryIsNotFound() throws Exception {
        var mine = fixtures.team();
        var theirs = fixtures.team();
        CreatedWebhookEndpoint their = create(theirs, "Theirs");
        CreatedWebhookEndpoint own = create(mine, "Mine");
        WebhookDelivery theirTest =
                endpoints.sendTest(theirs.workspace().id(), their.endpoint().id());
        String path = mine.path() + "/webhooks/" + their.endpoint().id();

        mvc.perform(get(path).with(as(mine.owner()))).andExpect(status().isNotFound());
        for (String url : List.of(URL + "/mine", "https://169.254.169.254/latest")) {
            mvc.perform(post(path)
                            .with(csrf())
                            .with(as(mine.owner()))
                            .param("url", url)
                            .param("description", "Mine now")
                            .param("events", "post.failed"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post(path + "/disable").with(csrf()).with(as(mine.owner()))).andExpect(status().isNotFound());
        mvc.perform(post(path + "/test").with(csrf()).with(as(mine.owner()))).andExpect(status().isNotFound());
        mvc.perform(post(path + "/roll-secret").with(csrf()).with(as(mine.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(post(path + "/delete").with(csrf()).with(as(mine.owner()))).andExpect(status().isNotFound());
        mvc.perform(post(mine.path() + "/webhooks/" + own.endpoint().id() + "/deliveries/" + theirTest.id()
                                + "/redeliver")
                        .with(csrf())
                        .with(as(mine.owner())))
                .andExpect(status().isNotFound());

        assertThat(endpoints.all(theirs.workspace().id())).containsExactly(their.endpoint());
        assertThat(deliveries.recent(theirs.workspace().id(), their.endpoint().id(), null, 10))
                .hasSize(1);
    }

    @Test
    void disablingAndEnablingReturnToThePageItWasDoneOn() throws Exception {
        var team = fixtures.team();
        WebhookEndpoint endpoint = create(team, "Switch").endpoint();
        String path = team.path() + "/webhooks/" + endpoint.id();

        mvc.perform(post(path + "/disable").with(csrf()).with(as(team.owner())).param("back", "list"))
                .andExpect(redirectedUrl(team.path() + "/webhooks"))
                .andExpect(flash().attribute("notice", containsString("is disabled")));
        assertThat(endpoints.require(team.workspace().id(), endpoint.id()).enabled())
                .isFalse();
        mvc.perform(get(team.path() + "/webhooks").with(as(team.owner())))
                .andExpect(content().string(containsString(">Disabled<")))
                .andExpect(content().string(containsString(">Enable</span>")));

        mvc.perform(post(path + "/enable").with(csrf()).with(as(team.owner())).param("back", "endpoint"))
                .andExpect(redirectedUrl(path))
                .andExpect(flash().attribute("notice", containsString("receives events again")));
        WebhookEndpoint enabled = endpoints.require(team.workspace().id(), endpoint.id());
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.url()).isEqualTo(endpoint.url());
        assertThat(enabled.events()).isEqualTo(endpoint.events());
        assertThat(enabled.description()).isEqualTo(endpoint.description());
    }

    @Test
    void rollingTheSecretShowsTheNewOneOnceAndChangesTheHint() throws Exception {
        var team = fixtures.team();
        CreatedWebhookEndpoint created = create(team, "Roll");
        String path = team.path() + "/webhooks/" + created.endpoint().id();

        String page = mvc.perform(post(path + "/roll-secret").with(csrf()).with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("it is shown only this once")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher shown = SECRET.matcher(page);
        assertThat(shown.find()).isTrue();
        String rolled = shown.group(1);

        assertThat(rolled).isNotEqualTo(created.secret());
        WebhookEndpoint now =
                endpoints.require(team.workspace().id(), created.endpoint().id());
        assertThat(now.secretHint())
                .isEqualTo("whsec_…" + rolled.substring(rolled.length() - 9, rolled.length() - 1))
                .isNotEqualTo(created.endpoint().secretHint());
        mvc.perform(get(path).with(as(team.owner())))
                .andExpect(content().string(not(containsString(rolled))))
                .andExpect(content().string(containsString(now.secretHint())));
    }

    @Test
    void deletingRemovesTheEndpoint() throws Exception {
        var team = fixtures.team();
        WebhookEndpoint endpoint = create(team, "Gone").endpoint();

        mvc.perform(post(team.path() + "/webhooks/" + endpoint.id() + "/delete")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(redirectedUrl(team.path() + "/webhooks"))
                .andExpect(flash().attribute("notice", "The endpoint " + URL + " was deleted, with its deliveries."));

        assertThat(endpoints.all(team.workspace().id())).isEmpty();
        mvc.perform(get(team.path() + "/webhooks/" + endpoint.id()).with(as(team.owner())))
                .andExpect(status().isNotFound());
    }

    @Test
    void editingChangesUrlDescriptionAndEventsButARefusedEditChangesNothing() throws Exception {
        var team = fixtures.team();
        WebhookEndpoint endpoint = create(team, "Before").endpoint();
        String path = team.path() + "/webhooks/" + endpoint.id();

        mvc.perform(post(path)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("url", "https://93.184.215.14/other")
                        .param("description", "After")
                        .param("events", "connection.needs_reconnect"))
                .andExpect(redirectedUrl(path))
                .andExpect(flash().attribute("notice", "The endpoint was saved."));
        WebhookEndpoint saved = endpoints.require(team.workspace().id(), endpoint.id());
        assertThat(saved.url()).hasToString("https://93.184.215.14/other");
        assertThat(saved.description()).isEqualTo("After");
        assertThat(saved.events()).containsExactly(WebhookEventType.CONNECTION_NEEDS_RECONNECT);
        assertThat(saved.enabled()).isTrue();

        mvc.perform(post(path)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("url", "https://169.254.169.254/latest")
                        .param("description", "Metadata")
                        .param("events", "post.failed"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"url-error\"")))
                .andExpect(content().string(containsString("value=\"https://169.254.169.254/latest\"")));
        assertThat(endpoints.require(team.workspace().id(), endpoint.id())).isEqualTo(saved);
    }

    @Test
    void deliveriesAreListedNewestFirstFiftyAPageAndCanBeSentAgain() throws Exception {
        var team = fixtures.team();
        WebhookEndpoint endpoint = create(team, "Log").endpoint();
        String path = team.path() + "/webhooks/" + endpoint.id();
        WebhookDelivery oldest = endpoints.sendTest(team.workspace().id(), endpoint.id());
        for (int i = 0; i < WebhookEndpointController.PAGE; i++) {
            endpoints.sendTest(team.workspace().id(), endpoint.id());
        }

        String first = mvc.perform(get(path).with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"delivery-status\">Pending<")))
                .andExpect(content().string(containsString("&quot;type&quot; : &quot;webhook.test&quot;")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(count(first, "data-test=\"webhook-delivery\"")).isEqualTo(WebhookEndpointController.PAGE);
        // A delivery still being tried is not offered again: it would go out twice.
        assertThat(first).doesNotContain("/redeliver\"");
        assertThat(first).doesNotContain("data-delivery=\"" + oldest.id() + "\"");
        Matcher older = Pattern.compile("href=\"([^\"]+)\">Older<").matcher(first);
        assertThat(older.find()).isTrue();

        String second = mvc.perform(get(older.group(1).replace("&amp;", "&")).with(as(team.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(count(second, "data-test=\"webhook-delivery\"")).isEqualTo(1);
        assertThat(second).contains("data-delivery=\"" + oldest.id() + "\"").doesNotContain(">Older<");

        mvc.perform(post(path + "/deliveries/" + oldest.id() + "/redeliver")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(redirectedUrl(path))
                .andExpect(flash().attribute("notice", containsString("sent again")));
        List<WebhookDelivery> newest = deliveries.recent(team.workspace().id(), endpoint.id(), null, 1);
        assertThat(newest.getFirst().eventId()).isEqualTo(oldest.eventId());
        assertThat(newest.getFirst().id()).isNotEqualTo(oldest.id());
    }

    @Test
    void aFailedDeliveryShowsTheAnswerAndWhyInPlainWords() throws Exception {
        var team = fixtures.team();
        WebhookEndpoint endpoint = create(team, "Broken").endpoint();
        WebhookDelivery sent = endpoints.sendTest(team.workspace().id(), endpoint.id());
        // What the sender writes when the last attempt fails; no test node sends deliveries.
        fixtures.tenants.run(team.workspace().id(), () -> fixtures.jdbc
                .sql(
                        """
                        update webhook_deliveries set status = 'failed', attempts = 8, response_status = 503,
                            error = 'The endpoint answered 503 Service Unavailable.', next_attempt_at = null,
                            last_attempt_at = now()
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", team.workspace().id().value())
                .param("id", sent.id().value())
                .update());

        mvc.perform(get(team.path() + "/webhooks/" + endpoint.id()).with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"delivery-status\">Failed<")))
                .andExpect(content().string(containsString("<td data-label=\"HTTP\">503</td>")))
                .andExpect(content().string(containsString("<td data-label=\"Attempts\">8</td>")))
                .andExpect(content()
                        .string(containsString(
                                "data-test=\"delivery-error\">The endpoint answered 503 Service Unavailable.<")))
                .andExpect(content().string(containsString("/deliveries/" + sent.id() + "/redeliver\"")));
    }

    private CreatedWebhookEndpoint create(UiFixtures.Team team, String description) {
        return endpoints.create(
                team.workspace().id(),
                new WebhookEndpointDraft(URL, List.of("post.published", "post.needs_attention"), description, true));
    }

    private static int count(String page, String marker) {
        return page.split(Pattern.quote(marker), -1).length - 1;
    }
}
