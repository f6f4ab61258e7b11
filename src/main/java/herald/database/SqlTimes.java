package herald.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Instants to and from JDBC's values of {@code timestamptz} columns, null where the column is null. */
public final class SqlTimes {

    private SqlTimes() {}

    /** The parameter for {@code instant}: pgjdbc binds no {@link Instant}, only a {@link Timestamp}. */
    public static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The column of the current row as an instant, or null. */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs.getTimestamp(column));
    }
}
