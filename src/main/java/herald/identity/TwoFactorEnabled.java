package herald.identity;

import herald.shared.UserId;

/** A user turned on two-factor sign-in after typing a code from their authenticator. */
public record TwoFactorEnabled(UserId user, String email, RequestOrigin origin) {}
