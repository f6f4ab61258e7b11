package herald.web.api.assets;

import herald.assets.Folder;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A folder of the asset library; {@code parentId} is null at the top level. */
record FolderView(UUID id, @Nullable UUID parentId, String name, Instant createdAt) {

    static FolderView of(Folder folder) {
        return new FolderView(
                folder.id().value(),
                folder.parent() == null ? null : folder.parent().value(),
                folder.name(),
                folder.createdAt());
    }
}
