package herald.content;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.PublicHosts;
import herald.shared.WorkspaceId;
import herald.vault.EncryptedColumn;
import herald.vault.Secret;
import herald.vault.SecretSlot;
import herald.vault.Vault;
import herald.vault.VaultException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each workspace's own model endpoint (bring your own key): one per workspace, its key sealed by the vault in a slot
 * bound to the row, shown only masked, replaceable, deletable, and every change audited without the key.
 */
@Service
public class WorkspaceAiEndpoints {

    static final EncryptedColumn API_KEY = new EncryptedColumn("ai_endpoints", "api_key", "ai_endpoint.api_key");
    static final long MAX_PRICE = 100_000_000;

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Vault vault;
    private final AuditLog audit;
    private final EndpointGuard guard;
    private final Clock clock;

    WorkspaceAiEndpoints(
            JdbcClient jdbc, TenantScope tenants, Vault vault, AuditLog audit, AiSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.vault = vault;
        this.audit = audit;
        this.guard = new EndpointGuard(PublicHosts.allowing(settings.allowedHosts()));
        this.clock = clock;
    }

    /** The workspace's own endpoint, if it has one. */
    public Optional<WorkspaceAiEndpoint> find(WorkspaceId workspace) {
        return stored(workspace).map(Stored::view);
    }

    /**
     * Creates or replaces the workspace's endpoint; a change without a key keeps the stored one.
     *
     * @throws InvalidInput for a base URL that is not a public http(s) URL, a blank model, a key with spaces, or
     *     prices out of range
     */
    public WorkspaceAiEndpoint save(WorkspaceId workspace, WorkspaceAiEndpointChange change) {
        URI baseUrl = guard.check(change.baseUrl());
        String model = model(change.model());
        @Nullable Secret key = key(change.apiKey());
        price("promptPricePer1k", change.promptPricePer1k());
        price("completionPricePer1k", change.completionPricePer1k());
        Instant now = clock.instant();
        return tenants.call(workspace, () -> {
            Optional<Stored> before = stored(workspace);
            UUID id = before.map(Stored::id).orElseGet(UUID::randomUUID);
            byte[] sealed = key == null ? null : vault.seal(slot(workspace, id), key);
            jdbc.sql(
                            """
                            insert into ai_endpoints (workspace_id, id, base_url, model, api_key, key_hint,
                                prompt_price_per_1k, completion_price_per_1k, created_at, updated_at)
                            values (:workspace, :id, :url, :model, :key, :hint, :promptPrice, :completionPrice,
                                :now, :now)
                            on conflict (workspace_id) do update set base_url = excluded.base_url,
                                model = excluded.model,
                                api_key = coalesce(excluded.api_key, ai_endpoints.api_key),
                                key_hint = case when excluded.api_key is null then ai_endpoints.key_hint
                                                else excluded.key_hint end,
                                prompt_price_per_1k = excluded.prompt_price_per_1k,
                                completion_price_per_1k = excluded.completion_price_per_1k,
                                updated_at = excluded.updated_at""")
                    .param("workspace", workspace.value())
                    .param("id", id)
                    .param("url", baseUrl.toString())
                    .param("model", model)
                    .param("key", sealed)
                    .param("hint", key == null ? null : mask(key.reveal()))
                    .param("promptPrice", change.promptPricePer1k())
                    .param("completionPrice", change.completionPricePer1k())
                    .param("now", java.sql.Timestamp.from(now))
                    .update();
            var details = new LinkedHashMap<String, String>();
            details.put("host", baseUrl.getHost());
            details.put("model", model);
            details.put(
                    "key",
                    key != null ? (before.isPresent() ? "replaced" : "set") : before.isPresent() ? "kept" : "none");
            audit.record(
                    workspace,
                    before.isPresent() ? "ai.endpoint.updated" : "ai.endpoint.created",
                    "ai_endpoint",
                    id.toString(),
                    details);
            return stored(workspace).orElseThrow().view();
        });
    }

