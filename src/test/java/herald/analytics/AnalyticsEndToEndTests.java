package herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import herald.SandboxEndToEndTest;
import herald.database.TenantScope;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Analytics end to end against the Sandbox inside Herald, over HTTP: posts are published by the dispatcher, the sweep
 * (called by the test at chosen instants) tracks and reads them through the Sandbox's metrics endpoint with the
 * account's token, and the figures come back through the API, per post and as a report, in their workspace only.
 */
class AnalyticsEndToEndTests extends SandboxEndToEndTest {

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MetricsCollector collector;

    @Autowired
    MetricsRows rows;

    @Test
    void readsPublishedPostsAtTheirStepsAndReportsThem() {
        String first = publish("Figures one " + UUID.randomUUID());
        String second = publish("Figures two " + UUID.randomUUID());
        Instant publishedAt = Instant.parse(api("GET", "/posts/" + first, null)
                .json()
                .path("targets")
                .get(0)
                .path("publishedAt")
                .asString());

        // The first sweep tracks both and reads neither: the first reading is an hour after publishing.
        collector.sweep(Instant.now(), workspace);
        JsonNode pending = figures(first).get(0);
        assertThat(pending.path("reads").asInt()).isZero();
        assertThat(pending.path("readAt").isNull()).isTrue();
        assertThat(Instant.parse(pending.path("nextReadAt").asString()))
                .isEqualTo(publishedAt.plus(Duration.ofHours(1)));

        // An hour later both are read with the account's token, and the next reading is six hours after publishing.
        MetricsCollector.Sweep sweep = collector.sweep(publishedAt.plus(Duration.ofMinutes(61)), workspace);
        assertThat(sweep.read()).isEqualTo(2);
        JsonNode read = figures(first).get(0);
        long impressions = read.path("counts").path("impressions").asLong();
        long likes = read.path("counts").path("likes").asLong();
        // The Sandbox's own arithmetic (sandbox.ApiController#metrics): a tenth of the impressions are likes.
        assertThat(impressions).isBetween(10L, 150L);
        assertThat(likes).isEqualTo(impressions / 10);
        assertThat(read.path("views").asLong()).isEqualTo(impressions);
        assertThat(read.path("engagements").asLong())
                .isEqualTo(likes
                        + read.path("counts").path("reposts").asLong()
                        + read.path("counts").path("replies").asLong());
        assertThat(read.path("reads").asInt()).isEqualTo(1);
        assertThat(read.path("lastError").isNull()).isTrue();
        assertThat(Instant.parse(read.path("nextReadAt").asString())).isEqualTo(publishedAt.plus(Duration.ofHours(6)));

        // Nothing is due again before then.
        assertThat(collector
                        .sweep(publishedAt.plus(Duration.ofMinutes(90)), workspace)
                        .read())
                .isZero();

        // Asking for them again at once is refused, with when to ask.
        Response tooSoon = api("POST", "/posts/" + first + "/figures/read", null);
        assertThat(tooSoon.status()).as(tooSoon.body()).isEqualTo(409);
        assertThat(tooSoon.json().path("detail").asString()).contains("ask again after");

        // The report: both posts, their views and engagements summed, the better one first.
        Response report = api("GET", "/analytics", null);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode totals = report.json().path("totals");
        assertThat(totals.path("posts").asInt()).isEqualTo(2);
        assertThat(totals.path("measured").asInt()).isEqualTo(2);
        long views = figures(first).get(0).path("views").asLong()
                + figures(second).get(0).path("views").asLong();
        assertThat(totals.path("views").asLong()).isEqualTo(views);
        assertThat(report.json().path("days").size()).isEqualTo(30);
        assertThat(report.json().path("accounts").get(0).path("connectionId").asString())
                .isEqualTo(connection);
        JsonNode top = report.json().path("top");
        assertThat(top.size()).isEqualTo(2);
        assertThat(top.get(0).path("engagements").asLong())
                .isGreaterThanOrEqualTo(top.get(1).path("engagements").asLong());

        // The same period as a file, over the API.
        Response csv = api("GET", "/analytics/export", null);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0])
                .contains(",views,engagements,engagement_rate,clicks,read_at,count_impressions,count_likes");
        assertThat(lines).hasSize(3);
        assertThat(csv.body()).contains(first).contains(second);
        // One tag's figures: a campaign's report, and its file.
        assertThat(api("PUT", "/posts/" + first + "/tags", "{\"tags\":[\"Launch\"]}")
                        .status())
                .isEqualTo(200);
        JsonNode byTag = api("GET", "/analytics", null).json().path("tags");
        assertThat(byTag.size()).isEqualTo(1);
        assertThat(byTag.get(0).path("tag").asString()).isEqualTo("Launch");
        assertThat(byTag.get(0).path("posts").asInt()).isEqualTo(1);
        JsonNode launch = api("GET", "/analytics?tag=launch", null).json();
        assertThat(launch.path("tag").asString()).isEqualTo("launch");
        assertThat(launch.path("totals").path("posts").asInt()).isEqualTo(1);
        assertThat(launch.path("totals").path("views").asLong())
                .isEqualTo(figures(first).get(0).path("views").asLong());
        assertThat(launch.path("top").get(0).path("postId").asString()).isEqualTo(first);
        String launchCsv = api("GET", "/analytics/export?tag=Launch", null).body();
        assertThat(launchCsv.split("\r\n")).hasSize(2);
        assertThat(launchCsv).contains(first).doesNotContain(second);
        Response longTag = api("GET", "/analytics?tag=" + "x".repeat(41), null);
        assertThat(longTag.status()).isEqualTo(400);
        assertThat(longTag.body()).contains("at most 40 characters");
        Response badDate = api("GET", "/analytics/export?from=last-week", null);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("not a date");

        // Another workspace sees none of it.
        Other other = otherWorkspace("Other analytics");
        assertThat(send(other.key(), "GET", other.base() + "/posts/" + first + "/figures", null)
                        .status())
                .isEqualTo(404);
        assertThat(send(other.key(), "GET", other.base() + "/analytics", null)
                        .json()
                        .path("totals")
                        .path("posts")
                        .asInt())
                .isZero();
    }

    @Test
    void aRateLimitDefersTheReadingAndAnAccountToReconnectWaitsForIt() {
        String post = publish("Limited " + UUID.randomUUID());
        Instant publishedAt = Instant.parse(api("GET", "/posts/" + post, null)
                .json()
                .path("targets")
                .get(0)
                .path("publishedAt")
                .asString());
        collector.sweep(Instant.now(), workspace);

        Instant reset = Instant.now().plusSeconds(120);
        faults("{\"rateLimitedUntil\":\"" + reset + "\"}");
        Instant hourLater = publishedAt.plus(Duration.ofMinutes(61));
        collector.sweep(hourLater, workspace);
        JsonNode limited = figures(post).get(0);
        assertThat(limited.path("reads").asInt()).isZero();
        assertThat(limited.path("lastError").asString()).contains("rate-limited");
        // Tried again when the platform said, not given up.
        assertThat(Instant.parse(limited.path("nextReadAt").asString())).isAfter(hourLater);
        noFaults();

        // The account needs a reconnect: the reading waits a day for it, and says so.
        tenants.run(workspace, () -> jdbc.sql("update connections set status = 'needs_reconnect' where id = :id")
                .param("id", UUID.fromString(connection))
                .update());
        Instant later = publishedAt.plus(Duration.ofHours(7));
        collector.sweep(later, workspace);
        JsonNode waiting = figures(post).get(0);
        assertThat(waiting.path("lastError").asString()).startsWith("Reconnect Sandbox @");
        assertThat(Instant.parse(waiting.path("nextReadAt").asString())).isEqualTo(later.plus(Duration.ofDays(1)));
        assertThat(waiting.path("reads").asInt()).isZero();
    }

    JsonNode figures(String post) {
        Response response = api("GET", "/posts/" + post + "/figures", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("targets");
    }

    @Test
    void theExportReadsTheTargetsPageByPageNewestPublishedFirst() {
        var published = new java.util.ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            String post = publish("Paged figures " + i + " " + UUID.randomUUID());
            published.add(api("GET", "/posts/" + post, null)
                    .json()
                    .path("targets")
                    .get(0)
                    .path("id")
                    .asString());
        }
        collector.sweep(Instant.now(), workspace);
        Instant from = Instant.now().minus(Duration.ofDays(1));
        Instant to = Instant.now().plus(Duration.ofDays(1));

        var all = new AnalyticsQuery(
                java.time.LocalDate.now().minusDays(1),
                java.time.LocalDate.now().plusDays(1),
                java.time.ZoneOffset.UTC,
                null);
        var first = tenants.read(workspace, () -> rows.page(workspace, from, to, all, null, 2));
        var last = tenants.read(workspace, () -> rows.page(workspace, from, to, all, first.getLast(), 2));
        var beyond = tenants.read(workspace, () -> rows.page(workspace, from, to, all, last.getLast(), 2));

        assertThat(first).hasSize(2);
        assertThat(last).hasSize(1);
        assertThat(beyond).isEmpty();
        assertThat(java.util.stream.Stream.concat(first.stream(), last.stream())
                        .map(m -> m.target().value().toString()))
                .as("each target once, the latest published first")
                .containsExactlyElementsOf(published.reversed());
    }

    String publish(String body) {
        String id = create(body, "");
        JsonNode done = awaitFinished(id, Duration.ofSeconds(30));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("published");
        return id;
    }
}
