package herald.web.api.members;

import herald.tenancy.Invitation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An open invitation as listed: never its link, which is shown once, at creation. */
record InvitationView(
        UUID id,
        @Schema(description = "Who may accept it; anyone with the link when null.", nullable = true) @Nullable
                String email,
        String role,
        Instant createdAt,
        Instant expiresAt) {

    static InvitationView of(Invitation invitation) {
        return new InvitationView(
                invitation.id(),
                invitation.email(),
                invitation.role().value(),
                invitation.createdAt(),
                invitation.expiresAt());
    }
}
