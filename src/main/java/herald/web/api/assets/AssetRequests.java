package herald.web.api.assets;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the asset endpoints take. */
final class AssetRequests {

    private AssetRequests() {}

    /** What to change about one asset; an absent field stays as it is. */
    record Describe(@Nullable List<String> tags, @Nullable String altText, @Nullable String description) {}

    /** Several assets into one folder. */
    record Move(List<UUID> assetIds, UUID folderId) {}

    /** Tags added to and removed from several assets. */
    record Retag(List<UUID> assetIds, @Nullable List<String> add, @Nullable List<String> remove) {}

    /** Several assets deleted at once, all or none. */
    record Delete(List<UUID> assetIds) {}
}
