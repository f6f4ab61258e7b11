package herald.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counters behind {@code GET /sandbox/admin/stats}, in the database so that they add up across nodes: a test can
 * assert that exactly one refresh of an account reached the Sandbox, whichever node served it.
 */
@Component
class Counters {

    static final String GRANT = "grant:";
    static final String REFRESH = "refresh:";
    /**
     * Counted by {@code sandbox_create_post} (V117), in the statement that stores the post, into sixteen shards
     * ({@code posts:0} to {@code posts:15}, by account) so that concurrent creates do not queue on one row: {@link
     * #all} sums them.
     */
    static final String POSTS = "posts";

    private final JdbcClient jdbc;

    Counters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void increment(String name) {
        jdbc.sql(
                        """
                        insert into sandbox_counters (name, value) values (:name, 1)
                        on conflict (name) do update set value = sandbox_counters.value + 1""")
                .param("name", name)
                .update();
    }

    Map<String, Long> all() {
        Map<String, Long> counters = new LinkedHashMap<>();
        jdbc.sql("select name, value from sandbox_counters order by name").query(rs -> {
            String name = rs.getString("name");
            counters.merge(name.startsWith(POSTS + ":") ? POSTS : name, rs.getLong("value"), Long::sum);
        });
        return counters;
    }

    void reset() {
        jdbc.sql("delete from sandbox_counters").update();
    }
}
