package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.TenantFixtures;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.WorkspaceId;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Repeating posts against the database: once an occurrence's time has come the next is made once, a copy at the next
 * local time that repeats in turn; a series ends on its last day, when a person stops it, or when the next cannot be
 * made, saying why. The occurrences are moved into the past by hand, as time would; the sweep may make one first,
 * so the tests count what is stored rather than who made it.
 */
@SpringBootTest
class PostRepeatsTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    ApplicationContext context;

    @Autowired
    Posts posts;

    @Autowired
    PostRepeats repeats;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    WorkspaceId workspace;
    herald.shared.UserId owner;
    ConnectionId krusty;

    @BeforeEach
    void workspace() {
        var signedUp = TenantFixtures.of(context).signUp("Repeats", "pro");
        workspace = signedUp.workspace().orElseThrow().id();
        owner = signedUp.user().id();
        krusty = TenantFixtures.sandboxAccount(tenants, jdbc, workspace, "krusty");
    }

    Post repeating(Repeat repeat) {
        return posts.create(
                workspace,
                new NewPost(
                        "Taco Tuesday: two for one",
                        "https://krusty.example.com/tacos",
                        List.of(),
                        List.of(new NewPost.NewTarget(krusty, null, "#tacos")),
                        "2099-03-02T18:00",
                        "Europe/Berlin",
                        false,
                        List.of("Weekly"),
                        false,
                        null,
                        repeat,
                        null,
                        List.of(),
                        List.of()));
    }

    /** As if the occurrence's time came {@code ago}: its time and its series' first time move back. */
    void cameAgo(Post post, Duration ago) {
        LocalDateTime local = LocalDateTime.now(BERLIN).minus(ago).truncatedTo(ChronoUnit.MINUTES);
        tenants.run(workspace, () -> {
            jdbc.sql("update posts set scheduled_at = :at where workspace_id = :w and id = :p")
                    .param("at", java.sql.Timestamp.from(local.atZone(BERLIN).toInstant()))
                    .param("w", workspace.value())
                    .param("p", post.id().value())
                    .update();
            jdbc.sql("update post_repeats set starts_at = :start where workspace_id = :w and post_id = :p")
                    .param("start", java.sql.Timestamp.valueOf(local))
                    .param("w", workspace.value())
                    .param("p", post.id().value())
                    .update();
        });
    }

    List<Post> all() {
        return posts.list(workspace, new PostQuery(null, null, null, null, null, null, 50));
    }

    @Test
    void theNextOccurrenceKeepsTheThreadAndTheShortLinksItsPostChose() {
        Post first = posts.create(
                workspace,
                new NewPost(
                        "Taco Tuesday, the thread https://krusty.example.com/tacos",
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(krusty, null)),
                        "2099-03-02T18:00",
                        "Europe/Berlin",
                        false,
                        List.of(),
                        false,
                        null,
                        new Repeat(Repeat.Every.WEEK, null),
                        true,
                        List.of("Two for one.", "Every Tuesday."),
                        List.of()));

        cameAgo(first, Duration.ofMinutes(5));
        repeats.makeNext(workspace, first.id());

        Post next = posts.get(
                workspace, repeats.of(workspace, first.id()).orElseThrow().next());
        assertThat(next.thread()).containsExactly("Two for one.", "Every Tuesday.");
        assertThat(next.targets().getFirst().thread()).hasSize(2);
        assertThat(next.shortLinks())
                .as("the post's own choice, though the workspace does not shorten")
                .isTrue();
    }

    @Test
    void onceItsTimeCameTheNextOccurrenceIsMadeOnceAWeekLaterAndRepeatsInTurn() {
        Post first = repeating(new Repeat(Repeat.Every.WEEK, null));
        var series = repeats.of(workspace, first.id()).orElseThrow();
        assertThat(series.repeat().words()).isEqualTo("every week");
        assertThat(series.start()).isEqualTo(LocalDateTime.parse("2099-03-02T18:00"));
        assertThat(repeats.makeNext(workspace, first.id()))
                .as("its time has not come")
                .isEmpty();

        cameAgo(first, Duration.ofMinutes(5));
        repeats.makeNext(workspace, first.id());
        repeats.makeNext(workspace, first.id());

        assertThat(all()).as("made once, however often asked").hasSize(2);
        PostId nextId = repeats.of(workspace, first.id()).orElseThrow().next();
        assertThat(nextId).isNotNull();
        Post next = posts.get(workspace, nextId);
        assertThat(next.status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(next.body()).isEqualTo("Taco Tuesday: two for one");
        assertThat(next.link()).isEqualTo("https://krusty.example.com/tacos");
        assertThat(next.tags()).containsExactly("Weekly");
        assertThat(next.targets()).singleElement().satisfies(t -> {
            assertThat(t.connection()).isEqualTo(krusty);
            assertThat(t.firstComment()).isEqualTo("#tacos");
        });
        LocalDateTime firstLocal = LocalDateTime.ofInstant(
                tenants.read(workspace, () -> posts.get(workspace, first.id())).scheduledAt(), BERLIN);
        assertThat(LocalDateTime.ofInstant(next.scheduledAt(), BERLIN)).isEqualTo(firstLocal.plusWeeks(1));
        assertThat(next.provenance().origin()).isEqualTo(Provenance.Origin.SYSTEM);
        var nextSeries = repeats.of(workspace, nextId).orElseThrow();
        assertThat(nextSeries.occurrence()).isEqualTo(2);
        assertThat(nextSeries.previous()).isEqualTo(first.id());
        assertThat(nextSeries.open()).isTrue();
        assertThat(repeats.repeating(workspace, List.of(first.id(), nextId))).containsExactly(nextId);
    }

    @Test
    void aCancelledOccurrenceIsSkippedAndTheSeriesGoesOn() {
        Post first = repeating(new Repeat(Repeat.Every.DAY, null));
        posts.cancel(workspace, first.id());
        cameAgo(first, Duration.ofMinutes(1));

        repeats.makeNext(workspace, first.id());

        assertThat(all()).hasSize(2);
        assertThat(repeats.of(workspace, first.id()).orElseThrow().next()).isNotNull();
    }

    @Test
    void aSkippedDayGetsNoPostAndTheDaysStillAheadGoWithTheSeries() {
        Post first = repeating(new Repeat(Repeat.Every.DAY, null));
        cameAgo(first, Duration.ofMinutes(5));
        LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
        LocalDate later = tomorrow.plusDays(2);

        repeats.skip(workspace, first.id(), tomorrow);
        repeats.skip(workspace, first.id(), later);
        repeats.skip(workspace, first.id(), later); // again: no change
        assertThatThrownBy(() -> repeats.skip(
                        workspace, first.id(), LocalDate.now(BERLIN).minusDays(3)))
                .isInstanceOf(herald.shared.InvalidInput.class)
                .hasMessageContaining("makes no post on");
        assertThat(repeats.of(workspace, first.id()).orElseThrow().skippedDays())
                .containsExactly(tomorrow, later);

        repeats.makeNext(workspace, first.id());

        PostId second = repeats.of(workspace, first.id()).orElseThrow().next();
        assertThat(second).isNotNull();
        assertThat(LocalDateTime.ofInstant(posts.get(workspace, second).scheduledAt(), BERLIN)
                        .toLocalDate())
                .as("tomorrow is skipped: the next is the day after")
                .isEqualTo(tomorrow.plusDays(1));
        var secondSeries = repeats.of(workspace, second).orElseThrow();
        assertThat(secondSeries.skippedDays())
                .as("the day still ahead goes with the series, the one passed does not")
                .containsExactly(later);

        repeats.unskip(workspace, first.id(), later);
        assertThat(repeats.of(workspace, second).orElseThrow().skippedDays()).isEmpty();
        repeats.stop(workspace, second);
        assertThatThrownBy(() -> repeats.skip(workspace, second, later)).isInstanceOf(Conflict.class);
    }

    @Test
    void endsOnItsLastDayAndWhenAPersonStopsIt() {
        LocalDate today = LocalDate.now(BERLIN);
        Post lastDay = repeating(new Repeat(Repeat.Every.WEEK, LocalDate.parse("2099-03-02")));
        cameAgo(lastDay, Duration.ofMinutes(1));
        tenants.run(workspace, () -> jdbc.sql("update post_repeats set until = :today where post_id = :p")
                .param("today", today)
                .param("p", lastDay.id().value())
                .update());

        repeats.makeNext(workspace, lastDay.id());

        assertThat(all()).hasSize(1);
        assertThat(repeats.of(workspace, lastDay.id()).orElseThrow().ended()).startsWith("Its last day, " + today);

        Post stopped = repeating(new Repeat(Repeat.Every.MONTH, null));
        repeats.stop(workspace, stopped.id());
        cameAgo(stopped, Duration.ofMinutes(1));
        repeats.makeNext(workspace, stopped.id());
        assertThat(all()).hasSize(2);
        assertThat(repeats.of(workspace, stopped.id()).orElseThrow().ended()).isEqualTo("Stopped by a person.");
        assertThatThrownBy(() -> repeats.stop(workspace, stopped.id()))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("already ended");
        assertThatThrownBy(() -> repeats.stop(
                        workspace,
                        posts.create(
                                        workspace,
                                        new NewPost(
                                                "Once",
                                                null,
                                                List.of(),
                                                List.of(new NewPost.NewTarget(krusty, null)),
                                                "2099-03-02T18:00",
                                                "Europe/Berlin",
                                                false))
                                .id()))
                .isInstanceOf(Conflict.class)
                .hasMessage("This post does not repeat.");
    }

    @Test
    void aSeriesWhoseNextCannotBeMadeEndsSayingWhy() throws InterruptedException {
        Post first = repeating(new Repeat(Repeat.Every.WEEK, null));
        cameAgo(first, Duration.ofMinutes(1));
        tenants.run(workspace, () -> jdbc.sql("update connections set status = 'disconnected' where id = :id")
                .param("id", krusty.value())
                .update());

        repeats.makeNext(workspace, first.id());

        assertThat(all()).hasSize(1);
        var series = repeats.of(workspace, first.id()).orElseThrow();
        assertThat(series.open()).isFalse();
        assertThat(series.ended()).startsWith("The next post, due ").contains("could not be made: ");

        // The workspace's editors hear of it: a series must not stop in silence.
        var notifications = context.getBean(herald.notifications.Notifications.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<herald.notifications.Notification> told = List.of();
        while (told.isEmpty() && System.nanoTime() < deadline) {
            told = notifications.recent(workspace, owner, null, 20).stream()
                    .filter(n -> n.kind() == herald.notifications.NotificationKind.POST_REPEAT_STOPPED)
                    .toList();
            Thread.sleep(50);
        }
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("A repeating post stopped: “Taco Tuesday: two for one”");
            assertThat(n.body()).startsWith(series.ended());
            assertThat(n.post()).isEqualTo(first.id());
        });
    }

    @Test
    void editingItsRepeatOrTimeStartsTheSeriesAgainAndNeverStopsIt() {
        Post post = repeating(new Repeat(Repeat.Every.WEEK, null));

        posts.edit(
                workspace,
                post.id(),
                new PostChanges(
                        null,
                        null,
                        null,
                        null,
                        "2099-04-06T08:15",
                        "Europe/Berlin",
                        null,
                        null,
                        null,
                        new Repeat(Repeat.Every.TWO_WEEKS, LocalDate.parse("2099-12-31")),
                        null,
                        null,
                        null));
        var changed = repeats.of(workspace, post.id()).orElseThrow();
        assertThat(changed.repeat()).isEqualTo(new Repeat(Repeat.Every.TWO_WEEKS, LocalDate.parse("2099-12-31")));
        assertThat(changed.start()).isEqualTo(LocalDateTime.parse("2099-04-06T08:15"));

        posts.edit(
                workspace,
                post.id(),
                new PostChanges(null, null, null, null, "2099-04-07T08:15", "Europe/Berlin", null));
        assertThat(repeats.of(workspace, post.id()).orElseThrow().start())
                .as("a move in time moves the series")
                .isEqualTo(LocalDateTime.parse("2099-04-07T08:15"));

        posts.edit(
                workspace,
                post.id(),
                new PostChanges(null, null, null, null, null, null, null, null, null, Repeat.NEVER, null, null, null));
        assertThat(repeats.of(workspace, post.id())).isEmpty();
    }
}
