package herald.tenancy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a person sees before accepting an invitation. */
public record InvitationPreview(
        String workspaceName,
        Role role,
        @Nullable String invitedEmail,
        @Nullable String inviterName,
        Instant expiresAt) {}
