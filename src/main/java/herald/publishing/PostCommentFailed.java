package herald.publishing;

import herald.shared.WorkspaceId;
import java.time.Instant;

/**
 * A published target's first comment was not written: it failed ({@code unknown} false; {@code reason} is the
 * platform's own words) or Herald cannot tell whether the platform took it ({@code unknown} true; {@code reason} says
 * what a person should check). The post itself stays published.
 */
public record PostCommentFailed(
        WorkspaceId workspace,
        PostId post,
        TargetId target,
        String provider,
        String reason,
        boolean unknown,
        Instant failedAt) {}
