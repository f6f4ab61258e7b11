package herald;

import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database as the migration owner ({@code herald_owner}: owns the schema, has BYPASSRLS), for tests that must look
 * past row-level security or tamper with what the runtime role cannot touch. Never used by Herald itself at run time.
 */
public final class OwnerDatabase {

    private OwnerDatabase() {}

    public static DataSource dataSource(FlywayConnectionDetails owner) {
        var dataSource = new DriverManagerDataSource(owner.getJdbcUrl(), owner.getUsername(), owner.getPassword());
        dataSource.setDriverClassName("org.postgresql.Driver");
        return dataSource;
    }

    public static JdbcClient jdbc(FlywayConnectionDetails owner) {
        return JdbcClient.create(dataSource(owner));
    }
}
