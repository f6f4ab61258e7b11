package herald.sandbox;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Sandbox's audience: a few people without an account who comment under some new feed posts, a while after they
 * appear, and sometimes answer each other, so that a demo's inbox has someone to answer. Which posts, who and what
 * follow from the post's id, so a post is commented on at most once however often the task runs. Off unless {@code
 * herald.sandbox.visitors.enabled} (on with the demo: tests and benchmarks turn the demo off); one node at a time
 * (db-scheduler). Replies (a thread's parts) and stories get no comments.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("herald.sandbox.visitors.enabled")
class Visitors {

    private static final Logger log = LoggerFactory.getLogger(Visitors.class);

    /** A post is commented on once it is this old, and not once it is older than {@link #UNTIL}. */
    static final Duration AFTER = Duration.ofSeconds(15);

    static final Duration UNTIL = Duration.ofMinutes(30);
    /** Six posts in ten get a comment; a third of those an answer from someone else. */
    static final int IN_TEN = 6;

    record Line(String name, String text) {}

    static final List<Line> COMMENTS = List.of(
            new Line("Moe Szyslak", "What time do you open on Sundays?"),
            new Line("Lisa Simpson", "Is there a vegetarian option?"),
            new Line("Apu Nahasapeemapetilon", "Looks delicious! Do you deliver to Evergreen Terrace?"),
            new Line("Ned Flanders", "Okily dokily, count us in for Friday!"),
            new Line("Edna Krabappel", "Can I book a table for six on Saturday?"),
            new Line("Milhouse Van Houten", "Is this still on this weekend?"),
            new Line("Patty Bouvier", "Do you take card, or cash only?"),
            new Line("Comic Book Guy", "Best. Post. Ever. Is parking free?"));

    static final List<Line> ANSWERS = List.of(
            new Line("Bart Simpson", "Same question here!"),
            new Line("Marge Simpson", "We went last week, it was lovely."),
            new Line("Lenny Leonard", "Asking for a friend too."));

    private final JdbcClient jdbc;
    private final Comments comments;
    private final Clock clock;

    Visitors(JdbcClient jdbc, Comments comments, Clock clock) {
        this.jdbc = jdbc;
        this.comments = comments;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> sandboxVisitors() {
        return Tasks.recurring("sandbox-visitors", FixedDelay.ofSeconds(20)).execute((instance, context) -> {
            int commented = comment(clock.instant());
            if (commented > 0) {
                log.debug("The Sandbox's audience commented under {} posts", commented);
            }
        });
    }

    /** Comments under the posts due at {@code now}; how many posts it commented under. */
    int comment(Instant now) {
        List<UUID> due = jdbc.sql(
                        """
                        select p.id from sandbox_posts p
                         where p.created_at between :from and :to
                           and not exists (select 1 from sandbox_replies r where r.post_id = p.id)
                           and not exists (select 1 from sandbox_stories s where s.post_id = p.id)
                           and not exists (select 1 from sandbox_comments c
                                            where c.post_id = p.id and c.account_id is null)
                           and abs(hashtext(p.id::text)) % 10 < :inTen
                         order by p.created_at
                         limit 200""")
                .param("from", Timestamp.from(now.minus(UNTIL)))
                .param("to", Timestamp.from(now.minus(AFTER)))
                .param("inTen", IN_TEN)
                .query(UUID.class)
                .list();
        int commented = 0;
        for (UUID post : due) {
            int seed = post.hashCode();
            Line line = COMMENTS.get(Math.floorMod(seed >>> 4, COMMENTS.size()));
            Comment first = comments.byVisitor(post, line.name(), line.text(), null);
            if (Math.floorMod(seed >>> 12, 3) == 0) {
                Line answer = ANSWERS.get(Math.floorMod(seed >>> 16, ANSWERS.size()));
                comments.byVisitor(post, answer.name(), answer.text(), first.id());
            }
            commented++;
        }
        return commented;
    }
}
