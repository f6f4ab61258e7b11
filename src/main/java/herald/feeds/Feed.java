package herald.feeds;

import herald.connections.ConnectionId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A feed of a workspace and how its checks go.
 *
 * @param title the feed's own title, as its last good check read it
 * @param accounts the connections its posts go to
 * @param template the post's text, with {@code {title}}, {@code {link}} and {@code {summary}} filled from the item
 * @param tags the workspace's labels its posts get
 * @param enabled whether it is checked; a feed that failed too often is paused with {@code lastError} saying why
 * @param failures failed checks in a row
 */
public record Feed(
        FeedId id,
        String url,
        String title,
        List<ConnectionId> accounts,
        FeedMode mode,
        String template,
        List<String> tags,
        boolean enabled,
        @Nullable Instant lastCheckedAt,
        @Nullable Instant nextCheckAt,
        @Nullable String lastError,
        int failures,
        String createdBy,
        Instant createdAt) {

    public static final String DEFAULT_TEMPLATE = "{title} {link}";

    /** {@code active}, {@code failing} (checked, but its last check failed) or {@code paused}. */
    public String status() {
        if (!enabled) {
            return "paused";
        }
        return failures > 0 ? "failing" : "active";
    }

    /** The name to show: its title, or its URL until it has one. */
    public String name() {
        return title.isBlank() ? url : title;
    }
}
