package herald.publishing;

import java.time.Instant;

/**
 * Why a post a person wrote is a draft again: a decider rejected it with this note ({@link PostApprovals#reject}).
 * Shown while the post is a draft; gone once it is submitted again.
 *
 * @param by who rejected it, as the audit log names them: a member's e-mail, a client through a review link
 */
public record SentBack(String note, String by, Instant at) {}
