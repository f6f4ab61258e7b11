package herald.assets;

import herald.assets.storage.BlobStorage;
import herald.audit.AuditLog;
import herald.database.Keyset;
import herald.shared.WorkspaceId;
import java.io.IOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rows of assets and blobs, inside a tenant transaction the caller opened. Deleting assets removes the blobs no
 * asset references any more and removes their objects from storage once the transaction has committed.
 */
@Component
class Library {

    private static final Keyset NEWEST_FIRST = Keyset.newestFirst("created_at", "id");

    private static final Logger log = LoggerFactory.getLogger(Library.class);

    private final JdbcClient jdbc;
    private final BlobStorage storage;
    private final AuditLog audit;
    private final ObjectProvider<AssetReferences> references;

    Library(JdbcClient jdbc, BlobStorage storage, AuditLog audit, ObjectProvider<AssetReferences> references) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.audit = audit;
        this.references = references;
    }

    /** A stored blob: the object keys of its bytes and of its thumbnail. */
    record Blob(String sha256, long sizeBytes, String contentType, String storageKey, @Nullable String thumbnailKey) {}

    Optional<Blob> blob(WorkspaceId workspace, String sha256) {
        return jdbc.sql("select * from asset_blobs where workspace_id = :workspace and sha256 = :sha")
                .param("workspace", workspace.value())
                .param("sha", sha256)
                .query(Library::blob)
                .optional();
    }

    /**
     * The blob of these bytes: the existing one, locked for the rest of the transaction so that a concurrent delete
     * waits, or a new one stored under {@code proposed}.
     */
    Blob claimBlob(WorkspaceId workspace, Blob proposed) {
        return jdbc.sql(
                        """
                        insert into asset_blobs (workspace_id, sha256, size_bytes, content_type, storage_key,
                            thumbnail_key)
                        values (:workspace, :sha, :size, :type, :key, :thumbnail)
                        on conflict (workspace_id, sha256) do update set sha256 = excluded.sha256
                        returning *""")
                .param("workspace", workspace.value())
                .param("sha", proposed.sha256())
                .param("size", proposed.sizeBytes())
                .param("type", proposed.contentType())
                .param("key", proposed.storageKey())
                .param("thumbnail", proposed.thumbnailKey())
                .query(Library::blob)
                .single();
    }

    long storedBytes(WorkspaceId workspace) {
        return jdbc.sql("select coalesce(sum(size_bytes), 0) from asset_blobs where workspace_id = :workspace")
                .param("workspace", workspace.value())
                .query(Long.class)
                .single();
    }

    void insert(WorkspaceId workspace, Asset asset) {
        jdbc.sql(
                        """
                        insert into assets (workspace_id, id, folder_id, sha256, filename, content_type, kind,
                            size_bytes, width, height, duration_seconds, tags, alt_text, description, created_at)
                        values (:workspace, :id, :folder, :sha, :filename, :type, :kind, :size, :width, :height,
                            :duration, :tags, :alt, :description, :created)""")
                .param("workspace", workspace.value())
                .param("id", asset.id().value())
                .param("folder", asset.folder().value())
                .param("sha", asset.sha256())
                .param("filename", asset.filename())
                .param("type", asset.contentType())
                .param("kind", asset.type().kind().value())
                .param("size", asset.sizeBytes())
                .param("width", asset.width())
                .param("height", asset.height())
                .param("duration", asset.durationSeconds())
                .param("tags", asset.tags().toArray(String[]::new))
                .param("alt", asset.altText())
                .param("description", asset.description())
                .param("created", Timestamp.from(asset.createdAt()))
                .update();
    }

    Optional<Asset> find(WorkspaceId workspace, AssetId id) {
        return jdbc.sql("select * from assets where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query(Library::asset)
                .optional();
    }

    List<Asset> search(WorkspaceId workspace, AssetQuery query) {
        var sql = new StringBuilder("select * from assets where workspace_id = :workspace");
        var params = new java.util.LinkedHashMap<String, Object>();
        params.put("workspace", workspace.value());
        if (query.text() != null && !query.text().isBlank()) {
            sql.append(" and (filename ilike :text escape '\\' or alt_text ilike :text escape '\\'"
                    + " or description ilike :text escape '\\')");
            params.put("text", "%" + query.text().strip().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            sql.append(" and :tag = any(tags)");
            params.put("tag", Tags.one(query.tag()));
        }
        if (query.type() != null && !query.type().isBlank()) {
            String type = query.type().strip().toLowerCase(java.util.Locale.ROOT);
            var kind = AssetType.Kind.of(type);
            if (kind.isPresent()) {
                sql.append(" and kind = :kind");
                params.put("kind", kind.get().value());
            } else {
                AssetType format = Arrays.stream(AssetType.values())
                        .filter(t ->
                                t.name().equalsIgnoreCase(type) || t.extension().equals(type))
                        .findFirst()
                        .orElseThrow(() -> new herald.shared.InvalidInput(
                                "type", "Search by type image or video, or by jpeg, png, gif, webp, mp4 or mov."));
                sql.append(" and content_type = :contentType");
                params.put("contentType", format.contentType());
            }
        }
        if (query.folder() != null) {
            sql.append(" and folder_id = :folder");
            params.put("folder", query.folder().value());
        }
        Keyset.After from = query.after() == null
                ? null
                : new Keyset.After(query.after().createdAt(), query.after().id().value());
        var spec = NEWEST_FIRST.page(jdbc, sql.toString(), from, query.limit());
        for (var param : params.entrySet()) {
            spec = spec.param(param.getKey(), param.getValue());
        }
        return spec.query(Library::asset).list();
    }

    List<AssetId> assetsIn(WorkspaceId workspace, Collection<FolderId> folders) {
        if (folders.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql("select id from assets where workspace_id = :workspace and folder_id = any(:folders)")
                .param("workspace", workspace.value())
                .param("folders", folders.stream().map(FolderId::value).toArray(UUID[]::new))
                .query(UUID.class)
                .list()
                .stream()
                .map(AssetId::new)
                .toList();
    }

    /**
     * Deletes the assets after asking every {@link AssetReferences} whether something still needs them, and the
     * blobs that no asset references any more; their objects leave storage after the transaction commits.
     */
    void delete(WorkspaceId workspace, Collection<AssetId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<AssetReference> inUse = new ArrayList<>();
        references.orderedStream().forEach(r -> inUse.addAll(r.referencesTo(workspace, ids)));
        if (!inUse.isEmpty()) {
            throw new AssetInUse(inUse);
        }
        UUID[] values = ids.stream().map(AssetId::value).toArray(UUID[]::new);
        List<Asset> deleted = jdbc.sql(
                        "delete from assets where workspace_id = :workspace and id = any(:ids)" + " returning *")
                .param("workspace", workspace.value())
                .param("ids", values)
                .query(Library::asset)
                .list();
        String[] hashes = deleted.stream().map(Asset::sha256).distinct().toArray(String[]::new);
        // Lock the blobs first: an upload of the same bytes that claimed one of them commits before we look, so the
        // asset it added is seen by the delete below and keeps the blob.
        jdbc.sql("select sha256 from asset_blobs where workspace_id = :workspace and sha256 = any(:hashes)"
                        + " order by sha256 for update")
                .param("workspace", workspace.value())
                .param("hashes", hashes)
                .query(String.class)
                .list();
        List<Blob> orphans = jdbc.sql(
                        """
                        delete from asset_blobs b where b.workspace_id = :workspace and b.sha256 = any(:hashes)
                          and not exists (select 1 from assets a where a.workspace_id = b.workspace_id
                                          and a.sha256 = b.sha256)
                        returning *""")
                .param("workspace", workspace.value())
                .param("hashes", hashes)
                .query(Library::blob)
                .list();
        for (Asset asset : deleted) {
            audit.record(
                    workspace,
                    "asset.deleted",
                    "asset",
                    asset.id().toString(),
                    Map.of("filename", asset.filename(), "sha256", asset.sha256()));
        }
        List<String> keys = new ArrayList<>();
        for (Blob blob : orphans) {
            keys.add(blob.storageKey());
            if (blob.thumbnailKey() != null) {
                keys.add(blob.thumbnailKey());
            }
        }
        afterCommit(() -> remove(keys));
    }

    /** Removes objects, logging (not failing on) what could not be removed: the rows are already gone. */
    void remove(Collection<String> keys) {
        for (String key : keys) {
            try {
                storage.delete(key);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not remove asset object {} from storage: {}", key, e.getMessage());
            }
        }
    }

    static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    static Blob blob(ResultSet rs, int row) throws SQLException {
        return new Blob(
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getString("content_type"),
                rs.getString("storage_key"),
                rs.getString("thumbnail_key"));
    }

    static Asset asset(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        return new Asset(
                new AssetId(rs.getObject("id", UUID.class)),
                new FolderId(rs.getObject("folder_id", UUID.class)),
                rs.getString("filename"),
                AssetType.ofContentType(rs.getString("content_type")).orElseThrow(),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class),
                rs.getObject("duration_seconds", Double.class),
                tags == null ? List.of() : List.of((String[]) tags.getArray()),
                rs.getString("alt_text"),
                rs.getString("description"),
                rs.getTimestamp("created_at").toInstant());
    }
}
