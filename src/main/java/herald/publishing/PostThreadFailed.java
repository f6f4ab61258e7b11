package herald.publishing;

import herald.shared.WorkspaceId;
import java.time.Instant;

/**
 * A part of a published target's thread did not go out: it failed ({@code unknown} false; {@code reason} is the
 * platform's own words), or Herald cannot tell whether the platform took it ({@code unknown} true; {@code reason}
 * says what a person should check). The parts after it wait; the post itself stays published.
 *
 * @param part the part as a person counts it: 2 for the first after the post's own text
 */
public record PostThreadFailed(
        WorkspaceId workspace,
        PostId post,
        TargetId target,
        String provider,
        int part,
        String reason,
        boolean unknown,
        Instant failedAt) {}
