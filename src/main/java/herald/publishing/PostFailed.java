package herald.publishing;

import herald.shared.WorkspaceId;
import java.time.Instant;

/** A target failed for good; {@code reason} is the platform's own words. */
public record PostFailed(
        WorkspaceId workspace, PostId post, TargetId target, String provider, String reason, Instant failedAt) {}
