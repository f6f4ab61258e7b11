package herald.identity;

import herald.shared.UserId;

/**
 * The second step of a sign-in was refused: a wrong code, or one typed while the account's codes were locked. The
 * code itself is never part of it.
 */
public record SecondStepFailed(UserId user, String email, String reason, RequestOrigin origin) {}
