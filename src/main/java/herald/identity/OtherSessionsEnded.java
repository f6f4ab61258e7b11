package herald.identity;

import herald.shared.UserId;

/** A user signed out of every other browser they were signed in on; {@code sessions} of them were ended. */
public record OtherSessionsEnded(UserId user, String email, RequestOrigin origin, int sessions) {}
