package herald.database;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Herald's data lives. With no {@code url}, Herald starts an embedded PostgreSQL in {@code dataDir}.
 *
 * @param url JDBC URL of an external PostgreSQL 15+ ({@code HERALD_DATABASE_URL}); empty means embedded
 * @param username runtime role: owns no table, has no BYPASSRLS ({@code HERALD_DATABASE_USERNAME})
 * @param password runtime role's password ({@code HERALD_DATABASE_PASSWORD})
 * @param ownerUsername role that owns the schema and runs migrations ({@code HERALD_DATABASE_OWNER_USERNAME})
 * @param ownerPassword owner role's password ({@code HERALD_DATABASE_OWNER_PASSWORD})
 * @param name the embedded server's database for this node ({@code HERALD_DATABASE_NAME}); nodes that share one name
 *     share their data
 * @param dataDir folder for embedded data and generated keys ({@code HERALD_DATA_DIR})
 * @param ephemeral embedded data is wiped at start (tests)
 */
@ConfigurationProperties("herald.database")
record DatabaseSettings(
        @Nullable String url,
        @DefaultValue("herald_app") String username,
        @Nullable String password,
        @DefaultValue("herald_owner") String ownerUsername,
        @Nullable String ownerPassword,
        @DefaultValue("herald") String name,
        @DefaultValue(".herald") Path dataDir,
        @DefaultValue("false") boolean ephemeral) {

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
