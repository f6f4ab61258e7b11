package herald.assets;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A folder of a workspace's asset library; a top-level folder has no parent. */
public record Folder(FolderId id, @Nullable FolderId parent, String name, Instant createdAt) {}
