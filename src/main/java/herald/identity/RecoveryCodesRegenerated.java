package herald.identity;

import herald.shared.UserId;

/** A user replaced their recovery codes; the old ones no longer work. */
public record RecoveryCodesRegenerated(UserId user, String email, RequestOrigin origin) {}
