package herald.web.ui;

import herald.connections.Connection;
import herald.connections.Connections;
import herald.providers.SocialProvider;
import herald.shared.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A connected account as filters and pickers name it, the way a post's targets do ("Sandbox @krusty"), with its
 * state when it cannot publish.
 */
public record AccountOption(Connection connection, String name) {

    /** The workspace's accounts, in the order Connections lists them. */
    static List<AccountOption> of(Connections connections, WorkspaceId workspace) {
        Map<String, String> platforms = connections.providers().stream()
                .collect(Collectors.toMap(SocialProvider::id, SocialProvider::displayName, (a, b) -> a));
        return connections.list(workspace).stream()
                .map(c ->
                        new AccountOption(c, platforms.getOrDefault(c.provider(), c.provider()) + " @" + c.username()))
                .toList();
    }

    /** The one of {@code options} whose id is {@code id} (as a request parameter gives it), or none. */
    static @org.jspecify.annotations.Nullable AccountOption find(
            List<AccountOption> options, @org.jspecify.annotations.Nullable String id) {
        return options.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
    }

    public String id() {
        return connection.id().value().toString();
    }

    /** The name, and the account's state when it is not active ("Sandbox @krusty (expired)"). */
    public String label() {
        return connection.active()
                ? name
                : name + " (" + connection.status().value().replace('_', ' ') + ")";
    }
}
