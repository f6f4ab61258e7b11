package herald.feeds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import herald.Concurrently;
import herald.TenantFixtures;
import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.publishing.LinkTagging;
import herald.publishing.LinkTaggingSetting;
import herald.publishing.Post;
import herald.publishing.PostStatus;
import herald.publishing.PostingSchedule;
import herald.publishing.Posts;
import herald.publishing.UtmValues;
import herald.publishing.WorkspaceLinkTagging;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Feeds against a real feed server (WireMock on localhost, which the test configuration allows by name) and the
 * embedded PostgreSQL: adding records what is there without posting; later items become drafts or queued posts, each
 * once however often and concurrently the feed is checked; 304s, internal addresses, XXE, failures and plan limits.
 */
@SpringBootTest(
        properties = {
            // tiny: one post a day, to reach the plan's limit
            "herald.plans.tiny.members=10",
            "herald.plans.tiny.connections=10",
            "herald.plans.tiny.posts-per-day=1",
            "herald.plans.tiny.api-requests-per-hour=100",
            "herald.plans.tiny.ai-tokens-per-month=1",
            "herald.plans.tiny.storage-mb=1",
            "herald.feeds.max-failures=3",
            "herald.feeds.connect-timeout=1s",
            "herald.feeds.read-timeout=2s"
        })
class FeedsTests {

