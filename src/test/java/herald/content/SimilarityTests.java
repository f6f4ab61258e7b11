package herald.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.OwnerDatabase;
import herald.TenantFixtures;
import herald.connections.ConnectionId;
import herald.database.TenantContext;
import herald.database.TenantScope;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.PostPublished;
import herald.publishing.Posts;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The similarity of posts with the real all-MiniLM-L6-v2 model: a scheduled post's text is stored by the listener, a
 * near-duplicate of it is found above the threshold and a different text is not, cancelled posts drop out, the
 * catch-up job embeds what an event did not bring, and workspace B never sees A's vectors.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarityTests {

    static final String PIZZA =
            "Our wood-fired margherita is back this weekend: San Marzano tomatoes, fresh mozzarella and basil from"
                    + " our garden. Book a table for Saturday night!";
    static final String PIZZA_AGAIN =
            "The wood-fired margherita returns this weekend with San Marzano tomatoes, fresh mozzarella and basil"
                    + " from our garden. Reserve your table for Saturday night!";
    static final String TAXES =
            "Reminder for freelancers: quarterly tax prepayments are due on the 10th; keep your receipts in order.";

    @Autowired
    ApplicationContext context;

    @Autowired
    Similarity similarity;

    @Autowired
    Posts posts;

    @Autowired
    PostIndex index;

    @Autowired
    PostTextListener listener;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    FlywayConnectionDetails ownerDetails;

    WorkspaceId a;
    WorkspaceId b;
    ConnectionId accountOfA;
    ConnectionId accountOfB;

    @BeforeAll
    void twoWorkspaces() {
        var fixtures = TenantFixtures.of(context);
        a = fixtures.signUp("Similar A", "pro").workspace().orElseThrow().id();
        b = fixtures.signUp("Similar B", "pro").workspace().orElseThrow().id();
        accountOfA = account(a, "similar-a");
        accountOfB = account(b, "similar-b");
    }

    ConnectionId account(WorkspaceId workspace, String handle) {
        return TenantFixtures.sandboxAccount(tenants, jdbc, workspace, handle);
    }

    /** A post scheduled far ahead, so nothing publishes it during the test; its vector is stored by the listener. */
    Post scheduled(WorkspaceId workspace, ConnectionId account, String body) throws InterruptedException {
        Post post = posts.create(
                workspace,
                new NewPost(
                        body,
                        null,
                        List.of(),
                        List.of(new NewPost.NewTarget(account, null)),
                        "2031-03-0" + (1 + (int) (Math.random() * 8)) + "T10:00",
                        "Europe/Berlin",
                        false));
        assertThat(listener.idle(30_000)).isTrue();
        return post;
    }

    Optional<String> storedText(WorkspaceId workspace, PostId post) {
        return tenants.call(workspace, () -> jdbc.sql(
                        "select text from post_vectors where workspace_id = :workspace and post_id = :post")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query(String.class)
                .optional());
    }

    @Test
    void theListenerStoresAScheduledPostsTextAndAnEditReplacesIt() throws InterruptedException {
        Post post = scheduled(a, accountOfA, "Soup of the day: roasted pumpkin with ginger and a swirl of cream.");
        assertThat(storedText(a, post.id())).contains(post.body());

        posts.edit(
                a,
                post.id(),
                new herald.publishing.PostChanges(
                        "Soup of the day: lentils with cumin and lemon.", null, null, null, null, null, null));
        assertThat(listener.idle(30_000)).isTrue();
        assertThat(storedText(a, post.id())).contains("Soup of the day: lentils with cumin and lemon.");
    }

    @Test
    void aNearDuplicateIsFoundAboveTheThresholdAndADifferentTextIsNot() throws InterruptedException {
        Post pizza = scheduled(a, accountOfA, PIZZA);

        List<SimilarPost> near = similarity.similarPosts(a, PIZZA_AGAIN, similarity.threshold(), 5);
        assertThat(near).extracting(SimilarPost::post).contains(pizza.id());
        SimilarPost hit = near.stream()
                .filter(p -> p.post().equals(pizza.id()))
                .findFirst()
                .orElseThrow();
        assertThat(hit.similarity()).isGreaterThanOrEqualTo(similarity.threshold());
        assertThat(hit.text()).isEqualTo(PIZZA);
        assertThat(similarity.compare(PIZZA, PIZZA_AGAIN)).isGreaterThanOrEqualTo(similarity.threshold());

        assertThat(similarity.similarPosts(a, TAXES, similarity.threshold(), 5))
                .extracting(SimilarPost::post)
                .doesNotContain(pizza.id());
        assertThat(similarity.compare(PIZZA, TAXES)).isLessThan(similarity.threshold());
        // Most similar first, and nothing below the minimum asked for.
        List<SimilarPost> all = similarity.similarPosts(a, PIZZA_AGAIN, -1, 50);
        assertThat(all).isSortedAccordingTo((x, y) -> Double.compare(y.similarity(), x.similarity()));
        assertThat(all.getFirst().post()).isEqualTo(pizza.id());
    }

    @Test
    void aCancelledPostIsNoLongerSimilar() throws InterruptedException {
        String text = "Tonight only: truffle risotto with aged parmesan, served until the pot is empty.";
        Post post = scheduled(a, accountOfA, text);
        assertThat(similarity.similarPosts(a, text, 0.9, 5))
                .extracting(SimilarPost::post)
                .contains(post.id());

        posts.cancel(a, post.id());
        assertThat(similarity.similarPosts(a, text, 0.9, 5))
                .extracting(SimilarPost::post)
                .doesNotContain(post.id());
        // The catch-up job removes its vector.
        index.catchUp(a);
        assertThat(storedText(a, post.id())).isEmpty();
    }

    @Test
    void theCatchUpEmbedsPostsWhoseEventWasLostAndAPublishedEventStoresTheText() throws InterruptedException {
        String text = "Brunch is served every Sunday from ten: pancakes, eggs benedict and fresh orange juice.";
        Post post = scheduled(a, accountOfA, text);
        tenants.run(a, () -> jdbc.sql("delete from post_vectors where workspace_id = :w and post_id = :p")
                .param("w", a.value())
                .param("p", post.id().value())
                .update());
        assertThat(similarity.similarPosts(a, text, 0.9, 5))
                .extracting(SimilarPost::post)
                .doesNotContain(post.id());

        assertThat(index.catchUp(a)).isGreaterThanOrEqualTo(1);
        assertThat(storedText(a, post.id())).contains(text);
        assertThat(similarity.similarPosts(a, text, 0.9, 5))
                .extracting(SimilarPost::post)
                .contains(post.id());
        // Nothing left to do on a second run.
        assertThat(index.catchUp(a)).isZero();

        // A published target's event brings the text back too, off the publisher's thread.
        tenants.run(a, () -> jdbc.sql("delete from post_vectors where workspace_id = :w and post_id = :p")
                .param("w", a.value())
                .param("p", post.id().value())
                .update());
        // In one batch with a post of B that lost its vector too, and one of A that has its own: one statement finds
        // the two without, and the third is left as it is.
        String textOfB = "Workspace B pours a flight of four local craft beers with every burger this Friday night.";
        Post ofB = scheduled(b, accountOfB, textOfB);
        Post kept = scheduled(a, accountOfA, "Sunday roast with all the trimmings is back at Workspace A from noon.");
        long keptRevision = revision(a, kept.id());
        tenants.run(b, () -> jdbc.sql("delete from post_vectors where workspace_id = :w and post_id = :p")
                .param("w", b.value())
                .param("p", ofB.id().value())
                .update());
        for (var published : List.of(post, ofB, kept)) {
            WorkspaceId in = published == ofB ? b : a;
            context.publishEvent(new PostPublished(
                    in,
                    published.id(),
                    published.targets().getFirst().id(),
                    "sandbox",
                    URI.create("http://localhost/sandbox/p/1"),
                    Instant.parse("2031-03-01T09:00:00Z")));
        }
        assertThat(listener.idle(30_000)).isTrue();
        assertThat(storedText(a, post.id())).contains(text);
        assertThat(storedText(b, ofB.id())).contains(textOfB);
        assertThat(revision(a, kept.id())).isEqualTo(keptRevision);
    }

    long revision(WorkspaceId workspace, PostId post) {
        return tenants.call(
                workspace, () -> jdbc.sql("select revision from post_vectors where workspace_id = :w and post_id = :p")
                        .param("w", workspace.value())
                        .param("p", post.value())
                        .query(Long.class)
                        .single());
    }

    @Test
    void workspaceBNeverSeesTheVectorsOfA() throws InterruptedException {
        String text = "Our secret recipe chili cheese fries are on the menu at Workspace A all month long.";
        Post post = scheduled(a, accountOfA, text);
        assertThat(similarity.similarPosts(a, text, 0.5, 50))
                .extracting(SimilarPost::post)
                .contains(post.id());
        assertThat(similarity.similarPosts(b, text, -1, 50))
                .extracting(SimilarPost::post)
                .doesNotContain(post.id())
                .allSatisfy(id -> assertThat(storedText(b, id)).isPresent());

        // Row-level security itself: acting for B, A's rows are not there and cannot be written.
        long visible = inScopeRolledBack(b, sql -> sql.sql("select count(*) from post_vectors where workspace_id = :a")
                .param("a", a.value())
                .query(Long.class)
                .single());
        assertThat(visible).isZero();
        assertThatThrownBy(() -> inScopeRolledBack(b, sql -> sql.sql(
                                """
                                insert into post_vectors (workspace_id, post_id, text, text_hash, model, vector, at)
                                values (:a, :post, 'x', sha256('x'::bytea), 'm', decode(repeat('00', 1536), 'hex'),
                                    now())""")
                        .param("a", a.value())
                        .param("post", post.id().value())
                        .update()))
                .isInstanceOf(RuntimeException.class);
        long ownerSees = OwnerDatabase.jdbc(ownerDetails)
                .sql("select count(*) from post_vectors where workspace_id = :a and post_id = :post")
                .param("a", a.value())
                .param("post", post.id().value())
                .query(Long.class)
                .single();
        assertThat(ownerSees).isEqualTo(1);
    }

    @Test
    void blankOrOverlongTextIsRefused() {
        assertThatThrownBy(() -> similarity.similarPosts(a, "  ", 0.5, 5)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> similarity.similarPosts(a, "x".repeat(10_001), 0.5, 5))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void postsFromBeforeTheVectorsAreEmbeddedByTheCatchUpAndFindEachOther() {
        // As a workspace's posts were before this module (the demo workspaces' among them): rows, no events.
        WorkspaceId old = TenantFixtures.of(context)
                .signUp("Similar old", "pro")
                .workspace()
                .orElseThrow()
                .id();
        String[] bodies = {
            "Friday night is pizza night: two margheritas for the price of one until nine.",
            "Pizza night is back this Friday: buy one margherita, get the second free until 9 pm.",
            "We are closed on Monday for a staff training day; see you on Tuesday!",
            "Draft: an idea for later about pizza night."
        };
        String[] statuses = {"published", "scheduled", "published", "draft"};
        UUID[] ids = new UUID[bodies.length];
        tenants.run(old, () -> {
            for (int i = 0; i < bodies.length; i++) {
                ids[i] = UUID.randomUUID();
                jdbc.sql("insert into posts (workspace_id, id, body, status, scheduled_at) values (:w, :id, :body,"
                                + " :status, now() - make_interval(days => :days))")
                        .param("w", old.value())
                        .param("id", ids[i])
                        .param("body", bodies[i])
                        .param("status", statuses[i])
                        .param("days", i + 1)
                        .update();
            }
        });
        assertThat(similarity.similarPosts(old, bodies[0], 0.5, 10)).isEmpty();

        assertThat(index.catchUpAll()).isGreaterThanOrEqualTo(3);

        // The find-similar search's default minimum (0.5): paraphrases are related, not all repetitions.
        List<SimilarPost> found = similarity.similarPosts(old, bodies[0], 0.5, 10);
        assertThat(found).extracting(SimilarPost::post).contains(new PostId(ids[0]), new PostId(ids[1]));
        assertThat(found).extracting(SimilarPost::post).doesNotContain(new PostId(ids[2]), new PostId(ids[3]));
        // The draft has no vector at all.
        assertThat(storedText(old, new PostId(ids[3]))).isEmpty();
        assertThat(storedText(old, new PostId(ids[2]))).contains(bodies[2]);
    }

    /** The cost of a search over 5,000 stored vectors (printed for docs/content/similarity.md). */
    @Test
    void aSearchOverFiveThousandVectorsStaysFast() {
        WorkspaceId big = TenantFixtures.of(context)
                .signUp("Similar big", "pro")
                .workspace()
                .orElseThrow()
                .id();
        var random = new java.util.Random(42);
        tenants.run(big, () -> {
            for (int i = 0; i < 5000; i++) {
                UUID post = UUID.randomUUID();
                Instant at = Instant.now().minus(java.time.Duration.ofMinutes(random.nextInt(60 * 24 * 80)));
                jdbc.sql("insert into posts (workspace_id, id, body, status, scheduled_at) values (:w, :id, :body,"
                                + " 'published', :at)")
                        .param("w", big.value())
                        .param("id", post)
                        .param("body", "Post " + i)
                        .param("at", java.sql.Timestamp.from(at))
                        .update();
                float[] vector = new float[Embedder.DIMENSIONS];
                for (int d = 0; d < vector.length; d++) {
                    vector[d] = (float) random.nextGaussian();
                }
                context.getBean(PostVectors.class)
                        .upsert(
                                big,
                                new PostId(post),
                                "Post " + i,
                                PostVectors.hash("Post " + i),
                                Embedder.normalized(vector),
                                at,
                                Instant.now());
            }
        });
        var embedder = context.getBean(Embedder.class);
        var vectors = context.getBean(PostVectors.class);
        String text = "A text to compare with five thousand posts.";
        embedder.embed(text); // the model is loaded
        long cold = System.nanoTime();
        similarity.similarPosts(big, text, 0.99, 10); // reads the vectors from the database
        double coldMs = (System.nanoTime() - cold) / 1e6;
        int runs = 10;
        long started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            assertThat(similarity.similarPosts(big, text, 0.99, 10)).isEmpty();
        }
        double searchMs = (System.nanoTime() - started) / 1e6 / runs;
        started = System.nanoTime();
        List<PostVectors.Row> rows = List.of();
        for (int i = 0; i < runs; i++) {
            rows = tenants.call(big, () -> vectors.since(big, Instant.now().minus(java.time.Duration.ofDays(90))));
        }
        double readMs = (System.nanoTime() - started) / 1e6 / runs;
        float[] query = embedder.embed(text);
        started = System.nanoTime();
        double best = -1;
        for (int i = 0; i < runs; i++) {
            for (var row : rows) {
                best = Math.max(best, Embedder.dot(query, row.vector()));
            }
        }
        double dotMs = (System.nanoTime() - started) / 1e6 / runs;
        started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            embedder.embed(text + " " + i);
        }
        double embedMs = (System.nanoTime() - started) / 1e6 / runs;
        System.out.printf(
                "SIMILARITY COST over %d vectors: first search %.1f ms, then %.1f ms (reading them %.1f ms, dot products"
                        + " %.2f ms), embedding a text %.1f ms%n",
                rows.size(), coldMs, searchMs, readMs, dotMs, embedMs);
        assertThat(rows).hasSize(5000);
        assertThat(best).isLessThan(0.99);
        assertThat(searchMs).isLessThan(3000);
    }

    <T> T inScopeRolledBack(WorkspaceId workspace, java.util.function.Function<JdbcClient, T> work) {
        try (var ignored = TenantContext.bind(workspace)) {
            return new TransactionTemplate(transactions).execute(status -> {
                status.setRollbackOnly();
                return work.apply(jdbc);
            });
        }
    }
}
