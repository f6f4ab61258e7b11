package herald.database;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connection details for the runtime pool (the unprivileged role) and for Flyway (the owner role), from either the
 * embedded database or {@code HERALD_DATABASE_*}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${herald.database.url:}'.isBlank()")
    static class Embedded {

        @Bean
        EmbeddedDatabase embeddedDatabase(DatabaseSettings settings) {
            return EmbeddedDatabase.start(settings);
        }

        @Bean
        JdbcConnectionDetails jdbcConnectionDetails(EmbeddedDatabase database, DatabaseSettings settings) {
            return new JdbcDetails(database.jdbcUrl(settings.name()), database.appRole(), database.appPassword());
        }

        @Bean
        FlywayConnectionDetails flywayConnectionDetails(EmbeddedDatabase database, DatabaseSettings settings) {
            return new FlywayDetails(database.jdbcUrl(settings.name()), database.ownerRole(), database.ownerPassword());
        }

        /**
         * The database is made just before it is migrated: nothing connects to it earlier, and on an ephemeral server
         * it is copied from a template migrated with this very configuration.
         */
        @Bean
        FlywayMigrationStrategy embeddedDatabaseMigration(EmbeddedDatabase database, DatabaseSettings settings) {
            return flyway -> {
                database.prepare(settings.name(), flyway.getConfiguration());
                flyway.migrate();
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${herald.database.url:}'.isBlank()")
    static class External {

        @Bean
        JdbcConnectionDetails jdbcConnectionDetails(DatabaseSettings settings) {
            return new JdbcDetails(settings.url(), settings.username(), settings.password());
        }

        @Bean
        FlywayConnectionDetails flywayConnectionDetails(DatabaseSettings settings) {
            return new FlywayDetails(settings.url(), settings.ownerUsername(), settings.ownerPassword());
        }
    }

    private record JdbcDetails(String url, String username, String password) implements JdbcConnectionDetails {

        @Override
        public String getJdbcUrl() {
            return url;
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public String getPassword() {
            return password;
        }

        @Override
        public String toString() {
            return "JdbcDetails[url=" + url + ", username=" + username + "]";
        }
    }

    private record FlywayDetails(String url, String username, String password) implements FlywayConnectionDetails {

        @Override
        public String getJdbcUrl() {
            return url;
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public String getPassword() {
            return password;
        }

        @Override
        public String toString() {
            return "FlywayDetails[url=" + url + ", username=" + username + "]";
        }
    }
}
