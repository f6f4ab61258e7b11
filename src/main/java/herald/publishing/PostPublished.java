package herald.publishing;

import herald.providers.PostFormat;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.time.Instant;

/** A target was published (or a person confirmed it was). */
public record PostPublished(
        WorkspaceId workspace,
        PostId post,
        TargetId target,
        String provider,
        URI url,
        Instant publishedAt,
        PostFormat format) {

    /** A feed post's. */
    public PostPublished(
            WorkspaceId workspace, PostId post, TargetId target, String provider, URI url, Instant publishedAt) {
        this(workspace, post, target, provider, url, publishedAt, PostFormat.POST);
    }
}
