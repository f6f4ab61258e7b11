package herald.publishing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One link of a published target, as {@link ShortLinks} wrote it.
 *
 * @param address the short link as the platform shows it
 * @param url where it leads: the link as the post had it (tagged, when the post tags its links)
 * @param account the account the target published on, null when the post no longer has the target
 * @param part where the link is: {@code text}, {@code link} (the post's link field), {@code comment} or {@code bio}
 *     (its tile on the workspace's link-in-bio page, {@link BioPage})
 * @param lastClickedAt the last counted click, null before the first
 * @param turnedOffAt when someone of the workspace turned it off, null while it leads on
 */
public record ShortLink(
        String code,
        String address,
        String url,
        TargetId target,
        @Nullable String account,
        String part,
        long clicks,
        Instant createdAt,
        @Nullable Instant lastClickedAt,
        @Nullable Instant turnedOffAt) {}
