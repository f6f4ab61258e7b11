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

    /**
     * @param statements whether to load pg_stat_statements into the embedded server, for {@link #topStatements}
     */
    static Database start(@Nullable String url, Path work, boolean statements) throws IOException, SQLException {
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
        var builder = EmbeddedPostgres.builder();
        if (statements) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all")
                    .setServerConfig("pg_stat_statements.track_planning", "on");
        }
        EmbeddedPostgres postgres = builder.setDataDirectory(data)
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
            if (statements) {
                s.execute("create extension pg_stat_statements");
            }
        }
        String jdbc = postgres.getJdbcUrl("postgres", "herald").replaceAll("\\?.*$", "");
        return new Database(jdbc, "herald_owner", "bench-owner", "herald_app", "bench-app", postgres);
    }

    /**
     * Vacuums and analyses Herald's database: the dead rows the seeding and the warm-up left (every seeded post is
     * written again when it is made due) are cleared before the measured run, rather than by an autovacuum that lands
     * inside some runs and not others (the {@code autovacuums} figure counts those that still do).
     */
    void vacuum() throws SQLException {
        try (Connection c = ownerConnection();
                Statement s = c.createStatement()) {
            s.execute("vacuum (analyze)");
        }
    }

    /** Forgets the statements counted so far (only with {@code --statements}, on the embedded server). */
    void resetStatements() throws SQLException {
        if (embedded != null) {
            try (Connection c = embedded.getDatabase("postgres", "herald").getConnection();
                    Statement s = c.createStatement()) {
                s.execute("select pg_stat_statements_reset()");
            }
        }
    }

    /**
     * Herald's {@code limit} costliest statements since {@link #resetStatements}, by total planning and execution
     * time, each with its calls, milliseconds per call and the share spent planning: for finding where a run's
     * database time went.
     */
    java.util.List<String> topStatements(int limit) throws SQLException {
        var lines = new java.util.ArrayList<String>();
        if (embedded == null) {
            return lines;
        }
        try (Connection c = embedded.getDatabase("postgres", "herald").getConnection();
                var q = c.prepareStatement(
                        """
                        select calls, total_exec_time + total_plan_time,
                               (total_exec_time + total_plan_time) / nullif(calls, 0),
                               100 * total_plan_time / nullif(total_exec_time + total_plan_time, 0),
                               regexp_replace(query, '\\s+', ' ', 'g')
                        from pg_stat_statements
                        where dbid = (select oid from pg_database where datname = 'herald')
                        order by total_exec_time + total_plan_time desc limit ?""")) {
            q.setInt(1, limit);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    String query = rs.getString(5);
                    lines.add(String.format(
                            "%8d calls %9.0f ms %7.3f ms/call %5.1f%% planning  %s",
                            rs.getLong(1),
                            rs.getDouble(2),
                            rs.getDouble(3),
                            rs.getDouble(4),
                            query.length() > 400 ? query.substring(0, 400) + "…" : query));
                }
            }
        }
        return lines;
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
