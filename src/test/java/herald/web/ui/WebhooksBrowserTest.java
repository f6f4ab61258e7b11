package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The webhooks pages in Chromium: an owner is refused an internal address, adds an endpoint through the form, copies
 * its secret, sends a test event and finds it pending in the deliveries (this node does not send them:
 * {@code herald.webhooks.deliver=false}); both pages fit a phone.
 */
class WebhooksBrowserTest extends BrowserTest {

    static final String URL = "https://93.184.215.14/hooks";

    @Autowired
    UiFixtures fixtures;

    @Test
    void anOwnerAddsAnEndpointSendsATestEventAndSeesItPending() {
        var team = fixtures.team();
        Page page = signedIn(team, 1280, 900);

        navLink(page, "Webhooks").click();
        assertThat(heading(page)).hasText("Webhooks");
        assertThat(navLink(page, "Webhooks")).hasAttribute("aria-current", "page");
        assertThat(page.locator("input[name=events]:checked"))
                .hasCount(herald.webhooks.WebhookEventType.subscribable().size());

        page.getByLabel("URL", new Page.GetByLabelOptions().setExact(true)).fill("http://10.0.0.1/x");
        button(page, "Add endpoint").click();
        assertThat(page.locator("#url-error")).containsText("must use https://");
        assertThat(page.getByLabel("URL", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("http://10.0.0.1/x");
        assertThat(page.locator("[data-test=webhook-endpoints]")).hasCount(0);

        page.getByLabel("URL", new Page.GetByLabelOptions().setExact(true)).fill(URL);
        page.getByLabel("Description").fill("Orders board");
        page.locator("input[name=events][value='post.needs_attention']").uncheck();
        button(page, "Add endpoint").click();
        assertThat(page.locator("[data-test=webhook-secret]")).containsText("shown only this once");
        String secret = page.locator("[data-test=webhook-secret-value]").inputValue();
        assertThat(secret).matches("whsec_[A-Za-z0-9+/=]{44}");
        var row = page.locator("[data-test=webhook-endpoints] tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row.locator("[data-test=endpoint-status]")).hasText("Enabled");
        assertThat(row.locator("[data-test=secret-hint]"))
                .hasText("whsec_…" + secret.substring(secret.length() - 9, secret.length() - 1));
        assertThat(row).not().containsText("post.needs_attention");
        fits(page, "list");

        button(page, "Send test event").click();
        assertThat(heading(page)).hasText("Webhook endpoint");
        assertThat(page.locator(".flash.success")).containsText("test event");
        var delivery = page.locator("[data-test=webhook-delivery]");
        assertThat(delivery).hasCount(1);
        assertThat(delivery.locator("[data-test=delivery-type]")).hasText("webhook.test");
        assertThat(delivery.locator("[data-test=delivery-status]")).hasText("Pending");
        assertThat(delivery.locator("pre.payload")).not().isVisible();
        delivery.locator("summary").click();
        assertThat(delivery.locator("pre.payload")).isVisible();
        assertThat(delivery.locator("pre.payload")).containsText("\"type\" : \"webhook.test\"");
        assertThat(page.content()).doesNotContain(secret);
        fits(page, "endpoint");

        Page phone = signedIn(team, 390, 844);
        phone.navigate(team.path() + "/webhooks");
        fits(phone, "list on a phone");
        phone.locator("[data-test=endpoint-url]").click();
        assertThat(phone.locator("[data-test=delivery-status]")).hasText("Pending");
        phone.locator("[data-test=webhook-delivery] summary").click();
        fits(phone, "endpoint on a phone");

        assertThat(browserErrors).isEmpty();
    }

    private Page signedIn(UiFixtures.Team team, int width, int height) {
        Page page = person(width, height);
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(team.owner().email());
        page.getByLabel("Password").fill(UiFixtures.PASSWORD);
        button(page, "Sign in").click();
        page.waitForURL(Pattern.compile(".*/w/.*"));
        return page;
    }

    /** The checks every page passes ({@link PageFitness}); the screenshot joins the tour's. */
    private static void fits(Page page, String name) {
        PageFitness.check(page, "webhooks-" + name.replace(' ', '-'));
    }
}
