package herald.publishing;

import static herald.database.SqlTimes.instant;

import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of a batch of claims ({@link BatchedClaims}): {@code herald_claim_targets} (V174), which locks, reads and
 * claims the targets of many workspaces in one call, as {@link Attempts#lockDue} and {@link Attempts#claim} do for one.
 */
@Component
class ClaimRows {

    /** A target of the batch to claim, with its workspace's day for the quota ({@link DailyQuota.Day}). */
    record Item(WorkspaceId workspace, TargetId target, Instant dayFrom, Instant dayTo) {}

    /** The instants and caps a batch is claimed under, as {@link Attempts#claim} takes them for one target. */
    record Terms(
            Instant now,
            Instant dueBy,
            Instant inFlightSince,
            Instant staleBefore,
            int capAccount,
            int capWorkspace,
            Map<String, Integer> capPlatforms,
            int capPlatformDefault,
            String node) {}

    /**
     * What the batch found of one item, and whether it took it.
     *
     * @param item the item's index in the batch
     * @param single the item is claimed alone, by {@link Claims} (its target is in the batch twice, or its post
     *     shortens its links): nothing was written for it
     * @param since the instant a taken attempt reconciles from, if it must
     * @param postsToday for a taken item, the workspace's other posts counted for today, as {@link Attempts.Claimed}
     * @param connectionStatus the status of a taken item's connection, null when it has none
     * @param accessToken the sealed access token of a taken item's active connection, unless due for a refresh
     */
    record Row(
            int item,
            Attempts.Due due,
            boolean single,
            boolean taken,
            @Nullable Instant since,
            int postsToday,
            @Nullable String connectionStatus,
            @Nullable String connectionReason,
            @Nullable String connectionUsername,
            byte @Nullable [] accessToken) {}

    private final JdbcClient jdbc;

    ClaimRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims what it can of {@code items} in one call: a row for each item whose target exists in its workspace, in
     * item order. Run it inside a transaction that holds no workspace's scope; the connections' tokens are opened, and
     * their {@code secret.decrypted} entries appended, before it commits.
     */
    List<Row> claim(List<Item> items, Terms terms) {
        int n = items.size();
        var workspaces = new UUID[n];
        var targets = new UUID[n];
        var dayFroms = new String[n];
        var dayTos = new String[n];
        for (int i = 0; i < n; i++) {
            Item item = items.get(i);
            workspaces[i] = item.workspace().value();
            targets[i] = item.target().value();
            dayFroms[i] = item.dayFrom().toString();
            dayTos[i] = item.dayTo().toString();
        }
        String[] providers = terms.capPlatforms().keySet().toArray(String[]::new);
        int[] caps = new int[providers.length];
        for (int i = 0; i < providers.length; i++) {
            caps[i] = terms.capPlatforms().get(providers[i]);
        }
        return jdbc.sql(
                        """
                        select * from herald_claim_targets(:workspaces, :targets, cast(:dayFroms as timestamptz[]),
                            cast(:dayTos as timestamptz[]), :now, :dueBy, :inFlightSince, :staleBefore, :capAccount,
                            :capWorkspace, :capProviders, :capValues, :capDefault, :node)""")
                .param("workspaces", workspaces)
                .param("targets", targets)
                .param("dayFroms", dayFroms)
                .param("dayTos", dayTos)
                .param("now", Timestamp.from(terms.now()))
                .param("dueBy", Timestamp.from(terms.dueBy()))
                .param("inFlightSince", Timestamp.from(terms.inFlightSince()))
                .param("staleBefore", Timestamp.from(terms.staleBefore()))
                .param("capAccount", terms.capAccount())
                .param("capWorkspace", terms.capWorkspace())
                .param("capProviders", providers)
                .param("capValues", caps)
                .param("capDefault", terms.capPlatformDefault())
                .param("node", terms.node())
                .query((rs, row) -> new Row(
                        rs.getInt("n") - 1,
                        Attempts.due(rs),
                        rs.getBoolean("single"),
                        rs.getBoolean("taken"),
                        instant(rs, "since"),
                        rs.getInt("posts_today"),
                        rs.getString("connection_status"),
                        rs.getString("connection_reason"),
                        rs.getString("connection_username"),
                        rs.getBytes("access_token")))
                .list();
    }
}
