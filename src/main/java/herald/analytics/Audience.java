package herald.analytics;

import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.ConnectionStatus;
import herald.connections.Connections;
import herald.database.TenantScope;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A workspace's audience: each connected account's followers as snapshot once a day by {@link AudienceCollector}, over
 * a period. The period's days are compared with the UTC day a snapshot was taken.
 */
@Component
public class Audience {

    private final AudienceRows rows;
    private final TenantScope tenants;
    private final Connections connections;
    private final Providers providers;

    Audience(AudienceRows rows, TenantScope tenants, Connections connections, Providers providers) {
        this.rows = rows;
        this.tenants = tenants;
        this.connections = connections;
        this.providers = providers;
    }

    /**
     * Every account that is connected (or was, with snapshots in the period), or only the query's: its latest
     * figures, its growth over the period and the period's snapshots.
     */
    public AudienceReport report(WorkspaceId workspace, AnalyticsQuery query) {
        record Read(
                List<AudienceRows.Snapshot> period,
                List<AudienceRows.Snapshot> latest,
                List<AudienceRows.Snapshot> latestRead) {}
        Read read = tenants.read(
                workspace,
                () -> new Read(
                        rows.between(workspace, query.from(), query.to(), query.connection()),
                        rows.latest(workspace, false),
                        rows.latest(workspace, true)));
        Map<ConnectionId, List<AudienceReport.Day>> days = read.period().stream()
                .collect(Collectors.groupingBy(
                        AudienceRows.Snapshot::connection,
                        Collectors.mapping(
                                s -> new AudienceReport.Day(
                                        s.day(), Objects.requireNonNull(s.followers()), s.following(), s.posts()),
                                Collectors.toList())));
        Map<ConnectionId, AudienceRows.Snapshot> latest = byConnection(read.latest());
        Map<ConnectionId, AudienceRows.Snapshot> current = byConnection(read.latestRead());
        List<AudienceReport.Account> accounts = new ArrayList<>();
        for (Connection connection : connections.list(workspace)) {
            List<AudienceReport.Day> shown = days.getOrDefault(connection.id(), List.of());
            if (query.connection() != null && !query.connection().equals(connection.id())
                    || connection.status() == ConnectionStatus.DISCONNECTED && shown.isEmpty()) {
                continue;
            }
            @Nullable
            SocialProvider provider = providers.find(connection.provider()).orElse(null);
            String name =
                    (provider == null ? connection.provider() : provider.displayName()) + " @" + connection.username();
            boolean counted = provider != null && provider.countsFollowers();
            AudienceRows.Snapshot now = current.get(connection.id());
            accounts.add(new AudienceReport.Account(
                    connection.id(),
                    connection.provider(),
                    name,
                    counted,
                    now == null ? null : now.followers(),
                    now == null ? null : now.following(),
                    now == null ? null : now.posts(),
                    now == null ? null : now.readAt(),
                    shown.size() < 2
                            ? null
                            : shown.getLast().followers() - shown.getFirst().followers(),
                    shown,
                    problem(connection, name, provider, counted, latest.get(connection.id()), now)));
        }
        return new AudienceReport(query, accounts);
    }

    private static @Nullable String problem(
            Connection connection,
            String name,
            @Nullable SocialProvider provider,
            boolean counted,
            AudienceRows.@Nullable Snapshot latest,
            AudienceRows.@Nullable Snapshot current) {
        if (!counted) {
            return (provider == null ? connection.provider() : provider.displayName())
                    + " does not give Herald an account's followers, so there are no audience figures for " + name
                    + ".";
        }
        if (connection.status() == ConnectionStatus.NEEDS_RECONNECT) {
            return "Reconnect " + name + " to read its followers again.";
        }
        if (connection.status() == ConnectionStatus.DISCONNECTED) {
            return name + " was disconnected: its figures stop at its last snapshot.";
        }
        if (latest != null && latest.readAt() == null && latest.lastError() != null) {
            return "Its followers could not be read on " + latest.day() + ": " + latest.lastError()
                    + " Herald tries again later.";
        }
        if (current == null) {
            return "Herald reads its followers once a day; the first reading comes within the hour.";
        }
        return null;
    }

    private static Map<ConnectionId, AudienceRows.Snapshot> byConnection(List<AudienceRows.Snapshot> snapshots) {
        return snapshots.stream().collect(Collectors.toMap(AudienceRows.Snapshot::connection, Function.identity()));
    }
}
