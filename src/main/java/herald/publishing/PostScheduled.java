package herald.publishing;

import herald.shared.WorkspaceId;
import java.time.Instant;

/**
 * A post was scheduled (created, edited or approved into {@code scheduled}), or is waiting for approval with its text
 * final: listeners that keep something about the text that is going out (the content module's anti-repetition
 * vectors) learn of it here. Published after the change committed.
 *
 * @param body the post's main text (per-target overrides are not included)
 * @param due when it is due to publish
 */
public record PostScheduled(WorkspaceId workspace, PostId post, String body, Instant due) {}