    /** Removes the workspace's endpoint and its key; Herald's own (or template mode) answers from then on. */
    public void delete(WorkspaceId workspace) {
        tenants.run(workspace, () -> {
            Stored stored =
                    stored(workspace).orElseThrow(() -> new NotFound("This workspace has no AI endpoint of its own."));
            jdbc.sql("delete from ai_endpoints where workspace_id = :workspace")
                    .param("workspace", workspace.value())
                    .update();
            var details = new LinkedHashMap<String, String>();
            details.put("host", URI.create(stored.baseUrl()).getHost());
            details.put("model", stored.model());
            audit.record(
                    workspace, "ai.endpoint.deleted", "ai_endpoint", stored.id().toString(), details);
        });
    }

    /** The endpoint with its key opened, for the call about to be made. */
    Optional<AiEndpoint> endpoint(WorkspaceId workspace, AiSettings herald) {
        return tenants.call(workspace, () -> stored(workspace)).map(stored -> {
            @Nullable Secret key;
            try {
                key = stored.key() == null ? null : vault.open(slot(workspace, stored.id()), stored.key());
            } catch (VaultException e) {
                throw new AiFailure(
                        AiFailure.Kind.BAD_KEY,
                        "The workspace's AI key cannot be opened any more; enter it again in Settings → AI.");
            }
            return new AiEndpoint(
                    "workspace",
                    URI.create(stored.baseUrl()),
                    stored.model(),
                    key,
                    stored.promptPrice() == null ? herald.promptPricePer1k() : stored.promptPrice(),
                    stored.completionPrice() == null ? herald.completionPricePer1k() : stored.completionPrice());
        });
    }

    private Optional<Stored> stored(WorkspaceId workspace) {
        return tenants.call(workspace, () -> jdbc.sql(
                        """
                        select id, base_url, model, api_key, key_hint, prompt_price_per_1k, completion_price_per_1k,
                               updated_at
                        from ai_endpoints where workspace_id = :workspace""")
                .param("workspace", workspace.value())
                .query((rs, n) -> new Stored(
                        rs.getObject("id", UUID.class),
                        rs.getString("base_url"),
                        rs.getString("model"),
                        rs.getBytes("api_key"),
                        rs.getString("key_hint"),
                        rs.getObject("prompt_price_per_1k", Long.class),
                        rs.getObject("completion_price_per_1k", Long.class),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional());
    }

    private static SecretSlot slot(WorkspaceId workspace, UUID row) {
        return new SecretSlot(workspace, row, API_KEY.purpose());
    }

    /** {@code sk-…a1b2}: the key's scheme prefix and last four characters; nothing of a short key. */
    static String mask(String key) {
        if (key.length() < 12) {
            return "…";
        }
        String prefix = key.startsWith("sk-") ? "sk-" : "";
        return prefix + "…" + key.substring(key.length() - 4);
    }

    private static String model(String model) {
        String name = model == null ? "" : model.strip();
        if (name.isEmpty() || name.length() > 200 || !name.matches("[\\p{Graph}]+")) {
            throw new InvalidInput(
                    "model", "Name the model as the endpoint knows it, e.g. gpt-4o-mini or llama3.1:8b (no spaces).");
        }
        return name;
    }

    private static @Nullable Secret key(@Nullable Secret key) {
        if (key == null || key.reveal().isBlank()) {
            return null;
        }
        String value = key.reveal().strip();
        if (value.length() > 500 || !value.matches("[\\p{Graph}]+")) {
            throw new InvalidInput("apiKey", "The API key must be one word without spaces, at most 500 characters.");
        }
        return Secret.of(value);
    }

    private static void price(String field, @Nullable Long price) {
        if (price != null && (price < 0 || price > MAX_PRICE)) {
            throw new InvalidInput(field, "A price per 1,000 tokens is between 0 and 100,000,000 millionths.");
        }
    }

    private record Stored(
            UUID id,
            String baseUrl,
            String model,
            byte @Nullable [] key,
            @Nullable String keyHint,
            @Nullable Long promptPrice,
            @Nullable Long completionPrice,
            Instant updatedAt) {

        WorkspaceAiEndpoint view() {
            return new WorkspaceAiEndpoint(baseUrl, model, keyHint, promptPrice, completionPrice, updatedAt);
        }
    }
}
