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

    /** The event of a claimed attempt whose call published at {@code url}. */
    static PostPublished of(WorkspaceId workspace, TargetId target, Claim claim, URI url, Instant publishedAt) {
        return new PostPublished(
                workspace,
                claim.post(),
                target,
                claim.due().provider(),
                url,
                publishedAt,
                claim.due().format());
    }
}
