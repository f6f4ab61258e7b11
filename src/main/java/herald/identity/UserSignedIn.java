package herald.identity;

import herald.shared.UserId;

/** A user signed in with the right password. */
public record UserSignedIn(UserId user, String email, RequestOrigin origin) {}
