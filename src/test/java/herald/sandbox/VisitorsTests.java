package herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Sandbox's audience (off in tests, so built here by hand): some new posts get a visitor's comment, a few an
 * answer to it, each post once however often it runs; posts too new or too old, replies and stories get none.
 */
class AudienceTests extends SandboxTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Comments comments;

    @Test
    void commentsUnderSomeNewPostsOnceEach() {
        // Ten posts an account: the tests' Sandbox takes twelve calls an account.
        List<UUID> posts = new ArrayList<>();
        var account = sandbox.account(SandboxClient.uniqueHandle("audience"));
        for (int a = 0; a < 4; a++) {
            var poster = a == 0 ? account : sandbox.account(SandboxClient.uniqueHandle("audience"));
            for (int i = 0; i < 10; i++) {
                posts.add(post(poster, "Visitors post " + a + "." + i));
            }
        }
        UUID story = post(sandbox.account(SandboxClient.uniqueHandle("audience")), "A story");
        jdbc.sql("insert into sandbox_stories (post_id) values (:p)")
                .param("p", story)
                .update();
        // Far ahead of the posts' time, so that other tests' posts are too old to be touched.
        Instant now = Instant.now().plus(Visitors.AFTER).plusSeconds(1);
        var audience = new Visitors(jdbc, comments, Clock.systemUTC());

        int commented = audience.comment(now);
        assertThat(audience.comment(now.plusSeconds(20))).as("each post once").isZero();

        List<UUID> chosen =
                posts.stream().filter(p -> !comments.byPost(p, 10).isEmpty()).toList();
        assertThat(chosen).hasSizeBetween(10, 36).hasSizeLessThanOrEqualTo(commented);
        assertThat(comments.byPost(story, 10)).isEmpty();
        int answered = 0;
        for (UUID post : chosen) {
            List<Comment> under = comments.byPost(post, 10);
            Comment first = under.getLast();
            assertThat(first.accountHandle()).isNull();
            assertThat(Visitors.COMMENTS)
                    .anyMatch(
                            l -> l.name().equals(first.authorName()) && l.text().equals(first.text()));
            if (under.size() == 2) {
                assertThat(under.getFirst().replyTo()).isEqualTo(first.id());
                answered++;
            }
        }
        assertThat(answered).as("a third, more or less").isBetween(1, chosen.size() - 1);

        // A post that is not yet due, and one too old, get nothing.
        UUID fresh = post(sandbox.account(SandboxClient.uniqueHandle("audience")), "Too fresh");
        assertThat(audience.comment(Instant.now())).isZero();
        jdbc.sql("update sandbox_posts set created_at = :old where id = :p")
                .param("old", Timestamp.from(Instant.now().minus(Visitors.UNTIL).minus(Duration.ofMinutes(1))))
                .param("p", fresh)
                .update();
        assertThat(audience.comment(Instant.now().plus(Visitors.AFTER))).isZero();
    }

    private UUID post(SandboxClient.AccountTokens account, String text) {
        var created =
                sandbox.api("POST", "/sandbox/api/posts", account.accessToken(), "{\"text\":\"%s\"}".formatted(text));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().path("id").asString());
    }
}
