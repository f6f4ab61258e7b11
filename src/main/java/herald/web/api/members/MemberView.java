package herald.web.api.members;

import herald.tenancy.Member;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

record MemberView(
        UUID userId,
        String email,
        String displayName,
        @Schema(description = "owner, admin, editor or viewer.") String role,
        Instant joinedAt) {

    static MemberView of(Member member) {
        return new MemberView(
                member.user().value(),
                member.email(),
                member.displayName(),
                member.role().value(),
                member.joinedAt());
    }
}
