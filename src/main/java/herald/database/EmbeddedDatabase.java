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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL 17 for the zero-setup run and the tests. One server per data folder per JVM: it stops with the
 * JVM. At every start it (re)creates the two roles Herald needs, so the embedded setup has the same security shape as
 * production: migrations as the owner, the application as a role that owns nothing.
 *
 * <p>A server holds as many databases as there are names asked for ({@code herald.database.name}). The tests give each
 * application context a database of its own, so that one context's scheduler never runs another's jobs; there an
 * ephemeral server migrates a template database once and every context's database is a copy of it, made in moments
 * where migrating each would take seconds.
 */
final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> running = new ConcurrentHashMap<>();
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final boolean ephemeral;
    private final String ownerRole;
    private final String ownerPassword;
    private final String appRole;
    private final String appPassword;
    /** Template databases by the migrations they were made with: locations and placeholders. */
    private final Map<String, String> templates = new HashMap<>();

    private EmbeddedDatabase(EmbeddedPostgres postgres, boolean ephemeral, String ownerRole, String appRole) {
        this.postgres = postgres;
        this.ephemeral = ephemeral;
        this.ownerRole = ownerRole;
        this.appRole = appRole;
        this.ownerPassword = randomPassword();
        this.appPassword = randomPassword();
    }

    static EmbeddedDatabase start(DatabaseSettings settings) {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        return running.computeIfAbsent(dataDir, dir -> {
            EmbeddedDatabase database = new EmbeddedDatabase(
                    startPostgres(dir, settings.ephemeral()),
                    settings.ephemeral(),
                    settings.ownerUsername(),
                    settings.username());
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
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database roles", e);
        }
    }

    /**
     * Makes the database {@code name} if it does not exist yet: empty, for Flyway to migrate, or on an ephemeral server
     * a copy of a template that {@code migrations} have migrated already, which leaves Flyway only its check.
     */
    synchronized void prepare(String name, Configuration migrations) {
        String database = checkedName(name);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (exists(statement, database)) {
                return;
            }
            if (ephemeral) {
                String template = template(statement, migrations);
                statement.execute("create database " + database + " owner " + ownerRole + " template " + template);
            } else {
                statement.execute("create database " + database + " owner " + ownerRole);
            }
            statement.execute("revoke all on database " + database + " from public");
            statement.execute("grant connect on database " + database + " to " + appRole);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the embedded database " + database, e);
        }
        if (!ephemeral) {
            prepareSchema(database);
        }
    }

    private String template(Statement statement, Configuration migrations) throws SQLException {
        String key = Arrays.toString(migrations.getLocations()) + migrations.getPlaceholders();
        String known = templates.get(key);
        if (known != null) {
            return known;
        }
        String template = "herald_template_" + templates.size();
        long start = System.nanoTime();
        statement.execute("create database " + template + " owner " + ownerRole);
        prepareSchema(template);
        Flyway.configure(migrations.getClassLoader())
                .configuration(migrations)
                .dataSource(jdbcUrl(template), ownerRole, ownerPassword)
                .load()
                .migrate();
        templates.put(key, template);
        log.info("Migrated the template database {} in {} ms", template, (System.nanoTime() - start) / 1_000_000);
        return template;
    }

    private void prepareSchema(String database) {
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("alter schema public owner to " + ownerRole);
            statement.execute("revoke create on schema public from public");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the schema of the embedded database " + database, e);
        }
    }

    private static boolean exists(Statement statement, String database) throws SQLException {
        try (var found = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            return found.next();
        }
    }

    static String checkedName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("herald.database.name must be a lower-case PostgreSQL name of at most 63"
                    + " letters, digits and underscores, starting with a letter: " + name);
        }
        return name;
    }

    private static void upsertRole(Statement statement, String role, String password, String options)
            throws SQLException {
        var exists = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'");
        String verb = exists.next() ? "alter" : "create";
        statement.execute(verb + " role " + role + " with " + options + " password '" + password + "'");
    }

    String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database).replaceAll("\\?.*$", "");
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
