package herald.identity;

import herald.shared.UserId;

/** A user ended their session. */
public record UserSignedOut(UserId user, String email, RequestOrigin origin) {}
