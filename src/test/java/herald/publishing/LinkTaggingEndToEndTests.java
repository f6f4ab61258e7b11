package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import herald.SandboxEndToEndTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Link tagging end to end: posts created through the API are published by the dispatcher to the real Sandbox, and
 * what each Sandbox account received is read back through its public listing.
 */
class LinkTaggingEndToEndTests extends SandboxEndToEndTest {

    static final String MENU = "https://krusty.example.com/menu?lang=en#pizza";
    static final String PRINT = "https://krusty.example.com/flyer?utm_source=print";
    static final String ORDER = "https://krusty.example.com/order";

    @Test
    void eachAccountGetsItsOwnTaggedLinksWhenTheWorkspaceTagsByDefault() {
        var changed = api(
                "PATCH",
                "",
                """
                {"linkTagging":{"enabled":true,"utmCampaign":"{account}-{date}","utmContent":"{post}"}}""");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        String other = "e2e_" + UUID.randomUUID().toString().substring(0, 8);
        String otherConnection = connect(other);

        String body = "Menu " + MENU + " and our flyer " + PRINT + " " + UUID.randomUUID();
        var created = api(
                "POST",
                "/posts",
                "{\"body\":\"" + body + "\",\"link\":\"" + ORDER + "\",\"targets\":[{\"connectionId\":\"" + connection
                        + "\"},{\"connectionId\":\"" + otherConnection + "\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("tagLinks").asBoolean()).isTrue();
        String post = created.json().path("id").asString();
        awaitAll(post);

        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        for (String account : new String[] {handle, other}) {
            String tags = "utm_source=sandbox&utm_medium=social&utm_campaign=" + account + "-" + today + "&utm_content="
                    + post.substring(0, 8);
            JsonNode sent = publishedBy(account);
            assertThat(sent.path("text").asString())
                    .isEqualTo(body.replace(MENU, "https://krusty.example.com/menu?lang=en&" + tags + "#pizza"));
            assertThat(sent.path("link").asString()).isEqualTo(ORDER + "?" + tags);
        }
    }

    @Test
    void aPostThatSaysNoIsPublishedAsWrittenAndTheFlagCanBeTurnedOnWhileItIsScheduled() {
        api("PATCH", "", "{\"linkTagging\":{\"enabled\":true}}");
        String body = "Untouched " + MENU + " " + UUID.randomUUID();

        String post = create(body, ",\"tagLinks\":false");
        awaitFinished(post, Duration.ofSeconds(20));

        JsonNode sent = publishedBy(handle);
        assertThat(sent.path("text").asString()).isEqualTo(body);
        assertThat(api("GET", "/posts/" + post, null).json().path("tagLinks").asBoolean())
                .isFalse();

        api("PATCH", "", "{\"linkTagging\":{\"enabled\":false}}");
        String later =
                create("Later " + MENU, ",\"scheduledAt\":\"" + Instant.now().plusSeconds(3600) + "\"");
        assertThat(api("GET", "/posts/" + later, null).json().path("tagLinks").asBoolean())
                .isFalse();
        var edited = api("PATCH", "/posts/" + later, "{\"tagLinks\":true}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("tagLinks").asBoolean()).isTrue();
    }

    @Test
    void aPostPublishesWithTheValuesItWasAcceptedWithWhateverTheSettingBecomesMeanwhile() {
        api("PATCH", "", "{\"linkTagging\":{\"enabled\":true,\"utmCampaign\":\"spring\"}}");
        String body = "Soon " + ORDER + " " + UUID.randomUUID();
        String post = create(body, ",\"scheduledAt\":\"" + Instant.now().plusSeconds(4) + "\"");

        var changed = api("PATCH", "", "{\"linkTagging\":{\"enabled\":true,\"utmCampaign\":\"autumn\"}}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        awaitAll(post);

        assertThat(publishedBy(handle).path("text").asString())
                .isEqualTo(body.replace(ORDER, ORDER + "?utm_source=sandbox&utm_medium=social&utm_campaign=spring"));
    }

    @Test
    void theCheckShowsEachAccountsTaggedTextAndCountsIt() {
        String body = "See " + MENU;

        var checked = api(
                "POST",
                "/posts/check",
                "{\"body\":\"" + body + "\",\"tagLinks\":true,\"targets\":[{\"connectionId\":\"" + connection
                        + "\"}]}");

        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        JsonNode target = checked.json().path("targets").get(0);
        String tagged = "See https://krusty.example.com/menu?lang=en&utm_source=sandbox&utm_medium=social#pizza";
        assertThat(target.path("taggedText").asString()).isEqualTo(tagged);
        assertThat(target.path("length").asInt()).isEqualTo(tagged.length());
    }

    void awaitAll(String post) {
        Instant until = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(until)) {
            String status =
                    api("GET", "/posts/" + post, null).json().path("status").asString();
            if (status.equals("published")) {
                return;
            }
            assertThat(status).isIn("scheduled", "publishing");
            sleep(200);
        }
        throw new AssertionError(
                "not published in time: " + api("GET", "/posts/" + post, null).body());
    }
}
