package herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import herald.SandboxEndToEndTest;
import herald.database.TenantScope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The audience snapshot end to end against the Sandbox inside Herald: the collector (called by the test at chosen
 * instants, as the recurring task calls it) reads the connected account's followers with its token over HTTP, once a
 * UTC day however often it runs, leaves accounts to reconnect alone, keeps a failed reading's reason and tries it again;
 * the figures come back through the API and as CSV, in their workspace only.
 */
class AudienceEndToEndTests extends SandboxEndToEndTest {

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AudienceCollector collector;

    @Test
    void takesOneSnapshotADayAndReportsTheGrowth() {
        Instant now = earlyToday();
        Instant yesterday = now.minus(Duration.ofDays(1));

        assertThat(collector.sweep(yesterday, workspace).read()).isEqualTo(1);
        assertThat(collector.sweep(now, workspace).read()).isEqualTo(1);
        // A second run the same day (or another node's) takes nothing more.
        AudienceCollector.Sweep again = collector.sweep(now.plusSeconds(60), workspace);
        assertThat(again.read() + again.failed()).isZero();
        assertThat(snapshots()).isEqualTo(2);

        // The Sandbox's arithmetic (sandbox.Followers): 100 to 580 followers, 20 to 116 followed, no post yet.
        JsonNode account = audience("").path("accounts").get(0);
        long followers = account.path("followers").asLong();
        assertThat(followers).isBetween(100L, 580L);
        assertThat(account.path("following").asLong()).isBetween(20L, 116L);
        assertThat(account.path("posts").asLong()).isZero();
        assertThat(account.path("counted").asBoolean()).isTrue();
        assertThat(account.path("connectionId").asString()).isEqualTo(connection);
        assertThat(account.path("account").asString()).isEqualTo("Sandbox @" + handle);
        assertThat(account.path("problem").isNull()).isTrue();
        assertThat(account.path("days").size()).isEqualTo(2);

        // Yesterday's count was 7 lower: the period's change says so.
        tenants.run(workspace, () -> jdbc.sql(
                        "update audience_snapshots set followers = followers - 7 where workspace_id = :w and day = :d")
                .param("w", workspace.value())
                .param("d", java.sql.Date.valueOf(LocalDate.ofInstant(yesterday, ZoneOffset.UTC)))
                .update());
        account = audience("").path("accounts").get(0);
        assertThat(account.path("change").asLong()).isEqualTo(7);
        assertThat(account.path("followers").asLong()).as("the latest").isEqualTo(followers);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        assertThat(audience("?from=" + today + "&to=" + today)
                        .path("accounts")
                        .get(0)
                        .path("change")
                        .isNull())
                .as("one snapshot in the period: no change to tell")
                .isTrue();

        // The same as a file.
        Response csv = api("GET", "/analytics/audience/export", null);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("day,account,platform,followers,following,posts");
        assertThat(lines[2]).startsWith(today + ",Sandbox @" + handle + ",sandbox," + followers + ",");

        // Another workspace sees none of it, not even by the connection's id.
        Other other = otherWorkspace("Other audience");
        Response theirs =
                send(other.key(), "GET", other.base() + "/analytics/audience?connectionId=" + connection, null);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
        assertThat(theirs.json().path("accounts").size()).isZero();
    }

    @Test
    void aFailedReadingIsKeptAndTriedAgainAndAnAccountToReconnectIsLeftAlone() {
        Instant now = earlyToday();
        faults("{\"errorRate\":1.0}");
        AudienceCollector.Sweep failing = collector.sweep(now, workspace);
        assertThat(failing.failed()).isEqualTo(1);
        JsonNode account = audience("").path("accounts").get(0);
        assertThat(account.path("followers").isNull()).isTrue();
        assertThat(account.path("problem").asString())
                .startsWith("Its followers could not be read on")
                .endsWith("Herald tries again later.");

        // Not again at once: after the configured wait.
        noFaults();
        assertThat(collector.sweep(now.plusSeconds(60), workspace).read()).isZero();
        assertThat(collector.sweep(now.plus(Duration.ofMinutes(16)), workspace).read())
                .isEqualTo(1);
        assertThat(snapshots()).isEqualTo(1);
        assertThat(audience("").path("accounts").get(0).path("problem").isNull())
                .isTrue();

        // An account to reconnect gets no snapshot, and the page says what to do.
        tenants.run(workspace, () -> jdbc.sql("update connections set status = 'needs_reconnect' where id = :id")
                .param("id", UUID.fromString(connection))
                .update());
        AudienceCollector.Sweep tomorrow = collector.sweep(now.plus(Duration.ofDays(1)), workspace);
        assertThat(tomorrow.read() + tomorrow.failed()).isZero();
        assertThat(snapshots()).isEqualTo(1);
        assertThat(audience("").path("accounts").get(0).path("problem").asString())
                .isEqualTo("Reconnect Sandbox @" + handle + " to read its followers again.");

        // A disconnected one neither.
        tenants.run(workspace, () -> jdbc.sql("update connections set status = 'disconnected' where id = :id")
                .param("id", UUID.fromString(connection))
                .update());
        assertThat(collector.sweep(now.plus(Duration.ofDays(2)), workspace).read())
                .isZero();
        assertThat(snapshots()).isEqualTo(1);
    }

    /**
     * A minute into the current UTC day, so that the sweeps a test runs minutes apart fall on one day: from 23:45 on,
     * {@code Instant.now()} plus 16 minutes was tomorrow, and a second snapshot. Never more than a minute past the
     * real time, so the account's token (valid two hours) is valid then too.
     */
    static Instant earlyToday() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofMinutes(1));
    }

    long snapshots() {
        return tenants.read(workspace, () -> jdbc.sql("select count(*) from audience_snapshots where workspace_id = :w")
                .param("w", workspace.value())
                .query(Long.class)
                .single());
    }

    JsonNode audience(String query) {
        Response response = api("GET", "/analytics/audience" + query, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
