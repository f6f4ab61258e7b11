package herald.publishing;

import herald.providers.PostFormat;
import herald.shared.WorkspaceId;
import java.time.Instant;

/** A target failed for good; {@code reason} is the platform's own words. */
public record PostFailed(
        WorkspaceId workspace,
        PostId post,
        TargetId target,
        String provider,
        String reason,
        Instant failedAt,
        PostFormat format) {

    /** A feed post's. */
    public PostFailed(
            WorkspaceId workspace, PostId post, TargetId target, String provider, String reason, Instant failedAt) {
        this(workspace, post, target, provider, reason, failedAt, PostFormat.POST);
    }
}
