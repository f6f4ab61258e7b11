package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import herald.SandboxEndToEndTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Short links end to end: a workspace turns them on, posts created through the API are published by the dispatcher to
 * the real Sandbox with their links short, and following a short link over HTTP leads on and counts the click.
 */
class ShortLinksEndToEndTests extends SandboxEndToEndTest {

    static final String MENU = "https://krusty.example.com/menu?lang=en#pizza";
    static final String ORDER = "https://krusty.example.com/order";
    /**
     * A short link of any node: in the full suite another cached application context (same database, its own port) may
     * publish a post of this test, with its own public URL. Every node follows every code.
     */
    static final Pattern SHORT = Pattern.compile("http://localhost:[0-9]+" + ShortLinks.PATH + "([0-9A-Za-z]{10})");

    @Test
    void aWorkspaceThatShortensLinksPublishesThemShortAndEachFollowedLinkLeadsOnAndIsCounted() {
        var changed = api("PATCH", "", "{\"shortenLinks\":true}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("shortenLinks").asBoolean()).isTrue();
        String comment = "Order here: " + ORDER + "/" + UUID.randomUUID();

        String body = "Menu " + MENU + " and again " + MENU + " " + UUID.randomUUID();
        var created = api(
                "POST",
                "/posts",
                "{\"body\":\"" + body + "\",\"link\":\"" + ORDER + "\",\"firstComment\":\"" + comment
                        + "\",\"targets\":[{\"connectionId\":\"" + connection + "\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("shortLinks").asBoolean()).isTrue();
        String post = created.json().path("id").asString();
        awaitComment(post);

        JsonNode sent = publishedBy(handle);
        List<String> inText = codes(sent.path("text").asString());
        assertThat(inText).hasSize(2);
        assertThat(inText.get(0)).as("the same link twice is one short link").isEqualTo(inText.get(1));
        assertThat(SHORT.matcher(sent.path("text").asString()).replaceAll("<$1>"))
                .isEqualTo(body.replace(MENU, "<" + inText.get(0) + ">"));
        List<String> inLink = codes(sent.path("link").asString());
        assertThat(inLink).hasSize(1).doesNotContain(inText.get(0));
        assertThat(feed()).doesNotContain(comment).containsPattern("Order here: " + SHORT.pattern());

        Response followed = follow(inText.get(0), "GET", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0");
        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.headers().firstValue("Location")).hasValue(MENU);
        follow(inText.get(0), "GET", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/604.1");
        // Robots fetching previews, and HEAD requests, lead on but are not clicks.
        assertThat(follow(inText.get(0), "GET", "Twitterbot/1.0").status()).isEqualTo(302);
        assertThat(follow(inText.get(0), "GET", "facebookexternalhit/1.1").status())
                .isEqualTo(302);
        assertThat(follow(inText.get(0), "HEAD", "Mozilla/5.0 Chrome/131.0").status())
                .isEqualTo(302);
        Response toLink = follow(inLink.get(0), "GET", "Mozilla/5.0 Firefox/133.0");
        assertThat(toLink.headers().firstValue("Location")).hasValue(ORDER);

        JsonNode links = api("GET", "/posts/" + post + "/links", null).json();
        assertThat(links.path("shortLinks").asBoolean()).isTrue();
        assertThat(links.path("clicks").asLong()).isEqualTo(3);
        List<String> parts = new ArrayList<>();
        for (JsonNode link : links.path("links")) {
            parts.add(link.path("part").asString() + "=" + link.path("clicks").asLong());
            assertThat(link.path("account").asString()).isEqualTo("Sandbox @" + handle);
            assertThat(link.path("shortUrl").asString()).matches(SHORT.pattern());
        }
        assertThat(parts).containsExactlyInAnyOrder("text=2", "link=1", "comment=0");
        JsonNode figures = api("GET", "/posts/" + post + "/figures", null).json();
        assertThat(figures.path("targets").get(0).path("clicks").asLong())
                .as(figures.toString())
                .isEqualTo(3);
        JsonNode analytics = api("GET", "/analytics", null).json();
        assertThat(analytics.path("clicks").asLong()).as(analytics.toString()).isEqualTo(3);
        assertThat(api("GET", "/analytics?connectionId=" + UUID.randomUUID(), null)
                        .json()
                        .path("clicks")
                        .asLong())
                .isZero();
    }

    @Test
    void anUnknownCodeIsA404PageAndAnotherWorkspaceCannotReadThePostsLinks() {
        Response unknown = follow("AAAAAAAAAA", "GET", "Mozilla/5.0 Chrome/131.0");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link leads nowhere");
        assertThat(follow("not-a-code", "GET", "Mozilla/5.0").status()).isEqualTo(404);

        api("PATCH", "", "{\"shortenLinks\":true}");
        String post = create("Secret " + ORDER + "/" + UUID.randomUUID(), "");
        awaitFinished(post, Duration.ofSeconds(20));
        assertThat(api("GET", "/posts/" + post + "/links", null)
                        .json()
                        .path("links")
                        .size())
                .isEqualTo(1);

        Other other = otherWorkspace("Other");
        Response theirs =
                send(other.key(), "GET", "/api/v1/workspaces/" + workspace.value() + "/posts/" + post + "/links", null);
        assertThat(theirs.status()).isIn(403, 404);
        Response theirWay = send(other.key(), "GET", other.base() + "/posts/" + post + "/links", null);
        assertThat(send(other.key(), "PUT", other.base() + "/posts/" + post + "/bio-page", "{\"shown\":false}")
                        .status())
                .isEqualTo(404);

        // Off the link-in-bio page and back, through the API.
        var off = api("PUT", "/posts/" + post + "/bio-page", "{\"shown\":false}");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().path("eligible").asBoolean()).isTrue();
        assertThat(off.json().path("hidden").asBoolean()).isTrue();
        assertThat(off.json().path("shown").asBoolean()).isFalse();
        assertThat(api("GET", "/posts/" + post + "/bio-page", null)
                        .json()
                        .path("hidden")
                        .asBoolean())
                .isTrue();
        assertThat(api("PUT", "/posts/" + post + "/bio-page", "{\"shown\":true}")
                        .json()
                        .path("shown")
                        .asBoolean())
                .isTrue();
        assertThat(api("GET", "/audit-events?action=post.bio_page_hidden", null)
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
        var pinned = api("PUT", "/posts/" + post + "/bio-page", "{\"pinned\":true}");
        assertThat(pinned.status()).as(pinned.body()).isEqualTo(200);
        assertThat(pinned.json().path("pinned").asBoolean()).isTrue();
        assertThat(api("PUT", "/posts/" + post + "/bio-page", "{}").status()).isEqualTo(400);
        String later =
                create("Not out " + ORDER, ",\"scheduledAt\":\"" + Instant.now().plusSeconds(3600) + "\"");
        var notPublished = api("PUT", "/posts/" + later + "/bio-page", "{\"pinned\":true}");
        assertThat(notPublished.status()).as(notPublished.body()).isEqualTo(409);
        assertThat(notPublished.body()).contains("Only a published post with a link");
        var unpinned = api("PUT", "/posts/" + post + "/bio-page", "{\"shown\":false}");
        assertThat(unpinned.json().path("pinned").asBoolean())
                .as("off the page is not pinned")
                .isFalse();
        assertThat(theirWay.status()).isEqualTo(404);
    }

    @Test
    void aLinkTurnedOffLeadsNowhereAndCountsNothingUntilItIsTurnedOnAgain() {
        String post = create("Offer " + ORDER + "/" + UUID.randomUUID(), ",\"shortenLinks\":true");
        awaitFinished(post, Duration.ofSeconds(20));
        String code = codes(publishedBy(handle).path("text").asString()).getFirst();
        assertThat(follow(code, "GET", "Mozilla/5.0 Chrome/131.0").status()).isEqualTo(302);

        var off = api("PUT", "/posts/" + post + "/links/" + code, "{\"turnedOff\":true}");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().path("links").get(0).path("turnedOffAt").isNull()).isFalse();
        Response gone = follow(code, "GET", "Mozilla/5.0 Chrome/131.0");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body()).contains("This link was turned off");
        assertThat(gone.headers().firstValue("Location")).isEmpty();
        assertThat(api("GET", "/posts/" + post + "/links", null)
                        .json()
                        .path("clicks")
                        .asLong())
                .as("a click on a link turned off is not counted")
                .isEqualTo(1);

        Other other = otherWorkspace("Other links");
        assertThat(send(other.key(), "PUT", other.base() + "/posts/" + post + "/links/" + code, "{\"turnedOff\":false}")
                        .status())
                .isEqualTo(404);
        assertThat(api("PUT", "/posts/" + post + "/links/AAAAAAAAAA", "{\"turnedOff\":true}")
                        .status())
                .isEqualTo(404);

        assertThat(api("PUT", "/posts/" + post + "/links/" + code, "{\"turnedOff\":false}")
                        .status())
                .isEqualTo(200);
        assertThat(follow(code, "GET", "Mozilla/5.0 Chrome/131.0").status()).isEqualTo(302);
        assertThat(api("GET", "/audit-events?action=post.short_link_turned_off", null)
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aPostKeepsWhatTheSettingWasWhenItWasCreated() {
        String later =
                create("Later " + ORDER, ",\"scheduledAt\":\"" + Instant.now().plusSeconds(3) + "\"");
        assertThat(api("PATCH", "", "{\"shortenLinks\":true}").status()).isEqualTo(200);
        awaitFinished(later, Duration.ofSeconds(20));

        assertThat(publishedBy(handle).path("text").asString()).isEqualTo("Later " + ORDER);
        JsonNode links = api("GET", "/posts/" + later + "/links", null).json();
        assertThat(links.path("shortLinks").asBoolean()).isFalse();
        assertThat(links.path("links").size()).isZero();
        var events = api("GET", "/audit-events?action=workspace.links_shortened", null);
        assertThat(events.json().path("items").size()).isEqualTo(1);
    }

    @Test
    void aPostMayChooseOtherwiseThanTheWorkspaceAndChangeItsMindUntilItPublishes() {
        String target = ",\"targets\":[{\"connectionId\":\"" + connection + "\"}]";
        String chosen = "Chosen " + ORDER + "/" + UUID.randomUUID();
        var checked = api("POST", "/posts/check", "{\"body\":\"" + chosen + "\"" + target + ",\"shortenLinks\":true}");
        assertThat(checked.json().path("targets").get(0).path("length").asInt())
                .as("the check counts the links the post would publish")
                .isEqualTo(("Chosen " + BASE + ShortLinks.PATH + "0123456789").length());
        String own = create(chosen, ",\"shortenLinks\":true");
        assertThat(api("GET", "/posts/" + own, null).json().path("shortLinks").asBoolean())
                .as("its own choice, though the workspace does not shorten")
                .isTrue();
        awaitFinished(own, Duration.ofSeconds(20));
        assertThat(codes(publishedBy(handle).path("text").asString())).hasSize(1);

        api("PATCH", "", "{\"shortenLinks\":true}");
        String later = "Changed its mind " + ORDER + "/" + UUID.randomUUID();
        String post = create(later, ",\"scheduledAt\":\"" + Instant.now().plusSeconds(3600) + "\"");
        assertThat(api("GET", "/posts/" + post, null).json().path("shortLinks").asBoolean())
                .isTrue();
        var edited = api(
                "PATCH",
                "/posts/" + post,
                "{\"shortenLinks\":false,\"scheduledAt\":\"" + Instant.now().plusSeconds(2) + "\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("shortLinks").asBoolean()).isFalse();
        awaitFinished(post, Duration.ofSeconds(20));
        List<String> texts = new ArrayList<>();
        published().forEach(sent -> texts.add(sent.path("text").asString()));
        assertThat(texts)
                .as("published as written, as the edit chose")
                .hasSize(2)
                .contains(later);
        assertThat(api("GET", "/posts/" + post + "/links", null)
                        .json()
                        .path("links")
                        .size())
                .isZero();
    }

    @Test
    void aTextIsCheckedAsPublishedSoALongLinkThatWouldNotFitDoesOnceShortened() {
        String long1 = "https://krusty.example.com/" + "spring-menu/".repeat(45);
        String body = "Our menu: " + long1;

        var refused = api(
                "POST",
                "/posts",
                "{\"body\":\"" + body + "\",\"targets\":[{\"connectionId\":\"" + connection + "\"}]}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("577 of 500 characters");

        api("PATCH", "", "{\"shortenLinks\":true}");
        var checked = api(
                "POST",
                "/posts/check",
                "{\"body\":\"" + body + "\",\"targets\":[{\"connectionId\":\"" + connection + "\"}]}");
        assertThat(checked.json().path("targets").get(0).path("length").asInt())
                .isEqualTo(("Our menu: " + BASE + ShortLinks.PATH + "0123456789").length());
        String post = create(body, "");
        awaitFinished(post, Duration.ofSeconds(20));

        String sent = publishedBy(handle).path("text").asString();
        assertThat(codes(sent)).hasSize(1);
        Response followed = follow(codes(sent).get(0), "GET", "Mozilla/5.0 Chrome/131.0");
        assertThat(followed.headers().firstValue("Location")).hasValue(long1);
    }

    @Test
    void anAnswerLostAfterTheSandboxTookThePostIsReconciledWithTheSameShortLinksAndPublishedOnce() {
        api("PATCH", "", "{\"shortenLinks\":true}");
        faults("{\"timeoutAfterCreate\":true}");
        String body = "Stalled " + ORDER + "/" + UUID.randomUUID();

        String post = create(body, "");
        JsonNode done = awaitFinished(post, Duration.ofSeconds(40));

        assertThat(done.path("targets").get(0).path("status").asString()).isEqualTo("published");
        JsonNode sent = publishedBy(handle); // exactly one post on the Sandbox
        assertThat(codes(sent.path("text").asString())).hasSize(1);
        assertThat(api("GET", "/posts/" + post + "/links", null)
                        .json()
                        .path("links")
                        .size())
                .isEqualTo(1);
    }

    static List<String> codes(String text) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = SHORT.matcher(text);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    Response follow(String code, String method, String userAgent) {
        return send(HttpRequest.newBuilder(URI.create(BASE + ShortLinks.PATH + code))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", userAgent));
    }

    void awaitComment(String post) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            last = api("GET", "/posts/" + post, null).json().path("targets").get(0);
            String status = last.path("comment").path("status").asString();
            if (status.equals("posted")) {
                return;
            }
            assertThat(status).isIn("waiting", "posting");
            sleep(200);
        }
        throw new AssertionError("the comment was not posted in time: " + last);
    }

    String feed() {
        Response page = send(
                HttpRequest.newBuilder(URI.create(BASE + "/sandbox/@" + handle)).GET());
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }
}
