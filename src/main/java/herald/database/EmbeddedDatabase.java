package herald.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL 17 for the zero-setup run and the tests. One server per data folder per JVM: test contexts
 * share it, and it stops with the JVM. At every start it (re)creates the two roles Herald needs, so the embedded setup
 * has the same security shape as production: migrations as the owner, the application as a role that owns nothing.
 */
final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> running = new ConcurrentHashMap<>();
    static final String DATABASE = "herald";

    private final EmbeddedPostgres postgres;
    private final String ownerRole;
    private final String ownerPassword;
    private final String appRole;
    private final String appPassword;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String ownerRole, String appRole) {
        this.postgres = postgres;
        this.ownerRole = ownerRole;
        this.appRole = appRole;
        this.ownerPassword = randomPassword();
        this.appPassword = randomPassword();
    }

    static EmbeddedDatabase start(DatabaseSettings settings) {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        return running.computeIfAbsent(dataDir, dir -> {
            EmbeddedDatabase database = new EmbeddedDatabase(
                    startPostgres(dir, settings.ephemeral()), settings.ownerUsername(), settings.username());
            database.prepareRoles();
            return database;
        });
    }

    private static EmbeddedPostgres startPostgres(Path dataDir, boolean ephemeral) {
        try {
            Path pgData = ephemeral ? Files.createTempDirectory("herald-pg") : dataDir.resolve("pgdata");
            Files.createDirectories(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(ephemeral)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD);
            EmbeddedPostgres postgres = builder.start();
            log.info(
                    "Embedded PostgreSQL started on port {} with data in {}",
                    postgres.getPort(),
                    ephemeral ? "a temporary folder" : pgData);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private void prepareRoles() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            upsertRole(statement, ownerRole, ownerPassword, "LOGIN NOSUPERUSER BYPASSRLS");
            upsertRole(statement, appRole, appPassword, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB");
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE + " owner " + ownerRole);
            }
            statement.execute("revoke all on database " + DATABASE + " from public");
            statement.execute("grant connect on database " + DATABASE + " to " + appRole);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database roles", e);
        }
        try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("alter schema public owner to " + ownerRole);
            statement.execute("revoke create on schema public from public");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database schema", e);
        }
    }

    private static void upsertRole(Statement statement, String role, String password, String options)
            throws SQLException {
        var exists = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'");
        String verb = exists.next() ? "alter" : "create";
        statement.execute(verb + " role " + role + " with " + options + " password '" + password + "'");
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE).replaceAll("\\?.*$", "");
    }

    String ownerRole() {
        return ownerRole;
    }

    String ownerPassword() {
        return ownerPassword;
    }

    String appRole() {
        return appRole;
    }

    String appPassword() {
        return appPassword;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