    static final WireMockServer blog = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        blog.start();
    }

    @AfterAll
    static void stop() {
        blog.stop();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    Feeds feeds;

    @Autowired
    Posts posts;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    PostingSchedule schedule;

    @Autowired
    FeedSettings settings;

    @Autowired
    WorkspaceLinkTagging linkTagging;

    WorkspaceId workspace;
    ConnectionId account;
    String path;

    @BeforeEach
    void aWorkspaceWithAnAccount() {
        workspace = TenantFixtures.of(context)
                .signUp("feeds", "pro")
                .workspace()
                .orElseThrow()
                .id();
        account = TenantFixtures.sandboxAccount(tenants, jdbc, workspace, "krusty");
        path = "/" + UUID.randomUUID() + "/feed.xml";
    }

    String url() {
        return "http://localhost:" + blog.port() + path;
    }

    void serve(String xml) {
        blog.stubFor(get(urlEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .withBody(xml)));
    }

    Feed add(String mode, String template, List<String> tags) {
        return feeds.add(workspace, url(), new Feeds.Settings(List.of(account), mode, template, tags));
    }

    /** The workspace's posts made by feeds, oldest first. */
    List<Post> feedPosts() {
        List<UUID> ids = tenants.read(workspace, () -> jdbc.sql(
                        "select post_id from feed_items where workspace_id = :w and post_id is not null"
                                + " order by seen_at, published_at")
                .param("w", workspace.value())
                .query(UUID.class)
                .list());
        return ids.stream()
                .map(id -> posts.get(workspace, new herald.publishing.PostId(id)))
                .toList();
    }

    int postCount() {
        return tenants.read(workspace, () -> jdbc.sql("select count(*) from posts where workspace_id = :w")
                .param("w", workspace.value())
                .query(Integer.class)
                .single());
    }

    @Test
    void addingAFeedRecordsItsItemsAsSeenWithoutPosting() {
        serve(FeedXml.rss("Krusty's Blog", 3));

        Feed feed = add("draft", null, List.of());

        assertThat(feed.title()).isEqualTo("Krusty's Blog");
        assertThat(feed.status()).isEqualTo("active");
        assertThat(feed.lastCheckedAt()).isNotNull();
        assertThat(feeds.recentItems(workspace, feed.id(), 10)).hasSize(3).allSatisfy(item -> {
            assertThat(item.outcome()).isEqualTo("seen");
            assertThat(item.post()).isNull();
        });
        assertThat(postCount()).isZero();
        assertThat(audit.find(workspace, new AuditQuery("feed.created", null, null, null, null, 50)))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("mode", "draft"));
        assertThat(blog.findAll(getRequestedFor(urlEqualTo(path))).getFirst().getHeader("User-Agent"))
                .startsWith("Herald-Feeds/");
    }

    @Test
    void newItemsBecomeDraftsWithTheTemplateTheLinkAndTheTags() {
        serve(FeedXml.rss("Blog", 2));
        Feed feed = add("draft", "New on the blog: {title} {link}", List.of("blog", "Auto"));
        serve(FeedXml.rss("Blog", 4));

        FeedCheck check = feeds.checkNow(workspace, feed.id());

        assertThat(check).isEqualTo(new FeedCheck("checked", 2, 2, 0, null));
        List<Post> made = feedPosts();
        assertThat(made)
                .extracting(Post::body)
                .containsExactly(
                        "New on the blog: Post number 3 https://blog.example.com/posts/3",
                        "New on the blog: Post number 4 https://blog.example.com/posts/4");
        assertThat(made).allSatisfy(post -> {
            assertThat(post.status()).isEqualTo(PostStatus.DRAFT);
            assertThat(post.tags()).containsExactlyInAnyOrder("blog", "Auto");
            assertThat(post.targets()).extracting(t -> t.connection()).containsExactly(account);
        });
        assertThat(made.getFirst().link()).isEqualTo("https://blog.example.com/posts/3");
        assertThat(feeds.recentItems(workspace, feed.id(), 10))
                .filteredOn(i -> i.outcome().equals("posted"))
                .hasSize(2)
                .allSatisfy(i -> assertThat(i.post()).isNotNull());
    }

    @Test
    void newItemsAreQueuedInTheNextFreeSlotsAndTrimmedToTheAccountsLimit() {
        schedule.replace(workspace, everyDayAt("09:00", "13:00", "18:00"));
        serve(FeedXml.rss("Blog", 1));
        Feed feed = add("queue", "{title}\n\n{summary}\n{link}", List.of());
        String longSummary = "Lots to say here. ".repeat(60);
        serve(FeedXml.rss(
                "Blog",
                List.of(
                        new FeedXml.Item(
                                "long",
                                "A long one",
                                "https://blog.example.com/long",
                                longSummary,
                                "Tue, 03 Nov 2026 09:00:00 GMT"),
                        FeedXml.Item.of(2),
                        FeedXml.Item.of(1))));

        FeedCheck check = feeds.checkNow(workspace, feed.id());

        assertThat(check.posted()).isEqualTo(2);
        List<Post> made = feedPosts();
        assertThat(made).allSatisfy(post -> {
            assertThat(post.status()).isEqualTo(PostStatus.SCHEDULED);
            assertThat(post.scheduledAt()).isNotNull();
        });
        assertThat(made.get(0).scheduledAt()).isBefore(made.get(1).scheduledAt());
        Post trimmed = made.get(1);
        assertThat(trimmed.body().codePointCount(0, trimmed.body().length())).isLessThanOrEqualTo(500);
        assertThat(trimmed.body()).startsWith("A long one\n\nLots to say").endsWith("…\nhttps://blog.example.com/long");
    }

    @Test
    void anItemIsTrimmedToFitTheAccountsLimitWithItsLinksTagged() {
        String campaign = "autumn-menu-launch-".repeat(5);
        linkTagging.change(
                workspace, new LinkTaggingSetting(true, new UtmValues("{platform}", "social", campaign, "", "")));
        schedule.replace(workspace, everyDayAt("09:00", "13:00", "18:00"));
        serve(FeedXml.rss("Blog", 1));
        Feed feed = add("queue", "{title}\n\n{summary}\n{link}", List.of());
        // Untagged, title, summary and link fit Sandbox's 500 characters; tagged, the link is 150 characters longer.
        String summary = "Pizza facts. ".repeat(33);
        serve(FeedXml.rss(
                "Blog",
                List.of(
                        new FeedXml.Item(
                                "tagged",
                                "Tagged",
                                "https://blog.example.com/tagged",
                                summary,
                                "Tue, 03 Nov 2026 09:00:00 GMT"),
                        FeedXml.Item.of(1))));

        FeedCheck check = feeds.checkNow(workspace, feed.id());

        assertThat(check.posted()).as("posted, not skipped for its length").isEqualTo(1);
        Post made = feedPosts().getFirst();
        assertThat(made.tagLinks()).isTrue();
        String published = LinkTagging.tag(
                        made.body(),
                        made.link(),
                        made.utm(),
                        new LinkTagging.Context("sandbox", "krusty", LocalDate.now(ZoneOffset.UTC), made.id()))
                .text();
        assertThat(published).contains("utm_campaign=" + campaign);
        assertThat(published.codePointCount(0, published.length())).isLessThanOrEqualTo(500);
        assertThat(made.body()).startsWith("Tagged\n\nPizza facts.").contains("…\nhttps://blog.example.com/tagged");
    }

    @Test
    void anItemIsPostedOnceAcrossChecksAndConcurrentChecks() throws Exception {
        serve(FeedXml.rss("Blog", 1));
        Feed feed = add("draft", null, List.of());
        serve(FeedXml.rss("Blog", 4));

        var outcomes = Concurrently.run(
                () -> feeds.checkNow(workspace, feed.id()),
                () -> feeds.checkNow(workspace, feed.id()),
                () -> feeds.checkNow(workspace, feed.id()));
        FeedCheck again = feeds.checkNow(workspace, feed.id());

        assertThat(outcomes).allSatisfy(o -> assertThat(o.succeeded())
                .as(String.valueOf(o.failure()))
                .isTrue());
        assertThat(outcomes.stream().mapToInt(o -> o.value().posted()).sum()).isEqualTo(3);
        assertThat(again.newItems()).isZero();
        assertThat(feedPosts())
                .extracting(Post::body)
                .containsExactlyInAnyOrder(
                        "Post number 2 https://blog.example.com/posts/2",
                        "Post number 3 https://blog.example.com/posts/3",
                        "Post number 4 https://blog.example.com/posts/4");
        assertThat(postCount()).isEqualTo(3);
    }

    @Test
    void aCheckTakesAtMostFiveItemsOldestFirst() {
        serve(FeedXml.rss("Blog", 1));
        Feed feed = add("draft", "{title}", List.of());
        serve(FeedXml.rss("Blog", 8));

        assertThat(feeds.checkNow(workspace, feed.id()).posted()).isEqualTo(settings.maxItemsPerCheck());
        assertThat(feedPosts())
                .extracting(Post::body)
                .containsExactly("Post number 2", "Post number 3", "Post number 4", "Post number 5", "Post number 6");
        assertThat(feeds.checkNow(workspace, feed.id()).posted()).isEqualTo(2);
    }

    @Test
    void aConditionalGetAnsweredNotModifiedMakesNoPosts() {
        blog.stubFor(get(urlEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("ETag", "\"v1\"")
                        .withHeader("Last-Modified", "Mon, 02 Nov 2026 10:00:00 GMT")
                        .withBody(FeedXml.rss("Blog", 1))));
        Feed feed = add("draft", null, List.of());
        blog.stubFor(get(urlEqualTo(path))
                .withHeader("If-None-Match", equalTo("\"v1\""))
                .withHeader("If-Modified-Since", equalTo("Mon, 02 Nov 2026 10:00:00 GMT"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(304)));
        blog.stubFor(get(urlEqualTo(path)).atPriority(2).willReturn(aResponse().withBody(FeedXml.rss("Blog", 3))));

        FeedCheck check = feeds.checkNow(workspace, feed.id());

        assertThat(check.result()).isEqualTo("not_modified");
        assertThat(postCount()).isZero();
        assertThat(feeds.require(workspace, feed.id()).lastCheckedAt()).isAfter(feed.lastCheckedAt());
    }

    @Test
    void internalAddressesAreRefusedWhenAddedAndWhenARedirectLeadsThere() {
        serve(FeedXml.rss("Blog", 1));
        String internal = "http://127.0.0.1:" + blog.port() + path;
        assertThatThrownBy(() ->
                        feeds.add(workspace, internal, new Feeds.Settings(List.of(account), "draft", null, List.of())))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("internal address");
        assertThatThrownBy(() -> feeds.add(
                        workspace,
                        "http://169.254.169.254/latest/meta-data",
                        new Feeds.Settings(List.of(account), "draft", null, List.of())))
                .hasMessageContaining("internal address");

        Feed feed = add("draft", null, List.of());
        blog.stubFor(
                get(urlEqualTo(path)).willReturn(aResponse().withStatus(302).withHeader("Location", internal)));
        FeedCheck check = feeds.checkNow(workspace, feed.id());

        assertThat(check.result()).isEqualTo("failed");
        assertThat(check.error()).contains("internal address");
        assertThat(blog.findAll(getRequestedFor(urlEqualTo(path))))
                .as("nothing reached the stub through 127.0.0.1")
                .allSatisfy(r -> assertThat(r.getHeader("Host")).startsWith("localhost"));
    }

    @Test
    void aFeedWithAnExternalEntityIsRefused() {
        serve(FeedXml.withExternalEntity());

        assertThatThrownBy(() -> add("draft", null, List.of()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("DOCTYPE");
        assertThat(feeds.all(workspace)).isEmpty();
    }

    @Test
    void urlsWithCredentialsAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> feeds.add(
                        workspace,
                        "https://krusty:s3cret-pass@blog.example.com/feed",
                        new Feeds.Settings(List.of(account), "draft", null, List.of())))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("user name or password")
                .hasMessageNotContaining("s3cret-pass");
        assertThat(FeedUrls.redacted("https://u:p@host.example/feed?token=abc")).isEqualTo("https://host.example/feed");
    }

    @Test
    void notAFeedAndUnreachableAreReadableRefusals() {
        blog.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody("<html><body>Hi</body></html>")));
        assertThatThrownBy(() -> add("draft", null, List.of())).hasMessageContaining("not an RSS or Atom feed");
        blog.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(404)));
        assertThatThrownBy(() -> add("draft", null, List.of())).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> feeds.add(
                        workspace,
                        "http://localhost:1/feed.xml",
                        new Feeds.Settings(List.of(account), "draft", null, List.of())))
                .hasMessageContaining("refused");
    }

    @Test
    void failedChecksBackOffAndPauseTheFeedWithTheReason() {
        serve(FeedXml.rss("Blog", 1));
        Feed feed = add("draft", null, List.of());
        blog.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < settings.maxFailures(); i++) {
            assertThat(feeds.checkNow(workspace, feed.id()).result()).isEqualTo("failed");
            Feed now = feeds.require(workspace, feed.id());
            waits.add(now.nextCheckAt().getEpochSecond() - now.lastCheckedAt().getEpochSecond());
        }

        assertThat(waits.get(1)).isEqualTo(waits.get(0) * 2);
        assertThat(waits.get(0)).isEqualTo(settings.every().multipliedBy(2).toSeconds());
        Feed paused = feeds.require(workspace, feed.id());
        assertThat(paused.enabled()).isFalse();
        assertThat(paused.status()).isEqualTo("paused");
        assertThat(paused.failures()).isEqualTo(settings.maxFailures());
        assertThat(paused.lastError()).contains("HTTP 500");
        assertThat(audit.find(workspace, new AuditQuery("feed.paused", null, null, null, null, 50)))
                .singleElement()
                .satisfies(e -> assertThat(e.details().get("reason")).contains("3 failed checks in a row"));
        assertThatThrownBy(() -> feeds.checkNow(workspace, feed.id())).isInstanceOf(Conflict.class);

        serve(FeedXml.rss("Blog", 2));
        Feed resumed = feeds.setEnabled(workspace, feed.id(), true);
        assertThat(resumed.failures()).isZero();
        assertThat(resumed.lastError()).isNull();
        assertThat(feeds.checkNow(workspace, feed.id()).posted()).isEqualTo(1);
    }

    @Test
    void anItemThePlanRefusesIsRecordedWithTheReasonAndTheFeedGoesOn() {
        workspace = TenantFixtures.of(context)
                .signUp("tiny feeds", "tiny")
                .workspace()
                .orElseThrow()
                .id();
        account = TenantFixtures.sandboxAccount(tenants, jdbc, workspace, "bart");
        List<String> everyTwoHours = new ArrayList<>();
        for (int h = 0; h < 24; h += 2) {
            everyTwoHours.add("%02d:30".formatted(h));
        }
        schedule.replace(workspace, everyDayAt(everyTwoHours.toArray(String[]::new)));
        serve(FeedXml.rss("Blog", 1));
        Feed feed = add("queue", null, List.of());
        serve(FeedXml.rss("Blog", 4));

        FeedCheck check = feeds.checkNow(workspace, feed.id());

        // Three slots two hours apart: at least two fall on one day (in any zone), of which the plan takes one post.
        assertThat(check.posted()).isBetween(1, 2);
        assertThat(check.skipped()).isEqualTo(3 - check.posted());
        assertThat(feeds.recentItems(workspace, feed.id(), 10))
                .filteredOn(i -> i.outcome().equals("skipped"))
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.reason()).startsWith("The plan's limit refused it"));
        Feed after = feeds.require(workspace, feed.id());
        assertThat(after.status()).isEqualTo("active");
        assertThat(after.lastError()).isNull();
        assertThat(feeds.checkNow(workspace, feed.id()).newItems())
                .as("a refused item is not tried again")
                .isZero();
    }

    @Test
    void anotherWorkspaceCanNeitherSeeNorCheckAFeed() {
        serve(FeedXml.rss("Blog", 1));
        Feed feed = add("draft", null, List.of());
        WorkspaceId other = TenantFixtures.of(context)
                .signUp("other feeds", "pro")
                .workspace()
                .orElseThrow()
                .id();

        assertThat(feeds.all(other)).isEmpty();
        assertThatThrownBy(() -> feeds.require(other, feed.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> feeds.checkNow(other, feed.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> feeds.recentItems(other, feed.id(), 5)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> feeds.delete(other, feed.id())).isInstanceOf(NotFound.class);
        int visible = tenants.read(other, () -> jdbc.sql(
                        "select count(*) from feeds f, feed_items i" + " where f.id = :id or i.feed_id = :id")
                .param("id", feed.id().value())
                .query(Integer.class)
                .single());
        assertThat(visible).as("row-level security hides both tables").isZero();
        assertThat(feeds.require(workspace, feed.id())).isNotNull();
    }

    @Test
    void accountsOfAnotherWorkspaceAndBadSettingsAreRefused() {
        serve(FeedXml.rss("Blog", 1));
        WorkspaceId other = TenantFixtures.of(context)
                .signUp("theirs", "pro")
                .workspace()
                .orElseThrow()
                .id();
        ConnectionId theirs = TenantFixtures.sandboxAccount(tenants, jdbc, other, "lisa");

        assertThatThrownBy(() ->
                        feeds.add(workspace, url(), new Feeds.Settings(List.of(theirs), "draft", null, List.of())))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("accounts");
        assertThatThrownBy(() -> feeds.add(workspace, url(), new Feeds.Settings(List.of(account), "now", null, null)))
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("mode");
        Feed feed = add("draft", null, List.of());
        assertThatThrownBy(() -> add("draft", null, List.of())).isInstanceOf(Conflict.class);

        Feed changed = feeds.change(workspace, feed.id(), new Feeds.Settings(null, "queue", "{title}", List.of("x")));
        assertThat(changed.mode()).isEqualTo(FeedMode.QUEUE);
        assertThat(changed.template()).isEqualTo("{title}");
        assertThat(changed.accounts()).containsExactly(account);
        feeds.delete(workspace, feed.id());
        assertThat(feeds.all(workspace)).isEmpty();
        assertThat(audit.find(workspace, AuditQuery.latest(100)).stream()
                        .map(e -> e.action())
                        .filter(a -> a.startsWith("feed."))
                        .collect(Collectors.toList()))
                .contains("feed.created", "feed.changed", "feed.deleted");
    }

    @Test
    void theSweepFindsDueFeedsAcrossWorkspacesButNotPausedOnes() {
        serve(FeedXml.rss("Blog", 1));
        Feed feed = add("draft", null, List.of());
        java.time.Instant later = feed.nextCheckAt().plusSeconds(1);

        assertThat(due(feed.nextCheckAt().minusSeconds(1)))
                .doesNotContain(feed.id().value());
        assertThat(due(later)).contains(feed.id().value());
        feeds.setEnabled(workspace, feed.id(), false);
        assertThat(due(later)).doesNotContain(feed.id().value());
    }

    /** What the sweep reads: the runtime role, outside any workspace's scope. */
    List<UUID> due(java.time.Instant at) {
        return jdbc.sql("select feed_id from herald_feeds_due(:at, 100000)")
                .param("at", java.sql.Timestamp.from(at))
                .query(UUID.class)
                .list();
    }

    static Map<DayOfWeek, List<String>> everyDayAt(String... times) {
        return Arrays.stream(DayOfWeek.values()).collect(Collectors.toMap(d -> d, d -> List.of(times)));
    }
}
