package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import herald.SandboxEndToEndTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The evergreen library through the API, on a post the dispatcher really published to the Sandbox: kept, refilled
 * into the default posting schedule's next free slot as a queued copy, listed with its share, taken out; another
 * workspace reaches none of it.
 */
class EvergreenEndToEndTests extends SandboxEndToEndTest {

    @Test
    void aPublishedPostIsKeptRefilledAsAQueuedCopyAndTakenOut() {
        String body = "Evergreen margherita " + UUID.randomUUID();
        String post = create(body, "");
        awaitFinished(post, Duration.ofSeconds(20));
        String later =
                create("Not out yet", ",\"scheduledAt\":\"" + Instant.now().plusSeconds(3600) + "\"");
        var notPublished = api("PUT", "/posts/" + later + "/evergreen", null);
        assertThat(notPublished.status()).as(notPublished.body()).isEqualTo(409);
        assertThat(notPublished.body()).contains("Only a published post");

        var kept = api("PUT", "/posts/" + post + "/evergreen", null);
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().path("shares").asInt()).isZero();
        JsonNode library = api("GET", "/evergreen", null).json();
        assertThat(library.path("everyDays").isNull()).isTrue();
        assertThat(library.path("items").get(0).path("postId").asString()).isEqualTo(post);

        var on = api("PATCH", "", "{\"evergreenEveryDays\":14}");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().path("evergreenEveryDays").asInt()).isEqualTo(14);
        assertThat(api("PATCH", "", "{\"evergreenEveryDays\":400}").status()).isEqualTo(400);
        context.getBean(EvergreenFill.class).fill(workspace);

        JsonNode shared = api("GET", "/evergreen", null).json().path("items").get(0);
        assertThat(shared.path("shares").asInt()).isEqualTo(1);
        String copy = shared.path("lastCopyId").asString();
        JsonNode queued = api("GET", "/posts/" + copy, null).json();
        assertThat(queued.path("status").asString()).isEqualTo("scheduled");
        assertThat(queued.path("body").asString()).isEqualTo(body);
        assertThat(Instant.parse(queued.path("scheduledAt").asString()))
                .isBefore(Instant.now().plus(EvergreenFill.AHEAD));
        assertThat(queued.path("createdBy").toString()).contains("the evergreen library");

        Other other = otherWorkspace("Other evergreen");
        assertThat(send(other.key(), "PUT", other.base() + "/posts/" + post + "/evergreen", null)
                        .status())
                .isEqualTo(404);
        assertThat(send(other.key(), "GET", other.base() + "/evergreen", null)
                        .json()
                        .path("items")
                        .size())
                .isZero();

        var pastDay = api("PUT", "/posts/" + post + "/evergreen", "{\"until\":\"2020-01-01\"}");
        assertThat(pastDay.status()).as(pastDay.body()).isEqualTo(400);
        assertThat(pastDay.body()).contains("until").contains("already past");
        var once = api("PUT", "/posts/" + post + "/evergreen", "{\"maxShares\":1}");
        assertThat(once.status()).as(once.body()).isEqualTo(200);
        assertThat(once.json().path("maxShares").asInt()).isEqualTo(1);
        assertThat(once.json().path("until").isNull()).isTrue();
        assertThat(once.json().path("done").asBoolean())
                .as("its one share is made")
                .isTrue();
        var kept2 = api("PUT", "/posts/" + post + "/evergreen", null);
        assertThat(kept2.json().path("maxShares").asInt())
                .as("a PUT without a body keeps the limits")
                .isEqualTo(1);
        var lifted = api("PUT", "/posts/" + post + "/evergreen", "{}");
        assertThat(lifted.json().path("maxShares").isNull()).isTrue();
        assertThat(lifted.json().path("done").asBoolean()).isFalse();

        assertThat(api("DELETE", "/posts/" + post + "/evergreen", null).status())
                .isEqualTo(204);
        assertThat(api("GET", "/evergreen", null).json().path("items").size()).isZero();
        assertThat(api("GET", "/audit-events?action=post.evergreen_added", null)
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
    }
}
