package herald.identity;

import herald.shared.UserId;

/** A user turned off two-factor sign-in, having confirmed it with their password or a code. */
public record TwoFactorDisabled(UserId user, String email, RequestOrigin origin) {}
