package herald.identity;

import herald.shared.UserId;

/** A user completed a sign-in with one of their recovery codes, which is now spent. */
public record RecoveryCodeUsed(UserId user, String email, RequestOrigin origin) {}
