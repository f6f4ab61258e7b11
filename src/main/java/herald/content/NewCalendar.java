package herald.content;

import herald.connections.ConnectionId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a member asks for: a month of drafts.
 *
 * @param month {@code 2026-12}, in the workspace's time zone; the current month or a later one
 * @param posts how many posts, 5–31
 * @param aiForAll every caption by AI (the run fails when AI does); otherwise AI (when available) writes the
 *     promotional and product showcase posts and templates the rest, to keep the cost down
 * @param personaId the brand voice; the workspace's default persona when null
 * @param connections the connected accounts the drafts are for
 */
public record NewCalendar(
        @Nullable String month, int posts, boolean aiForAll, @Nullable UUID personaId, List<ConnectionId> connections) {

    public NewCalendar {
        connections = connections == null ? List.of() : List.copyOf(connections);
    }
}
