package herald.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Herald's database for the benchmark: an embedded PostgreSQL 17 started here with the two roles Herald expects (as
 * {@code herald.database.EmbeddedDatabase} makes them), or the server of {@code --database-url} with the roles of
 * {@code HERALD_DATABASE_USERNAME}/{@code _PASSWORD}/{@code _OWNER_USERNAME}/{@code _OWNER_PASSWORD}.
 */
final class Database implements AutoCloseable {

    final String url;
    final String owner;
    final String ownerPassword;
    final String app;
    final String appPassword;
    private final @Nullable EmbeddedPostgres embedded;

    private Database(
            String url,
            String owner,
            String ownerPassword,
            String app,
            String appPassword,
            @Nullable EmbeddedPostgres embedded) {
        this.url = url;
        this.owner = owner;
        this.ownerPassword = ownerPassword;
        this.app = app;
        this.appPassword = appPassword;
        this.embedded = embedded;
    }

    static Database start(@Nullable String url, Path work) throws IOException, SQLException {
        if (url != null) {
            return new Database(
                    url,
                    env("HERALD_DATABASE_OWNER_USERNAME", "herald_owner"),
                    env("HERALD_DATABASE_OWNER_PASSWORD", ""),
                    env("HERALD_DATABASE_USERNAME", "herald_app"),
                    env("HERALD_DATABASE_PASSWORD", ""),
                    null);
        }
        Path data = work.resolve("pgdata");
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "400")
                .setServerConfig("timezone", "UTC")
                .setLocaleConfig("locale", "C.UTF-8")
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create role herald_owner with login nosuperuser bypassrls password 'bench-owner'");
            s.execute("create role herald_app with login nosuperuser nobypassrls nocreaterole nocreatedb"
                    + " password 'bench-app'");
            s.execute("create database herald owner herald_owner");
            s.execute("revoke all on database herald from public");
            s.execute("grant connect on database herald to herald_app");
        }
        try (Connection c = postgres.getDatabase("postgres", "herald").getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter schema public owner to herald_owner");
            s.execute("revoke create on schema public from public");
        }
        String jdbc = postgres.getJdbcUrl("postgres", "herald").replaceAll("\\?.*$", "");
        return new Database(jdbc, "herald_owner", "bench-owner", "herald_app", "bench-app", postgres);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** A connection as the schema owner, which bypasses row-level security: seeding and counting only. */
    Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(url, owner, ownerPassword);
    }

    PGSimpleDataSource ownerDataSource() {
        var source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setUser(owner);
        source.setPassword(ownerPassword);
        return source;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
