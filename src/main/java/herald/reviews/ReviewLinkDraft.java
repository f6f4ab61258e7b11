package herald.reviews;

import herald.connections.ConnectionId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A review link to make, as a member or a program asks for it; {@link ReviewLinks#create} checks it.
 *
 * @param expiresInDays how many days the link works: 1 to {@value ReviewLinks#MAX_DAYS}, {@value
 *     ReviewLinks#DEFAULT_DAYS} when null
 */
public record ReviewLinkDraft(
        @Nullable String label,
        @Nullable Instant from,
        @Nullable Instant to,
        List<ConnectionId> accounts,
        @Nullable String tag,
        boolean mayApprove,
        @Nullable Integer expiresInDays) {

    public ReviewLinkDraft {
        accounts = List.copyOf(accounts);
    }
}
