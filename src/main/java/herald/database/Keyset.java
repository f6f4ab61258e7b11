package herald.database;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * Keyset paging of a listing ordered by a time column, ties broken by an id column: a page continues after the last
 * row of the one before by comparing the pair, so rows added meanwhile neither repeat nor vanish, and a deep page costs
 * what the first does (unlike {@code offset}). {@link #page} ends a query with the condition, order and limit
 * ({@link #pageAfter}) and binds their parameters {@code :afterTime}, {@code :afterId} and {@code :limit}. The column
 * names go into the SQL as they are: constants of the calling code, never input.
 */
public record Keyset(String timeColumn, String idColumn, boolean newestFirst) {

    /** Where a page continues: after the row with this time and id. */
    public record After(Instant time, UUID id) {}

    public static Keyset newestFirst(String timeColumn, String idColumn) {
        return new Keyset(timeColumn, idColumn, true);
    }

    public static Keyset oldestFirst(String timeColumn, String idColumn) {
        return new Keyset(timeColumn, idColumn, false);
    }

    /**
     * The end of a where clause: the rows after {@code after} (all rows on the first page), in this order, up to the
     * limit.
     */
    public String pageAfter(@Nullable After after) {
        String direction = newestFirst ? " desc" : "";
        String continuing = after == null
                ? ""
                : " and (" + timeColumn + ", " + idColumn + ") " + (newestFirst ? "<" : ">")
                        + " (:afterTime, :afterId)";
        return continuing + " order by " + timeColumn + direction + ", " + idColumn + direction + " limit :limit";
    }

    /**
     * One page of {@code select} (a query whose where clause the page's condition can end): the rows after {@code
     * after}, or the first ones when it is null, up to {@code limit}. The caller binds the parameters of {@code select}.
     */
    public StatementSpec page(JdbcClient jdbc, String select, @Nullable After after, int limit) {
        StatementSpec statement = jdbc.sql(select + pageAfter(after)).param("limit", limit);
        return after == null
                ? statement
                : statement.param("afterTime", Timestamp.from(after.time())).param("afterId", after.id());
    }
}
