package herald.publishing;

import herald.providers.PostFormat;
import herald.shared.WorkspaceId;
import java.time.Instant;

/** Herald cannot tell whether a target was published; a person must mark it published or publish it again. */
public record PostNeedsAttention(
        WorkspaceId workspace,
        PostId post,
        TargetId target,
        String provider,
        String explanation,
        Instant at,
        PostFormat format) {

    /** A feed post's. */
    public PostNeedsAttention(
            WorkspaceId workspace, PostId post, TargetId target, String provider, String explanation, Instant at) {
        this(workspace, post, target, provider, explanation, at, PostFormat.POST);
    }
}
