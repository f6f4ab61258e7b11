package herald.web.api.assets;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The bodies the folder endpoints take. */
final class FolderRequests {

    private FolderRequests() {}

    /** A new folder, at the top level when {@code parentId} is null. */
    record Create(String name, @Nullable UUID parentId) {}

    /** A new name. */
    record Rename(String name) {}

    /** A new parent; null moves the folder to the top level. */
    record Move(@Nullable UUID parentId) {}
}
