package herald.assets;

import herald.shared.WorkspaceId;
import java.util.Collection;
import java.util.List;

/**
 * The extension point through which other modules keep assets they use from being deleted. The publishing module
 * implements it to name the scheduled posts that carry an asset; every bean of this type is asked before a delete,
 * inside the deleting transaction.
 */
public interface AssetReferences {

    /** What in {@code workspace} still needs any of {@code assets}; empty when they may be deleted. */
    List<AssetReference> referencesTo(WorkspaceId workspace, Collection<AssetId> assets);
}
