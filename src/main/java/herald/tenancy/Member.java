package herald.tenancy;

import herald.shared.UserId;
import java.time.Instant;

/** A member of a workspace. */
public record Member(UserId user, String email, String displayName, Role role, Instant joinedAt) {}
