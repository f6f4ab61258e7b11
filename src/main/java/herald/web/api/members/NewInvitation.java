package herald.web.api.members;

import herald.tenancy.IssuedInvitation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An invitation just made, with its single-use link: shown in this response only. */
record NewInvitation(
        UUID id,
        @Nullable String email,
        String role,
        @Schema(description = "Send this link to the person; it works once, until expiresAt.") String url,
        Instant createdAt,
        Instant expiresAt) {

    static NewInvitation of(IssuedInvitation issued, String url) {
        var invitation = issued.invitation();
        return new NewInvitation(
                invitation.id(),
                invitation.email(),
                invitation.role().value(),
                url,
                invitation.createdAt(),
                invitation.expiresAt());
    }

    @Override
    public String toString() {
        return "NewInvitation[id=" + id + ", role=" + role + ", url=<hidden>]";
    }
}
