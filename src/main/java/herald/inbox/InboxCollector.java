package herald.inbox;

import herald.connections.AccessTokens;
import herald.connections.ConnectionId;
import herald.connections.ConnectionNotActive;
import herald.database.TenantScope;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.ReceivedComment;
import herald.providers.SocialProvider;
import herald.publishing.TargetId;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Reads the comments under published posts. The sweep first watches what was published since it last looked, then
 * reads the due watches a workspace and a connection at a time: one token opening (and its audit entry) for the
 * connection's posts in the sweep, every platform call outside any transaction, and what each reading found stored in
 * the workspace's scope. A failure never stops the sweep: a post the platform no longer has, or a refusal for good,
 * stops its readings with the platform's words; a transient failure or a rate limit is tried again later.
 */
@Component
class InboxCollector {

    private static final Logger log = LoggerFactory.getLogger(InboxCollector.class);
    /** Commits that land later than this after their publishing instant are caught by the next sweeps anyway. */
    static final Duration OVERLAP = Duration.ofMinutes(10);
    /** How often the posts of an account that needs a reconnect are tried again. */
    static final Duration RECONNECTED = Duration.ofHours(6);

    private final WatchRows watchRows;
    private final InboxRows rows;
    private final TenantScope tenants;
    private final AccessTokens tokens;
    private final Providers providers;
    private final InboxSettings settings;
    private final ReadPlan plan;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboxCollector(
            WatchRows watchRows,
            InboxRows rows,
            TenantScope tenants,
            AccessTokens tokens,
            Providers providers,
            InboxSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.watchRows = watchRows;
        this.rows = rows;
        this.tenants = tenants;
        this.tokens = tokens;
        this.providers = providers;
        this.settings = settings;
        this.plan = ReadPlan.of(settings);
        this.events = events;
        this.clock = clock;
    }

    /** What one sweep (or one check) did: posts read, comments new to the inbox, readings that failed. */
    record Sweep(int tracked, int read, int found, int failed) {}

    /** Watches newly published targets, then reads those due at {@code now}, at most the configured batch. */
    Sweep sweep(Instant now) {
        return sweep(now, null);
    }

    /**
     * As {@link #sweep(Instant)}, watching and reading only {@code only}'s posts when it is given: tests that share a
     * database with others read their own workspace's, and open no other workspace's tokens.
     */
    Sweep sweep(Instant now, @Nullable WorkspaceId only) {
        int tracked = track(now, only);
        Map<WorkspaceId, List<TargetId>> due = new LinkedHashMap<>();
        for (WatchRows.Due row : watchRows.due(now, settings.batch(), only)) {
            due.computeIfAbsent(row.workspace(), w -> new ArrayList<>()).add(row.target());
        }
        Tally tally = new Tally();
        due.forEach((workspace, targets) -> {
            try {
                read(workspace, tenants.read(workspace, () -> watchRows.watches(workspace, targets)), now, tally);
            } catch (RuntimeException e) {
                // The database was away, or a bug: the rows stay due, and the next sweep tries again.
                log.warn("Could not read the inbox of workspace {}: {}", workspace, e.toString());
            }
        });
        return new Sweep(tracked, tally.read, tally.found, tally.failed);
    }

    /** Reads the workspace's watched posts now, whenever they are due: the newest {@code limit}. */
    Sweep check(WorkspaceId workspace, int limit) {
        Instant now = clock.instant();
        int tracked = track(now, workspace);
        Tally tally = new Tally();
        read(workspace, tenants.read(workspace, () -> watchRows.watching(workspace, limit)), now, tally);
        return new Sweep(tracked, tally.read, tally.found, tally.failed);
    }

    /** Watches what was published since the last sweep: on every workspace, or on {@code only}. */
    private int track(Instant now, @Nullable WorkspaceId only) {
        List<String> readable = providers.all().stream()
                .filter(SocialProvider::readsComments)
                .map(SocialProvider::id)
                .toList();
        return watchRows.track(now, settings.firstRead(), OVERLAP, settings.backfill(), readable, 5_000, only);
    }

    private static final class Tally {
        int read;
        int found;
        int failed;
    }

