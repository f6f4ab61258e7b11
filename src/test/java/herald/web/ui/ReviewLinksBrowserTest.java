package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import herald.audit.Actor;
import herald.connections.ConnectionId;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.publishing.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A client review in Chromium: a member makes a link that may approve and copies it; someone without an account opens
 * it in another browser, gives a name, comments on the post awaiting approval and approves it. The post is then
 * scheduled, and the member reads the comment, signed by the reviewer through the link, on the post's page.
 */
class ReviewLinksBrowserTest extends BrowserTest {

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Test
    void aClientWithoutAnAccountCommentsOnAndApprovesAPost() {
        var team = fixtures.team();
        ConnectionId account = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "client");
        Post pending = posts.create(
                team.workspace().id(),
                new NewPost(
                        "Our new pizza, out on Friday",
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(account, null)),
                        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                                .format(Instant.now().plus(Duration.ofDays(3)).atZone(ZoneId.of("Europe/Berlin"))),
                        "Europe/Berlin",
                        false,
                        List.of(),
                        null,
                        "#pizza #friday"),
                Provenance.of(Provenance.Origin.SYSTEM, Actor.system()),
                true);

        Page member = person();
        member.navigate("/sign-in");
        member.getByLabel("Email").fill(team.owner().email());
        member.getByLabel("Password").fill(UiFixtures.PASSWORD);
        button(member, "Sign in").click();
        member.waitForURL("**/w/**");
        navLink(member, "Review links").click();
        member.getByLabel("Who it is for").fill("Acme marketing team");
        member.locator("[data-test=may-approve]").check();
        button(member, "Create link").click();
        String url = member.locator("[data-test=review-link-url]").inputValue();
        assertThat(url).contains("/review/");
        assertThat(member.locator("[data-test=review-link-status]")).hasText("Active");

        Page client = person();
        client.navigate(url.substring(url.indexOf("/review/")));
        assertThat(client.locator("[data-test=review-workspace]"))
                .hasText(team.workspace().name());
        assertThat(client.locator("[data-test=review-body]")).hasText("Our new pizza, out on Friday");
        assertThat(client.locator("[data-test=review-first-comment]")).hasText("#pizza #friday");
        assertThat(client.locator("[data-test=post-status]")).hasText("Awaiting approval");
        client.getByLabel("Your name").fill("Marge Simpson");
        button(client, "Continue").click();
        assertThat(client.locator("[data-test=reviewing-as]")).containsText("Marge Simpson");
        client.getByLabel("Your comment").fill("Love it. Can we add the price?");
        button(client, "Add comment").click();
        assertThat(client.locator(".flash.success")).containsText("Comment added");
        assertThat(client.locator("[data-test=review-notes]")).containsText("Love it. Can we add the price?");
        button(client, "Approve").click();
        assertThat(client.locator(".flash.success")).containsText("Approved");
        assertThat(client.locator("[data-test=post-status]")).hasText("Scheduled");

        assertThat(posts.get(team.workspace().id(), pending.id()).status()).isEqualTo(PostStatus.SCHEDULED);
        member.navigate(team.path() + "/posts/" + pending.id());
        assertThat(member.locator("[data-test=post-status]")).hasText("Scheduled");
        assertThat(member.locator("[data-test=post-notes]")).containsText("Love it. Can we add the price?");
        assertThat(member.locator("[data-test=post-notes]"))
                .containsText("Marge Simpson (via review link 'Acme marketing team')");
        assertThat(browserErrors).isEmpty();
    }
}
