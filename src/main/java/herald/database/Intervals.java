package herald.database;

import java.sql.SQLException;
import java.time.Duration;
import org.postgresql.util.PGInterval;

/** A {@link Duration} as a PostgreSQL {@code interval} parameter, to the second. */
public final class Intervals {

    private Intervals() {}

    public static PGInterval of(Duration duration) {
        try {
            return new PGInterval(duration.toSeconds() + " seconds");
        } catch (SQLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
