package herald.identity;

import herald.shared.UserId;
import java.time.Instant;

/** A person with a Herald login. */
public record User(UserId id, String email, String displayName, Instant createdAt) {}
