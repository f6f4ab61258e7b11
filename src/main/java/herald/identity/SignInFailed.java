package herald.identity;

import herald.shared.UserId;

/** A sign-in to an existing account failed: wrong password, or refused while the account was throttled. */
public record SignInFailed(UserId user, String email, String reason, RequestOrigin origin) {}
