package herald.web.api.assets;

import herald.assets.AssetId;
import herald.assets.AssetReference;
import herald.assets.AssetReferences;
import herald.shared.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stands in for the publishing module: the assets a test marks are "used by a scheduled post". */
class BlockingReferences implements AssetReferences {

    private final Map<AssetId, AssetReference> used = new ConcurrentHashMap<>();

    void useInPost(AssetId asset, String postId, String label) {
        used.put(asset, new AssetReference("post", postId, label));
    }

    void release(AssetId asset) {
        used.remove(asset);
    }

    @Override
    public List<AssetReference> referencesTo(WorkspaceId workspace, Collection<AssetId> assets) {
        return assets.stream().filter(used::containsKey).map(used::get).toList();
    }
}
