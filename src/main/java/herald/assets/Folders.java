package herald.assets;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A workspace's folder tree: create, rename, move (never into itself or below itself) and delete (a folder with
 * anything in it only when confirmed, and then with everything in it). Every change is in the audit log.
 */
@Component
public class Folders {

    /** The folders every workspace starts with. */
    public static final List<String> DEFAULTS = List.of("Food", "Drinks", "Restaurant", "Seasonal");

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final Library library;

    Folders(JdbcClient jdbc, TenantScope tenants, AuditLog audit, Library library) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
        this.library = library;
    }

    /** Every folder of the workspace, by name. */
    public List<Folder> all(WorkspaceId workspace) {
        return tenants.call(workspace, () -> jdbc.sql(
                        "select * from asset_folders where workspace_id = :workspace order by lower(name), id")
                .param("workspace", workspace.value())
                .query(Folders::folder)
                .list());
    }

    public Optional<Folder> find(WorkspaceId workspace, FolderId id) {
        return tenants.call(
                workspace, () -> jdbc.sql("select * from asset_folders where workspace_id = :workspace and id = :id")
                        .param("workspace", workspace.value())
                        .param("id", id.value())
                        .query(Folders::folder)
                        .optional());
    }

    public Folder require(WorkspaceId workspace, FolderId id) {
        return find(workspace, id).orElseThrow(() -> new NotFound("No such folder in this workspace."));
    }

    public Folder create(WorkspaceId workspace, @Nullable FolderId parent, String name) {
        String valid = FolderNames.valid(name);
        return tenants.call(workspace, () -> {
            if (parent != null) {
                require(workspace, parent);
            }
            Folder folder = insert(workspace, parent, valid);
            audit.record(workspace, "folder.created", "folder", folder.id().toString(), details(valid, parent));
            return folder;
        });
    }

    private Folder insert(WorkspaceId workspace, @Nullable FolderId parent, String name) {
        refuseSibling(workspace, parent, name, null);
        FolderId id = FolderId.random();
        jdbc.sql(
                        """
                        insert into asset_folders (workspace_id, id, parent_id, name)
                        values (:workspace, :id, :parent, :name)""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("parent", parent == null ? null : parent.value())
                .param("name", name)
                .update();
        return require(workspace, id);
    }

    /**
     * Creates those of {@link #DEFAULTS} that are missing at the top level and records it in one audit entry; answers
     * the folders it created.
     */
    public List<Folder> createDefaults(WorkspaceId workspace) {
        return tenants.call(workspace, () -> {
            List<Folder> created = restoreDefaults(workspace);
            if (!created.isEmpty()) {
                audit.record(
                        workspace,
                        "folder.defaults_created",
                        "workspace",
                        workspace.toString(),
                        Map.of(
                                "names",
                                String.join(
                                        ", ", created.stream().map(Folder::name).toList())));
            }
            return created;
        });
    }

    /** The defaults of a new workspace: part of its creation, which the audit log already records. */
    List<Folder> restoreDefaults(WorkspaceId workspace) {
        return tenants.call(workspace, () -> {
            // Serialises concurrent calls for one workspace so that two of them do not both find a default missing.
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", "asset-folders:" + workspace)
                    .query()
                    .singleValue();
            List<Folder> created = new ArrayList<>();
            for (String name : DEFAULTS) {
                if (sibling(workspace, null, name).isEmpty()) {
                    created.add(insert(workspace, null, name));
                }
            }
            return created;
        });
    }

    public Folder rename(WorkspaceId workspace, FolderId id, String name) {
        String valid = FolderNames.valid(name);
        return tenants.call(workspace, () -> {
            Folder folder = require(workspace, id);
            if (folder.name().equals(valid)) {
                return folder;
            }
            refuseSibling(workspace, folder.parent(), valid, id);
            jdbc.sql("update asset_folders set name = :name where workspace_id = :workspace and id = :id")
                    .param("name", valid)
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .update();
            audit.record(
                    workspace, "folder.renamed", "folder", id.toString(), Map.of("from", folder.name(), "to", valid));
            return require(workspace, id);
        });
    }

    /** Moves the folder under {@code parent} (the top level when null); never into itself or its descendants. */
    public Folder move(WorkspaceId workspace, FolderId id, @Nullable FolderId parent) {
        return tenants.call(workspace, () -> {
            Folder folder = require(workspace, id);
            if (parent != null) {
                require(workspace, parent);
                if (subtree(workspace, id).contains(parent)) {
                    throw new InvalidInput(
                            "parentId", "A folder cannot be moved into itself or into one of its own subfolders.");
                }
            }
            refuseSibling(workspace, parent, folder.name(), id);
            jdbc.sql("update asset_folders set parent_id = :parent where workspace_id = :workspace and id = :id")
                    .param("parent", parent == null ? null : parent.value())
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .update();
            var details = new HashMap<String, String>();
            details.put("name", folder.name());
            details.put(
                    "from", folder.parent() == null ? "top" : folder.parent().toString());
            details.put("to", parent == null ? "top" : parent.toString());
            audit.record(workspace, "folder.moved", "folder", id.toString(), details);
            return require(workspace, id);
        });
    }

    /**
     * Deletes the folder. One with subfolders or assets is deleted only when {@code confirmed}, and then with all of
     * them; an asset still used elsewhere (see {@link AssetReferences}) stops the whole delete.
     */
    public void delete(WorkspaceId workspace, FolderId id, boolean confirmed) {
        tenants.run(workspace, () -> {
            Folder folder = require(workspace, id);
            List<FolderId> subtree = subtree(workspace, id);
            List<AssetId> assets = library.assetsIn(workspace, subtree);
            int subfolders = subtree.size() - 1;
            if ((subfolders > 0 || !assets.isEmpty()) && !confirmed) {
                throw new Conflict(
                        "confirm",
                        "The folder '" + folder.name() + "' holds " + assets.size() + " asset(s) and " + subfolders
                                + " subfolder(s). Confirm to delete it with everything in it.");
            }
            library.delete(workspace, assets);
            jdbc.sql("delete from asset_folders where workspace_id = :workspace and id = :id")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .update();
            audit.record(
                    workspace,
                    "folder.deleted",
                    "folder",
                    id.toString(),
                    Map.of(
                            "name",
                            folder.name(),
                            "assets",
                            String.valueOf(assets.size()),
                            "subfolders",
                            String.valueOf(subfolders)));
        });
    }

    /** The folder and all its descendants. */
    List<FolderId> subtree(WorkspaceId workspace, FolderId root) {
        return jdbc
                .sql(
                        """
                        with recursive tree (id) as (
                            select id from asset_folders where workspace_id = :workspace and id = :root
                            union
                            select f.id from asset_folders f join tree t on f.parent_id = t.id
                            where f.workspace_id = :workspace)
                        select id from tree""")
                .param("workspace", workspace.value())
                .param("root", root.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(FolderId::new)
                .toList();
    }

    private void refuseSibling(
            WorkspaceId workspace, @Nullable FolderId parent, String name, @Nullable FolderId except) {
        Optional<FolderId> existing = sibling(workspace, parent, name);
        if (existing.isPresent() && !existing.get().equals(except)) {
            throw new Conflict("name", "A folder named '" + name + "' already exists there. Choose another name.");
        }
    }

    private Optional<FolderId> sibling(WorkspaceId workspace, @Nullable FolderId parent, String name) {
        return jdbc.sql(
                        """
                        select id from asset_folders
                        where workspace_id = :workspace and parent_id is not distinct from :parent
                          and lower(name) = lower(:name)""")
                .param("workspace", workspace.value())
                .param("parent", parent == null ? null : parent.value(), java.sql.Types.OTHER)
                .param("name", name)
                .query(UUID.class)
                .optional()
                .map(FolderId::new);
    }

    private static Map<String, String> details(String name, @Nullable FolderId parent) {
        return parent == null ? Map.of("name", name) : Map.of("name", name, "parent", parent.toString());
    }

    static Folder folder(ResultSet rs, int row) throws SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        return new Folder(
                new FolderId(rs.getObject("id", UUID.class)),
                parent == null ? null : new FolderId(parent),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
