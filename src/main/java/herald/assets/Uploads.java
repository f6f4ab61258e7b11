package herald.assets;

import herald.assets.storage.BlobStorage;
import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The upload pipeline: bytes to a capped temporary file, their type read from them, limits and quota checked, the
 * blob written once per workspace outside any transaction, then the asset recorded; whatever this upload wrote is
 * removed again unless the asset commits.
 */
@Component
class Uploads {

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Library library;
    private final Folders folders;
    private final BlobStorage storage;
    private final MediaInspector inspector;
    private final AssetSettings settings;
    private final StorageQuota quota;
    private final AuditLog audit;
    private final Clock clock;

    Uploads(
            JdbcClient jdbc,
            TenantScope tenants,
            Library library,
            Folders folders,
            BlobStorage storage,
            MediaInspector inspector,
            AssetSettings settings,
            StorageQuota quota,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.library = library;
        this.folders = folders;
        this.storage = storage;
        this.inspector = inspector;
        this.settings = settings;
        this.quota = quota;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores the bytes of {@code content} as a new asset in {@code folder}. The bytes are read to a temporary file
     * (never more than the largest size accepted), their type is read from them, and the size limit of that type and
     * the plan's quota are checked before anything is kept. A refused upload leaves nothing behind.
     */
    Asset upload(WorkspaceId workspace, FolderId folder, InputStream content, Upload upload) {
        String filename = filename(upload.filename());
        List<String> tags = Tags.normalize(upload.tags());
        String altText = Assets.text(upload.altText(), 1000, "altText");
        String description = Assets.text(upload.description(), 4000, "description");
        folders.require(workspace, folder);
        try (Received received = Received.read(content, settings.maxAnyBytes())) {
            Inspection inspection = inspector.inspect(received, settings);
            try {
                return store(workspace, folder, received, inspection, filename, tags, altText, description);
            } finally {
                if (inspection.thumbnail() != null) {
                    Files.deleteIfExists(inspection.thumbnail());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the upload", e);
        }
    }

    private Asset store(
            WorkspaceId workspace,
            FolderId folder,
            Received received,
            Inspection inspection,
            String filename,
            List<String> tags,
            String altText,
            String description)
            throws IOException {
        boolean known = tenants.call(workspace, () -> library.blob(workspace, received.sha256()))
                .isPresent();
        if (!known) {
            quota.refuseOverQuota(workspace, received.size());
        }
        // Objects this upload wrote; removed again unless the transaction commits with a new blob that names them.
        var written = new ArrayList<String>();
        var proposed = new Library.Blob[1];
        try {
            if (!known) {
                proposed[0] = write(workspace, received, inspection, written);
            }
            Asset asset = tenants.call(workspace, () -> {
                jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                        .param("key", "asset-quota:" + workspace)
                        .query()
                        .singleValue();
                folders.require(workspace, folder);
                Library.Blob offer = proposed[0] != null
                        ? proposed[0]
                        : new Library.Blob(
                                received.sha256(),
                                received.size(),
                                inspection.type().contentType(),
                                newKey(workspace),
                                null);
                Library.Blob blob = library.claimBlob(workspace, offer);
                boolean created = blob.storageKey().equals(offer.storageKey());
                if (created) {
                    if (library.storedBytes(workspace) > quota.quotaBytes(workspace)) {
                        throw quota.overQuota(workspace);
                    }
                    if (proposed[0] == null) {
                        // The blob seen before was deleted meanwhile: this upload brings the bytes after all.
                        Library.Blob fresh = writeInside(workspace, received, inspection, written);
                        jdbc.sql(
                                        """
                                        update asset_blobs set storage_key = :key, thumbnail_key = :thumbnail
                                        where workspace_id = :workspace and sha256 = :sha""")
                                .param("key", fresh.storageKey())
                                .param("thumbnail", fresh.thumbnailKey())
                                .param("workspace", workspace.value())
                                .param("sha", fresh.sha256())
                                .update();
                        proposed[0] = fresh;
                    }
                } else {
                    proposed[0] = null;
                }
                Asset created1 = new Asset(
                        AssetId.random(),
                        folder,
                        filename,
                        inspection.type(),
                        received.size(),
                        received.sha256(),
                        inspection.width(),
                        inspection.height(),
                        inspection.durationSeconds(),
                        tags,
                        altText,
                        description,
                        clock.instant().truncatedTo(ChronoUnit.MICROS));
                library.insert(workspace, created1);
                var details = new HashMap<String, String>();
                details.put("filename", filename);
                details.put("contentType", inspection.type().contentType());
                details.put("sizeBytes", String.valueOf(received.size()));
                details.put("sha256", received.sha256());
                details.put("folder", folder.toString());
                details.put("deduplicated", String.valueOf(!created));
                audit.record(workspace, "asset.uploaded", "asset", created1.id().toString(), details);
                return created1;
            });
            if (proposed[0] != null) {
                written.clear();
            }
            return asset;
        } finally {
            library.remove(written);
        }
    }

    private Library.Blob write(WorkspaceId workspace, Received received, Inspection inspection, List<String> written)
            throws IOException {
        String key = newKey(workspace);
        written.add(key);
        storage.put(key, received.file(), inspection.type().contentType());
        String thumbnailKey = null;
        if (inspection.thumbnail() != null) {
            thumbnailKey = key + "-thumbnail";
            written.add(thumbnailKey);
            storage.put(thumbnailKey, inspection.thumbnail(), "image/png");
        }
        return new Library.Blob(
                received.sha256(), received.size(), inspection.type().contentType(), key, thumbnailKey);
    }

    private Library.Blob writeInside(
            WorkspaceId workspace, Received received, Inspection inspection, List<String> written) {
        try {
            return write(workspace, received, inspection, written);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the upload", e);
        }
    }

    private static String newKey(WorkspaceId workspace) {
        return workspace + "/" + UUID.randomUUID();
    }

    private static String filename(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("\\p{Cntrl}", "");
        if (name.isEmpty()) {
            name = "upload";
        }
        if (name.length() > Assets.MAX_FILENAME) {
            throw new InvalidInput("file", "The file name is longer than " + Assets.MAX_FILENAME + " characters.");
        }
        return name;
    }
}
