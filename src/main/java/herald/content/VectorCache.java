package herald.content;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The vectors of recently searched workspaces, kept on this node while they are current: each search asks the database
 * only for the workspace's {@link PostVectors.Stamp} (its count and highest revision, from an index) and reads the
 * vectors again when another node or thread wrote any. Bounded: the {@link #WORKSPACES} most recently searched
 * workspaces, each of at most {@link #MAX_VECTORS} vectors (about 1.5 KB each); bigger ones are read every time.
 */
@Component
class VectorCache {

    static final int WORKSPACES = 32;
    static final int MAX_VECTORS = 20_000;

    private record Cached(PostVectors.Stamp stamp, List<PostVectors.Row> rows) {}

    private final PostVectors vectors;
    private final TenantScope tenants;
    private final Map<WorkspaceId, Cached> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<WorkspaceId, Cached> eldest) {
            return size() > WORKSPACES;
        }
    };

    VectorCache(PostVectors vectors, TenantScope tenants) {
        this.vectors = vectors;
        this.tenants = tenants;
    }

    /** The workspace's vectors at or after {@code from}. */
    List<PostVectors.Row> since(WorkspaceId workspace, Instant from) {
        List<PostVectors.Row> all = tenants.call(workspace, () -> {
            PostVectors.Stamp stamp = vectors.stamp(workspace);
            Cached cached = cached(workspace);
            if (cached != null && cached.stamp().equals(stamp)) {
                return cached.rows();
            }
            if (stamp.count() > MAX_VECTORS) {
                forget(workspace);
                return vectors.since(workspace, from);
            }
            List<PostVectors.Row> rows = List.copyOf(vectors.all(workspace));
            remember(workspace, new Cached(stamp, rows));
            return rows;
        });
        return all.stream().filter(row -> !row.at().isBefore(from)).toList();
    }

    private synchronized @Nullable Cached cached(WorkspaceId workspace) {
        return entries.get(workspace);
    }

    private synchronized void remember(WorkspaceId workspace, Cached entry) {
        entries.put(workspace, entry);
    }

    private synchronized void forget(WorkspaceId workspace) {
        entries.remove(workspace);
    }
}
