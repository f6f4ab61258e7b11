package herald.assets;

import herald.assets.storage.BlobStorage;
import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import herald.tenancy.Plans;
import herald.tenancy.Workspaces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The asset library's use cases: upload (type from the bytes, limits and quota checked before anything is kept, the
 * same bytes stored once per workspace), search, retag, move and delete. Uploads, moves and deletes are audited.
 */
@Component
public class Assets {

    public static final int MAX_FILENAME = 255;

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Library library;
    private final Folders folders;
    private final BlobStorage storage;
    private final MediaInspector inspector;
    private final AssetSettings settings;
    private final Workspaces workspaces;
    private final Plans plans;
    private final AuditLog audit;
    private final Clock clock;

    Assets(
            JdbcClient jdbc,
            TenantScope tenants,
            Library library,
            Folders folders,
            BlobStorage storage,
            MediaInspector inspector,
            AssetSettings settings,
            Workspaces workspaces,
            Plans plans,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.library = library;
        this.folders = folders;
        this.storage = storage;
        this.inspector = inspector;
        this.settings = settings;
        this.workspaces = workspaces;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    /** How much of its plan's storage a workspace uses; the same bytes uploaded twice count once. */
    public record Usage(long usedBytes, long quotaBytes) {}

    public Usage usage(WorkspaceId workspace) {
        return tenants.call(workspace, () -> new Usage(library.storedBytes(workspace), quotaBytes(workspace)));
    }

    /**
     * Stores the bytes of {@code content} as a new asset in {@code folder}. The bytes are read to a temporary file
     * (never more than the largest size accepted), their type is read from them, and the size limit of that type and
     * the plan's quota are checked before anything is kept. A refused upload leaves nothing behind.
     */
    public Asset upload(WorkspaceId workspace, FolderId folder, InputStream content, Upload upload) {
        String filename = filename(upload.filename());
        List<String> tags = Tags.normalize(upload.tags());
        String altText = text(upload.altText(), 1000, "altText");
        String description = text(upload.description(), 4000, "description");
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
            refuseOverQuota(workspace, received.size());
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
                    if (library.storedBytes(workspace) > quotaBytes(workspace)) {
                        throw overQuota(workspace);
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

    private void refuseOverQuota(WorkspaceId workspace, long size) {
        Usage usage = usage(workspace);
        if (usage.usedBytes() + size > usage.quotaBytes()) {
            throw overQuota(workspace);
        }
    }

    private LimitReached overQuota(WorkspaceId workspace) {
        Usage usage = usage(workspace);
        return new LimitReached(
                "storage-mb",
                "The workspace's asset storage is full: " + Sizes.human(usage.usedBytes()) + " of "
                        + Sizes.human(usage.quotaBytes()) + " used. Delete assets or move to a larger plan.");
    }

    private long quotaBytes(WorkspaceId workspace) {
        String plan = workspaces.require(workspace).plan();
        return plans.get(plan).limits().storageMb() * 1024 * 1024;
    }

    public Optional<Asset> find(WorkspaceId workspace, AssetId id) {
        return tenants.call(workspace, () -> library.find(workspace, id));
    }

    public Asset require(WorkspaceId workspace, AssetId id) {
        return find(workspace, id).orElseThrow(() -> new NotFound("No such asset in this workspace."));
    }

    public List<Asset> search(WorkspaceId workspace, AssetQuery query) {
        return tenants.call(workspace, () -> library.search(workspace, query));
    }

    /** Changes what a person said about the asset; a null leaves that part as it is. */
    public Asset describe(
            WorkspaceId workspace,
            AssetId id,
            @Nullable Collection<String> tags,
            @Nullable String altText,
            @Nullable String description) {
        return tenants.call(workspace, () -> {
            Asset asset = require(workspace, id);
            jdbc.sql(
                            """
                            update assets set tags = :tags, alt_text = :alt, description = :description
                            where workspace_id = :workspace and id = :id""")
                    .param("tags", (tags == null ? asset.tags() : Tags.normalize(tags)).toArray(String[]::new))
                    .param("alt", altText == null ? asset.altText() : text(altText, 1000, "altText"))
                    .param(
                            "description",
                            description == null ? asset.description() : text(description, 4000, "description"))
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .update();
            return require(workspace, id);
        });
    }

    /** Adds and removes tags on several assets at once. */
    public List<Asset> retag(
            WorkspaceId workspace, Collection<AssetId> ids, Collection<String> add, Collection<String> remove) {
        List<String> adding = Tags.normalize(add);
        List<String> removing = Tags.normalize(remove);
        return tenants.call(workspace, () -> {
            var changed = new ArrayList<Asset>();
            for (AssetId id : ids) {
                Asset asset = require(workspace, id);
                var tags = new java.util.LinkedHashSet<>(asset.tags());
                tags.addAll(adding);
                removing.forEach(tags::remove);
                changed.add(describe(workspace, id, List.copyOf(tags), null, null));
            }
            return changed;
        });
    }

    public List<Asset> move(WorkspaceId workspace, Collection<AssetId> ids, FolderId target) {
        return tenants.call(workspace, () -> {
            folders.require(workspace, target);
            var moved = new ArrayList<Asset>();
            for (AssetId id : ids) {
                Asset asset = require(workspace, id);
                if (asset.folder().equals(target)) {
                    moved.add(asset);
                    continue;
                }
                jdbc.sql("update assets set folder_id = :folder where workspace_id = :workspace and id = :id")
                        .param("folder", target.value())
                        .param("workspace", workspace.value())
                        .param("id", id.value())
                        .update();
                audit.record(
                        workspace,
                        "asset.moved",
                        "asset",
                        id.toString(),
                        Map.of(
                                "filename",
                                asset.filename(),
                                "from",
                                asset.folder().toString(),
                                "to",
                                target.toString()));
                moved.add(require(workspace, id));
            }
            return moved;
        });
    }

    /** Deletes the assets, all or none: any unknown id or any asset still in use refuses the whole request. */
    public void delete(WorkspaceId workspace, Collection<AssetId> ids) {
        tenants.run(workspace, () -> {
            ids.forEach(id -> require(workspace, id));
            library.delete(workspace, ids);
        });
    }

    /** A stored object ready to be sent: its bytes, type, length and the name to offer for it. */
    public record Media(InputStream content, String contentType, long length, String filename) {}

    /** The asset's bytes, or its thumbnail (a poster for videos); empty when the asset does not exist. */
    public Optional<Media> media(WorkspaceId workspace, AssetId id, MediaLinks.Variant variant) {
        Optional<Asset> asset = find(workspace, id);
        if (asset.isEmpty()) {
            return Optional.empty();
        }
        Library.Blob blob = tenants.call(
                        workspace, () -> library.blob(workspace, asset.get().sha256()))
                .orElseThrow(() -> new NotFound("No such asset in this workspace."));
        try {
            if (variant == MediaLinks.Variant.THUMBNAIL) {
                if (blob.thumbnailKey() == null) {
                    byte[] poster = Posters.video();
                    return Optional.of(new Media(
                            new java.io.ByteArrayInputStream(poster), "image/png", poster.length, "poster.png"));
                }
                return storage.open(blob.thumbnailKey()).map(in -> new Media(in, "image/png", -1, "thumbnail.png"));
            }
            return storage.open(blob.storageKey())
                    .map(in -> new Media(
                            in,
                            blob.contentType(),
                            blob.sizeBytes(),
                            asset.get().filename()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The backend's own URL for the asset, when it signs them (S3 presigning). */
    Optional<java.net.URI> presigned(
            WorkspaceId workspace, Asset asset, MediaLinks.Variant variant, java.time.Duration lifetime) {
        if (!storage.presigns()) {
            return Optional.empty();
        }
        Library.Blob blob = tenants.call(workspace, () -> library.blob(workspace, asset.sha256()))
                .orElse(null);
        if (blob == null) {
            return Optional.empty();
        }
        if (variant == MediaLinks.Variant.THUMBNAIL) {
            return blob.thumbnailKey() == null
                    ? Optional.empty()
                    : storage.presignedUrl(blob.thumbnailKey(), lifetime, "image/png", "inline");
        }
        return storage.presignedUrl(
                blob.storageKey(), lifetime, asset.contentType(), MediaLinks.disposition(asset.filename()));
    }

    private static String filename(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("\\p{Cntrl}", "");
        if (name.isEmpty()) {
            name = "upload";
        }
        if (name.length() > MAX_FILENAME) {
            throw new InvalidInput("file", "The file name is longer than " + MAX_FILENAME + " characters.");
        }
        return name;
    }

    private static String text(@Nullable String value, int max, String field) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() > max) {
            throw new InvalidInput(field, "At most " + max + " characters.");
        }
        return stripped;
    }
}
