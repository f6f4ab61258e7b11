package herald.reviews;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a review link shows: whose posts, which, and what the reviewer may do. No id of Herald's is in it.
 *
 * @param linkKey a key for the reviewer's session, derived from the link's secret (not the token, not an id)
 * @param more whether the range holds more posts than are shown
 */
public record Review(
        String linkKey,
        String workspaceName,
        ZoneId zone,
        String label,
        Instant from,
        Instant to,
        @Nullable String tag,
        List<String> accounts,
        boolean mayApprove,
        Instant expiresAt,
        List<ReviewedPost> posts,
        boolean more) {}
