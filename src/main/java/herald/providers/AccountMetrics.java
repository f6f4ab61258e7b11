package herald.providers;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a platform counts about a connected account itself, as read at {@code readAt}: who follows it, and where the
 * platform says, whom it follows and how many posts it has.
 *
 * @param followers the account's followers (a Facebook Page's followers, an X or Instagram account's followers)
 * @param following the accounts it follows; null where the platform does not say
 * @param posts the posts (or media) it has published in all, not only through Herald; null where the platform does not
 *     say
 */
public record AccountMetrics(long followers, @Nullable Long following, @Nullable Long posts, Instant readAt) {}
