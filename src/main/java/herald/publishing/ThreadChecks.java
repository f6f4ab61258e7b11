package herald.publishing;

import herald.assets.Asset;
import herald.assets.AssetId;
import herald.assets.Assets;
import herald.connections.Connection;
import herald.providers.SocialProvider;
import herald.publishing.PostRejected.Violation;
import herald.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Validation} asks of a post's thread ({@link ThreadParts}): its shape and its parts' media, once for the
 * post, and each part as a post of its own on each account that publishes the thread.
 */
final class ThreadChecks {

    private ThreadChecks() {}

    /**
     * The thread's size, each part's length for Herald and its media (at most {@link Validation#MAX_PART_MEDIA}, each
     * in the workspace's library), its problems added to {@code violations}; answers each part's media found.
     */
    static List<List<Asset>> shape(
            Assets assets, WorkspaceId workspace, ThreadContent content, List<Violation> violations) {
        List<String> thread = content.parts();
        if (thread.size() > Validation.MAX_THREAD) {
            violations.add(new Violation(
                    "thread",
                    null,
                    "thread.parts",
                    "A thread has at most " + (Validation.MAX_THREAD + 1)
                            + " parts, the post's own text first; this one has " + (thread.size() + 1) + "."));
        }
        for (int i = 0; i < thread.size(); i++) {
            if (thread.get(i).length() > Validation.MAX_COMMENT) {
                violations.add(new Violation(
                        "thread[" + i + "]",
                        null,
                        "thread.length",
                        "Part " + (i + 2) + " of the thread is over 10,000 characters."));
            }
        }
        List<List<Asset>> partMedia = new ArrayList<>();
        for (int i = 0; i < thread.size(); i++) {
            List<AssetId> ids = content.media().get(i);
            if (ids.size() > Validation.MAX_PART_MEDIA) {
                violations.add(new Violation(
                        "threadMediaIds[" + i + "]",
                        null,
                        "media.count",
                        "Part " + (i + 2) + " of the thread has " + ids.size() + " media, at most "
                                + Validation.MAX_PART_MEDIA + "."));
            }
            List<Asset> found = new ArrayList<>();
            for (int j = 0; j < ids.size(); j++) {
                Optional<Asset> asset = assets.find(workspace, ids.get(j));
                if (asset.isEmpty()) {
                    violations.add(new Violation(
                            "threadMediaIds[" + i + "][" + j + "]",
                            null,
                            "media.not_found",
                            "The asset library has no asset " + ids.get(j) + " (part " + (i + 2) + " of the thread)."));
                } else {
                    found.add(asset.get());
                }
            }
            partMedia.add(found);
        }
        return partMedia;
    }

    /**
     * Each part as {@code account} gets it (tagged and shortened when the post says so), held to its platform's rules
     * for a post ({@link ContentCheck#threadPart}).
     */
    static List<Violation> onAccount(
            List<String> thread,
            List<List<Asset>> partMedia,
            SocialProvider provider,
            Connection account,
            String name,
            LinkTagging.@Nullable Plan tagging,
            ShortLinks.@Nullable Plan shortening) {
        List<Violation> problems = new ArrayList<>();
        for (int p = 0; p < thread.size() && p < Validation.MAX_THREAD; p++) {
            String part =
                    ContentCheck.asSent(thread.get(p), tagging, shortening, account.provider(), account.username());
            for (ContentCheck.Problem problem :
                    ContentCheck.threadPart(provider, account.externalId(), part, p + 2, partMedia.get(p))) {
                problems.add(new Violation(
                        (problem.where() == ContentCheck.Where.MEDIA ? "threadMediaIds[" : "thread[") + p + "]",
                        account.id(),
                        problem.code(),
                        name + ": " + problem.message()));
            }
        }
        return problems;
    }
}
