package herald.publishing;

import herald.connections.AccessTokens;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A claimed attempt: everything the platform call needs, read in the claiming transaction.
 *
 * @param zone the workspace's time zone, for the day a tagged link names ({@link LinkTagging})
 * @param content the target's text and link as the platform gets them ({@link PlatformCall#content}), their links
 *     shortened when the post shortens them ({@link ShortLinks})
 */
record Claim(
        PostId post,
        TargetId target,
        int fence,
        int attempt,
        Attempts.Due due,
        @Nullable Instant reconcileSince,
        Instant startedAt,
        @Nullable String refused,
        AccessTokens.@Nullable Opened token,
        @Nullable String tokenRefused,
        ZoneId zone,
        LinkTagging.Tagged content) {

    /**
     * The instant a search of the platform starts from: the earlier attempt's that may have reached it, else this
     * attempt's own start.
     */
    Instant reconcileFrom() {
        return reconcileSince == null ? startedAt : reconcileSince;
    }
}
