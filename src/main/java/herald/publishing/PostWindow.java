package herald.publishing;

import herald.connections.ConnectionId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Posts due in [{@code from}, {@code to}) in one of {@code statuses}, on any of {@code accounts} (all accounts when
 * empty), carrying {@code tag} (in any case) when given: the soonest due first, at most {@code limit}.
 */
public record PostWindow(
        Instant from,
        Instant to,
        Set<PostStatus> statuses,
        List<ConnectionId> accounts,
        @Nullable String tag,
        int limit) {

    public PostWindow {
        statuses = Set.copyOf(statuses);
        accounts = List.copyOf(accounts);
        tag = tag == null || tag.isBlank() ? null : tag.strip();
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A window ends after it starts");
        }
    }
}
