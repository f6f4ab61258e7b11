package herald.publishing;

import herald.assets.AssetId;
import herald.assets.AssetReference;
import herald.assets.AssetReferences;
import herald.shared.WorkspaceId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Posts waiting to publish (or publishing) keep their media: the platform fetches them at publish time. */
@Component
class PostAssetReferences implements AssetReferences {

    private final PostReads reads;

    PostAssetReferences(PostReads reads) {
        this.reads = reads;
    }

    @Override
    public List<AssetReference> referencesTo(WorkspaceId workspace, Collection<AssetId> assets) {
        // Runs inside the deleting transaction, which already carries the workspace's scope.
        return reads.carrying(workspace, List.copyOf(assets)).stream()
                .map(post -> new AssetReference("post", post.id().toString(), label(post)))
                .toList();
    }

    private static String label(Post post) {
        String words = post.body().length() > 40 ? post.body().substring(0, 40) + "…" : post.body();
        return "\"" + words + "\" (" + post.status().value()
                + (post.scheduledAt() == null
                        ? ""
                        : ", due " + post.scheduledAt().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES))
                + ")";
    }
}