    /** The watches a connection at a time; beyond a connection's share of one sweep, posts stay due. */
    private void read(WorkspaceId workspace, List<WatchRows.Watch> watches, Instant now, Tally tally) {
        Map<ConnectionId, List<WatchRows.Watch>> byConnection = new LinkedHashMap<>();
        watches.forEach(w -> byConnection
                .computeIfAbsent(w.connection(), c -> new ArrayList<>())
                .add(w));
        byConnection.forEach((connection, ofConnection) -> readConnection(
                workspace,
                connection,
                ofConnection.subList(0, Math.min(ofConnection.size(), settings.perConnection())),
                now,
                tally));
    }

    /** One reading's outcome, stored after the calls. */
    private sealed interface Outcome {}

    private record Read(WatchRows.Watch watch, List<ReceivedComment> comments) implements Outcome {}

    private record Refused(WatchRows.Watch watch, String why, @Nullable Duration retryAfter) implements Outcome {}

    private void readConnection(
            WorkspaceId workspace, ConnectionId connection, List<WatchRows.Watch> watches, Instant now, Tally tally) {
        SocialProvider provider = providers.find(watches.getFirst().provider()).orElse(null);
        List<Outcome> outcomes;
        if (provider == null || !provider.readsComments()) {
            outcomes = all(
                    watches,
                    "Herald does not read comments on " + watches.getFirst().provider() + ".",
                    null);
        } else {
            try {
                outcomes = tokens.withAccessToken(workspace, connection, token -> {
                    List<Outcome> read = new ArrayList<>();
                    for (WatchRows.Watch watch : watches) {
                        try {
                            read.add(new Read(
                                    watch,
                                    provider.comments(
                                            token, watch.accountHandle(), watch.platformPostId(), settings.perPost())));
                        } catch (ProviderException e) {
                            if (e.kind() == ProviderException.Kind.AUTH_EXPIRED) {
                                throw e; // refreshed once, and every post asked again
                            }
                            read.add(refused(watch, e));
                            if (e.kind() == ProviderException.Kind.RATE_LIMITED) {
                                // The platform said stop: the connection's other posts wait as long.
                                watches.subList(read.size(), watches.size()).forEach(w -> read.add(refused(w, e)));
                                break;
                            }
                        }
                    }
                    return read;
                });
            } catch (ConnectionNotActive e) {
                outcomes = all(
                        watches,
                        "Reconnect " + watches.getFirst().accountHandle() + " to read its comments.",
                        RECONNECTED);
            } catch (NotFound e) {
                outcomes = all(watches, "The account was removed from this workspace.", null);
            } catch (ProviderException e) {
                outcomes = watches.stream().map(w -> (Outcome) refused(w, e)).toList();
            }
        }
        Instant readAt = clock.instant();
        List<Outcome> stored = outcomes;
        List<InboxCommentReceived> received = new ArrayList<>();
        tenants.run(workspace, () -> {
            for (Outcome outcome : stored) {
                switch (outcome) {
                    case Read read -> {
                        List<InboxRows.Added> added = rows.add(read.watch(), read.comments(), readAt);
                        added.forEach(a -> received.add(InboxCommentReceived.of(read.watch(), a)));
                        tally.found += added.size();
                        watchRows.read(
                                workspace,
                                read.watch().target(),
                                readAt,
                                plan.next(read.watch().publishedAt(), now));
                        tally.read++;
                    }
                    case Refused refused -> {
                        watchRows.failed(
                                workspace,
                                refused.watch().target(),
                                refused.why(),
                                retry(refused.watch(), now, refused.retryAfter()));
                        tally.failed++;
                    }
                }
            }
        });
        // Told once the comments are stored: a listener that fails or lags never loses one from the inbox.
        received.forEach(events::publishEvent);
    }

    /** When to read again after a refusal: never when it was for good, or once the post's window has passed. */
    private @Nullable Instant retry(WatchRows.Watch watch, Instant now, @Nullable Duration retryAfter) {
        if (retryAfter == null || retryAfter.isZero()) {
            return null;
        }
        Instant at = now.plus(retryAfter);
        return at.isAfter(watch.publishedAt().plus(settings.window())) ? null : at;
    }

    private Refused refused(WatchRows.Watch watch, ProviderException e) {
        return new Refused(watch, e.getMessage(), e.readAgainAfter(settings.retryAfter()));
    }

    private static List<Outcome> all(List<WatchRows.Watch> watches, String why, @Nullable Duration retryAfter) {
        return watches.stream()
                .map(w -> (Outcome) new Refused(w, why, retryAfter))
                .toList();
    }
}
