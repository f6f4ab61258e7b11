package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.TenantFixtures;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The evergreen library against the database: a published post kept there is shared again as a queued copy in the
 * next free slot of the day, the one shared longest ago first, and not again before the workspace's number of days;
 * two fills at once share it once; only published posts go in, and a workspace that does not refill is left alone.
 * The fill job may run meanwhile, so the tests count what is stored rather than who made it.
 */
@SpringBootTest
class EvergreenTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Posts posts;

    @Autowired
    Evergreen evergreen;

    @Autowired
    EvergreenFill fill;

    @Autowired
    PostingSchedule schedule;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    WorkspaceId workspace;
    ConnectionId krusty;

    @BeforeEach
    void workspace() {
        workspace = TenantFixtures.of(context)
                .signUp("Evergreen", "pro")
                .workspace()
                .orElseThrow()
                .id();
        krusty = TenantFixtures.sandboxAccount(tenants, jdbc, workspace, "krusty");
        // A slot every two hours of every day (the most a day takes), so that the next day always has free ones.
        Map<DayOfWeek, List<String>> hourly = new EnumMap<>(DayOfWeek.class);
        List<String> hours = new ArrayList<>();
        for (int h = 0; h < 24; h += 2) {
            hours.add("%02d:30".formatted(h));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            hourly.put(day, hours);
        }
        schedule.replace(workspace, hourly);
    }

    /** A post published on krusty, as the dispatcher leaves it. */
    Post published(String text) {
        Post post = posts.create(
                workspace,
                new NewPost(
                        text,
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(krusty, null, "#evergreen")),
                        "2099-01-01T10:00",
                        "Europe/Berlin",
                        false,
                        List.of("Classics")));
        tenants.run(workspace, () -> {
            jdbc.sql("update post_targets set status = 'published', published_at = now() - interval '40 days'"
                            + " where workspace_id = :w and post_id = :p")
                    .param("w", workspace.value())
                    .param("p", post.id().value())
                    .update();
            jdbc.sql("update posts set status = 'published', scheduled_at = now() - interval '40 days'"
                            + " where workspace_id = :w and id = :p")
                    .param("w", workspace.value())
                    .param("p", post.id().value())
                    .update();
        });
        return posts.get(workspace, post.id());
    }

    /** The copies of {@code original} the library made, scheduled. */
    List<Post> copies(Post original) {
        return posts.list(workspace, new PostQuery(PostStatus.SCHEDULED, null, null, null, null, null, 100)).stream()
                .filter(p -> p.provenance() != null
                        && original.id().toString().equals(p.provenance().actorId()))
                .toList();
    }

    @Test
    void aPublishedPostIsQueuedAgainInTheDaysNextFreeSlotAndNotAgainWithinItsDays() {
        Post classic = published("Our margherita, since 2009");
        evergreen.add(workspace, classic.id());
        evergreen.every(workspace, 30);
        Instant before = Instant.now();

        fill.fill(workspace);
        fill.fill(workspace);

        List<Post> copies = copies(classic);
        assertThat(copies).hasSize(1);
        Post copy = copies.getFirst();
        assertThat(copy.body()).isEqualTo("Our margherita, since 2009");
        assertThat(copy.tags()).containsExactly("Classics");
        assertThat(copy.firstComment()).isNull();
        assertThat(copy.targets()).singleElement().satisfies(t -> {
            assertThat(t.connection()).isEqualTo(krusty);
            assertThat(t.firstComment()).isEqualTo("#evergreen");
        });
        assertThat(copy.scheduledAt()).isBetween(before, before.plus(EvergreenFill.AHEAD));
        assertThat(copy.provenance().actorLabel()).isEqualTo("the evergreen library");
        var entry = evergreen.of(workspace, classic.id()).orElseThrow();
        assertThat(entry.shares()).isEqualTo(1);
        assertThat(entry.lastCopy()).isEqualTo(copy.id());
        assertThat(entry.lastSharedAt()).isAfterOrEqualTo(before);
    }

    @Test
    void aThreadIsSharedAgainWithItsParts() {
        Post threaded = posts.create(
                workspace,
                new NewPost(
                                "A thread worth sharing",
                                null,
                                List.of(),
                                List.of(new NewPost.NewTarget(krusty, null)),
                                "2099-01-01T10:00",
                                "Europe/Berlin",
                                false)
                        .withThread(List.of("Its second part.")));
        tenants.run(workspace, () -> {
            jdbc.sql("update post_targets set status = 'published', published_at = now() - interval '40 days'"
                            + " where workspace_id = :w and post_id = :p")
                    .param("w", workspace.value())
                    .param("p", threaded.id().value())
                    .update();
            jdbc.sql("update posts set status = 'published' where workspace_id = :w and id = :p")
                    .param("w", workspace.value())
                    .param("p", threaded.id().value())
                    .update();
        });
        evergreen.add(workspace, threaded.id());
        evergreen.every(workspace, 30);

        fill.fill(workspace);

        assertThat(copies(threaded)).singleElement().satisfies(copy -> {
            assertThat(copy.thread()).containsExactly("Its second part.");
            assertThat(copy.targets().getFirst().thread()).hasSize(1);
        });
    }

    @Test
    void thePostSharedLongestAgoGoesFirstAndOneSharedWithinItsDaysWaits() {
        Post old = published("Shared 40 days ago");
        Post never = published("Never shared");
        Post recent = published("Shared 3 days ago");
        for (Post post : List.of(old, never, recent)) {
            evergreen.add(workspace, post.id());
        }
        sharedAgo(old, Duration.ofDays(40));
        sharedAgo(recent, Duration.ofDays(3));
        evergreen.every(workspace, 30);
        assertThat(evergreen.list(workspace))
                .extracting(Evergreen.Entry::post)
                .containsExactly(never.id(), old.id(), recent.id());

        fill.fill(workspace);

        assertThat(copies(recent)).isEmpty();
        Post first = copies(never).getFirst();
        Post second = copies(old).getFirst();
        assertThat(first.scheduledAt()).isBefore(second.scheduledAt());
    }

    @Test
    void aPostThatCannotBeSharedSaysWhyAndIsSharedOnceItCanBe() {
        Post classic = published("Needs its account");
        evergreen.add(workspace, classic.id());
        evergreen.every(workspace, 30);
        status(krusty, "needs_reconnect");

        fill.fill(workspace);

        assertThat(copies(classic)).isEmpty();
        var waiting = evergreen.of(workspace, classic.id()).orElseThrow();
        assertThat(waiting.problem()).contains("Sandbox @krusty").contains("reconnect");
        assertThat(waiting.lastSharedAt()).as("the claim was given back").isNull();

        status(krusty, "active");
        fill.fill(workspace);

        assertThat(copies(classic)).hasSize(1);
        assertThat(evergreen.of(workspace, classic.id()).orElseThrow().problem())
                .isNull();
    }

    @Test
    void aPostIsSharedNoMoreThanItsLimitsAllowAndAgainOnceTheyAreRaised() {
        Post limited = published("Twice at most");
        Post ended = published("Until yesterday");
        Post open = published("Without limits");
        evergreen.add(workspace, open.id());
        evergreen.add(workspace, limited.id(), new Evergreen.Limits(1, null));
        evergreen.add(workspace, ended.id());
        evergreen.every(workspace, 7);
        LocalDate today = LocalDate.now(evergreen.zone(workspace));
        tenants.run(workspace, () -> jdbc.sql(
                        "update post_evergreen set share_until = :d where workspace_id = :w and post_id = :p")
                .param("d", java.sql.Date.valueOf(today.minusDays(1)))
                .param("w", workspace.value())
                .param("p", ended.id().value())
                .update());

        fill.fill(workspace);

        assertThat(copies(limited)).hasSize(1);
        assertThat(copies(ended)).as("its last day is past").isEmpty();
        sharedAgo(limited, Duration.ofDays(8));
        fill.fill(workspace);
        assertThat(copies(limited)).as("one share was its limit").hasSize(1);
        assertThat(evergreen.list(workspace))
                .as("the posts done with their limits come last (else the one shared just now would), marked done")
                .extracting(Evergreen.Entry::post, Evergreen.Entry::done)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(open.id(), false),
                        org.assertj.core.groups.Tuple.tuple(ended.id(), true),
                        org.assertj.core.groups.Tuple.tuple(limited.id(), true));

        var raised = evergreen.add(workspace, limited.id(), new Evergreen.Limits(2, today.plusDays(30)));
        assertThat(raised.done()).isFalse();
        assertThat(raised.limits().until()).isEqualTo(today.plusDays(30));
        evergreen.add(workspace, ended.id(), Evergreen.Limits.NONE);
        fill.fill(workspace);
        assertThat(copies(limited)).hasSize(2);
        assertThat(copies(ended)).hasSize(1);
        assertThat(evergreen.of(workspace, limited.id()).orElseThrow().done()).isTrue();

        assertThatThrownBy(() -> evergreen.add(workspace, limited.id(), new Evergreen.Limits(0, null)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("at most 1 to 1000 times");
        assertThatThrownBy(() -> evergreen.add(workspace, limited.id(), new Evergreen.Limits(null, today.minusDays(1))))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("already past");
        assertThat(evergreen.of(workspace, limited.id()).orElseThrow().limits())
                .as("a refused change leaves the limits as they were")
                .isEqualTo(new Evergreen.Limits(2, today.plusDays(30)));
        assertThat(tenants.read(workspace, () -> jdbc.sql(
                                "select count(*) from audit_events where action = 'post.evergreen_limited'")
                        .query(Long.class)
                        .single()))
                .as("each change of limits, once")
                .isEqualTo(3);
    }

    private void status(ConnectionId account, String status) {
        tenants.run(workspace, () -> jdbc.sql("update connections set status = :s where workspace_id = :w and id = :c")
                .param("s", status)
                .param("w", workspace.value())
                .param("c", account.value())
                .update());
    }

    @Test
    void twoFillsAtOnceShareAPostOnce() throws Exception {
        Post classic = published("Raced " + java.util.UUID.randomUUID());
        evergreen.add(workspace, classic.id());
        evergreen.every(workspace, 7);

        try (var pool = Executors.newFixedThreadPool(2)) {
            Callable<List<Post>> once = () -> fill.fill(workspace);
            var a = pool.submit(once);
            var b = pool.submit(once);
            a.get();
            b.get();
        }

        assertThat(copies(classic)).hasSize(1);
        assertThat(evergreen.of(workspace, classic.id()).orElseThrow().shares()).isEqualTo(1);
    }

    @Test
    void onlyPublishedPostsGoInAndAWorkspaceThatDoesNotRefillIsLeftAlone() {
        Post scheduled = posts.create(
                workspace,
                new NewPost(
                        "Not yet out",
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(krusty, null)),
                        "2099-01-01T10:00",
                        "Europe/Berlin",
                        false));
        assertThatThrownBy(() -> evergreen.add(workspace, scheduled.id()))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("Only a published post");
        assertThatThrownBy(() -> evergreen.every(workspace, 0)).isInstanceOf(InvalidInput.class);

        Post classic = published("Kept, never refilled");
        evergreen.add(workspace, classic.id());
        assertThat(fill.fill(workspace)).isEmpty();
        assertThat(copies(classic)).isEmpty();

        evergreen.every(workspace, 30);
        evergreen.remove(workspace, classic.id());
        assertThat(evergreen.list(workspace)).isEmpty();
        assertThat(fill.fill(workspace)).isEmpty();
        assertThat(fill.workspaces(10_000)).doesNotContain(workspace);

        var other = TenantFixtures.of(context)
                .signUp("Other evergreen", "pro")
                .workspace()
                .orElseThrow()
                .id();
        assertThat(evergreen.list(other)).isEmpty();
    }

    private void sharedAgo(Post post, Duration ago) {
        tenants.run(workspace, () -> jdbc.sql(
                        "update post_evergreen set last_shared_at = now() - cast(:ago as interval), shares = 1"
                                + " where workspace_id = :w and post_id = :p")
                .param("ago", ago.toSeconds() + " seconds")
                .param("w", workspace.value())
                .param("p", post.id().value())
                .update());
    }
}
