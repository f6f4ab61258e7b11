package herald.assets;

import herald.assets.storage.BlobStorage;
import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final AuditLog audit;
    private final Uploads uploads;
    private final StorageQuota quota;

    Assets(
            JdbcClient jdbc,
            TenantScope tenants,
            Library library,
            Folders folders,
            BlobStorage storage,
            AuditLog audit,
            Uploads uploads,
            StorageQuota quota) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.library = library;
        this.folders = folders;
        this.storage = storage;
        this.audit = audit;
        this.uploads = uploads;
        this.quota = quota;
    }

    /** How much of its plan's storage a workspace uses; the same bytes uploaded twice count once. */
    public record Usage(long usedBytes, long quotaBytes) {}

    public Usage usage(WorkspaceId workspace) {
        return quota.usage(workspace);
    }

    /**
     * Stores the bytes of {@code content} as a new asset in {@code folder}. The bytes are read to a temporary file
     * (never more than the largest size accepted), their type is read from them, and the size limit of that type and
     * the plan's quota are checked before anything is kept. A refused upload leaves nothing behind.
     */
    public Asset upload(WorkspaceId workspace, FolderId folder, InputStream content, Upload upload) {
        return uploads.upload(workspace, folder, content, upload);
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
            if (variant == MediaLinks.Variant.JPEG && !"image/jpeg".equals(blob.contentType())) {
                if (!blob.contentType().startsWith("image/")) {
                    return Optional.empty();
                }
                Optional<InputStream> original = storage.open(blob.storageKey());
                if (original.isEmpty()) {
                    return Optional.empty();
                }
                byte[] jpeg;
                try (InputStream in = original.get()) {
                    jpeg = JpegCopies.of(in);
                }
                if (jpeg == null) {
                    return Optional.empty();
                }
                String name = asset.get().filename().replaceAll("\\.[A-Za-z0-9]{1,5}$", "") + ".jpg";
                return Optional.of(new Media(new java.io.ByteArrayInputStream(jpeg), "image/jpeg", jpeg.length, name));
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
        if (variant == MediaLinks.Variant.JPEG && !"image/jpeg".equals(blob.contentType())) {
            return Optional.empty(); // converted by Herald on the way out, so served through Herald's own URL
        }
        if (variant == MediaLinks.Variant.THUMBNAIL) {
            return blob.thumbnailKey() == null
                    ? Optional.empty()
                    : storage.presignedUrl(blob.thumbnailKey(), lifetime, "image/png", "inline");
        }
        return storage.presignedUrl(
                blob.storageKey(), lifetime, asset.contentType(), MediaLinks.disposition(asset.filename()));
    }

    static String text(@Nullable String value, int max, String field) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() > max) {
            throw new InvalidInput(field, "At most " + max + " characters.");
        }
        return stripped;
    }
}
