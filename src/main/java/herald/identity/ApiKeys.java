package herald.identity;

import static herald.database.SqlTimes.instant;
import static herald.database.SqlTimes.timestamp;

import herald.audit.AuditLog;
import herald.database.Keyset;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.KeyTokens;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Workspace API keys. A token is {@code hk_<prefix>_<secret>}: the prefix is stored in the clear so a person can tell
 * keys apart, the whole token only as its SHA-256 (a random 256-bit secret needs no slow hash). A token is found
 * through the one cross-tenant function that maps a hash to ids; everything else happens in the key's workspace.
 */
@Component
public class ApiKeys {

    private static final Keyset NEWEST_FIRST = Keyset.newestFirst("created_at", "id");

    static final String TOKEN_START = "hk_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, TenantScope tenants, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    public IssuedApiKey create(
            WorkspaceId workspace,
            String name,
            Set<ApiKeyScope> scopes,
            @Nullable Instant expiresAt,
            @Nullable UserId createdBy) {
        if (name.isBlank() || name.strip().length() > 100) {
            throw new InvalidInput("name", "Give the key a name of 1 to 100 characters.");
        }
        if (scopes.isEmpty()) {
            throw new InvalidInput("scopes", "Choose at least one scope: read, write or admin.");
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new InvalidInput("expiresAt", "The expiry must be in the future.");
        }
        KeyTokens.Minted minted = KeyTokens.mint(TOKEN_START);
        String prefix = minted.prefix();
        String token = minted.token();
        ApiKeyId id = new ApiKeyId(UUID.randomUUID());
        return tenants.call(workspace, () -> {
            jdbc.sql(
                            """
                            insert into api_keys (workspace_id, id, name, prefix, secret_hash, scopes, created_by, expires_at)
                            values (:workspace, :id, :name, :prefix, :hash, :scopes, :createdBy, :expiresAt)""")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .param("name", name.strip())
                    .param("prefix", prefix)
                    .param("hash", KeyTokens.hash(token))
                    .param(
                            "scopes",
                            scopes.stream().map(ApiKeyScope::value).sorted().toArray(String[]::new))
                    .param("createdBy", createdBy == null ? null : createdBy.value())
                    .param("expiresAt", timestamp(expiresAt))
                    .update();
            audit.record(
                    workspace,
                    "api_key.created",
                    "api_key",
                    id.toString(),
                    Map.of(
                            "name", name.strip(),
                            "prefix", prefix,
                            "scopes",
                                    scopes.stream()
                                            .map(ApiKeyScope::value)
                                            .sorted()
                                            .collect(Collectors.joining(","))));
            return new IssuedApiKey(find(workspace, id).orElseThrow(), token);
        });
    }

    public List<ApiKey> list(WorkspaceId workspace) {
        return tenants.call(workspace, () -> jdbc.sql(
                        "select * from api_keys where workspace_id = :workspace order by revoked_at nulls first, created_at desc")
                .param("workspace", workspace.value())
                .query(ApiKeys::key)
                .list());
    }

    /** Where a page of {@link #page(WorkspaceId, After, int)} continues: after this key, newest first. */
    public record After(Instant createdAt, ApiKeyId id) {}

    /** Up to {@code limit} keys (revoked and expired ones too), newest first, continuing after {@code after}. */
    public List<ApiKey> page(WorkspaceId workspace, @Nullable After after, int limit) {
        Keyset.After from = after == null
                ? null
                : new Keyset.After(after.createdAt(), after.id().value());
        return tenants.call(workspace, () -> NEWEST_FIRST
                .page(jdbc, "select * from api_keys where workspace_id = :workspace", from, limit)
                .param("workspace", workspace.value())
                .query(ApiKeys::key)
                .list());
    }

    public Optional<ApiKey> find(WorkspaceId workspace, ApiKeyId id) {
        return tenants.call(
                workspace, () -> jdbc.sql("select * from api_keys where workspace_id = :workspace and id = :id")
                        .param("workspace", workspace.value())
                        .param("id", id.value())
                        .query(ApiKeys::key)
                        .optional());
    }

    /** Revokes a key at once; revoking a revoked key changes nothing. */
    public ApiKey revoke(WorkspaceId workspace, ApiKeyId id) {
        return tenants.call(workspace, () -> {
            int changed = jdbc.sql(
                            """
                            update api_keys set revoked_at = now()
                            where workspace_id = :workspace and id = :id and revoked_at is null""")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .update();
            ApiKey key = find(workspace, id).orElseThrow(ApiKeyNotFound::new);
            if (changed > 0) {
                audit.record(
                        workspace,
                        "api_key.revoked",
                        "api_key",
                        id.toString(),
                        Map.of("name", key.name(), "prefix", key.prefix()));
            }
            return key;
        });
    }

    /** The principal for a presented token, if it is a live key. */
    public Optional<ApiKeyPrincipal> authenticate(String token) {
        if (!token.startsWith(TOKEN_START) || token.length() > 200) {
            return Optional.empty();
        }
        byte[] hash = KeyTokens.hash(token);
        var owner = jdbc.sql("select workspace_id, key_id from herald_api_key_by_hash(:hash)")
                .param("hash", hash)
                .query((rs, row) -> new Object[] {
                    new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                    new ApiKeyId(rs.getObject("key_id", UUID.class))
                })
                .optional();
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        WorkspaceId workspace = (WorkspaceId) owner.get()[0];
        ApiKeyId id = (ApiKeyId) owner.get()[1];
        Instant now = clock.instant();
        return tenants.call(workspace, () -> {
            Optional<ApiKey> key = find(workspace, id).filter(k -> k.activeAt(now));
            key.filter(k -> k.lastUsedAt() == null || k.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION)))
                    .ifPresent(k -> jdbc.sql(
                                    "update api_keys set last_used_at = :now where workspace_id = :workspace and id = :id")
                            .param("now", Timestamp.from(now))
                            .param("workspace", workspace.value())
                            .param("id", id.value())
                            .update());
            return key.map(k -> new ApiKeyPrincipal(k.id(), workspace, k.name(), k.prefix(), k.scopes()));
        });
    }

    private static ApiKey key(ResultSet rs, int row) throws SQLException {
        Array scopes = rs.getArray("scopes");
        Set<ApiKeyScope> parsed = EnumSet.noneOf(ApiKeyScope.class);
        Arrays.stream((String[]) scopes.getArray()).map(ApiKeyScope::of).forEach(parsed::add);
        UUID createdBy = rs.getObject("created_by", UUID.class);
        return new ApiKey(
                new ApiKeyId(rs.getObject("id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("name"),
                rs.getString("prefix"),
                parsed,
                createdBy == null ? null : new UserId(createdBy),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }
}
