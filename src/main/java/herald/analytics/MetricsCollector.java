package herald.analytics;

import herald.connections.AccessTokens;
import herald.connections.ConnectionId;
import herald.connections.ConnectionNotActive;
import herald.database.TenantScope;
import herald.providers.MetricsBatch;
import herald.providers.PostMetrics;
import herald.providers.ProviderException;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.Posts;
import herald.publishing.Target;
import herald.publishing.TargetId;
import herald.publishing.TargetStatus;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads published posts' figures from their platforms. The sweep first tracks what was published since it last
 * looked, then reads the due targets, a post and a connection at a time: one token opening (and its audit entry) for
 * the connection's targets in the sweep, every platform call outside any transaction, and each outcome stored in the
 * workspace's scope. A failure never stops the sweep: a reading the platform refused for good stops that target's
 * readings with the platform's words; a transient one, or a rate limit, is tried again later, until the last step.
 */
@Component
class MetricsCollector {

    private static final Logger log = LoggerFactory.getLogger(MetricsCollector.class);
    /** Commits that land later than this after their publishing instant are caught by the next sweeps anyway. */
    static final Duration OVERLAP = Duration.ofMinutes(10);
    /** How long after the last step a failing reading is still tried. */
    static final Duration GRACE = Duration.ofDays(1);
    /** How often the readings of an account that needs a reconnect are tried again. */
    static final Duration RECONNECTED = Duration.ofDays(1);

    private final MetricsRows rows;
    private final TenantScope tenants;
    private final Posts posts;
    private final AccessTokens tokens;
    private final Providers providers;
    private final AnalyticsSettings settings;
    private final ReadSchedule schedule;
    private final Clock clock;

    MetricsCollector(
            MetricsRows rows,
            TenantScope tenants,
            Posts posts,
            AccessTokens tokens,
            Providers providers,
            AnalyticsSettings settings,
            Clock clock) {
        this.rows = rows;
        this.tenants = tenants;
        this.posts = posts;
        this.tokens = tokens;
        this.providers = providers;
        this.settings = settings;
        this.schedule = new ReadSchedule(settings.reads());
        this.clock = clock;
    }

    /** What one sweep did. */
    record Sweep(int tracked, int read, int failed) {}

    /** Tracks newly published targets, then reads those due at {@code now}, at most the configured batch. */
    Sweep sweep(Instant now) {
        return sweep(now, null);
    }

    /**
     * As {@link #sweep(Instant)}, reading only {@code only}'s due targets when it is given: tests that share a database
     * with others read their own workspace's, and open no other workspace's tokens.
     */
    Sweep sweep(Instant now, @Nullable WorkspaceId only) {
        int tracked = rows.track(now, settings.reads().getFirst(), OVERLAP, settings.backfill(), 5_000);
        Map<WorkspaceId, Map<PostId, List<TargetId>>> due = new LinkedHashMap<>();
        for (MetricsRows.Due row : rows.due(now, settings.batch(), only)) {
            due.computeIfAbsent(row.workspace(), w -> new LinkedHashMap<>())
                    .computeIfAbsent(row.post(), p -> new ArrayList<>())
                    .add(row.target());
        }
        int read = 0;
        int failed = 0;
        for (var workspace : due.entrySet()) {
            try {
                Tally tally = readWorkspace(workspace.getKey(), workspace.getValue(), now);
                read += tally.read;
                failed += tally.failed;
            } catch (RuntimeException e) {
                // The database was away, or a bug: the rows stay due, and the next sweep tries again.
                log.warn("Could not read figures of workspace {}: {}", workspace.getKey(), e.toString());
            }
        }
        return new Sweep(tracked, read, failed);
    }

    /** Reads one post's published targets now (tracking them first when the sweep has not yet). */
    void readPost(WorkspaceId workspace, Post post, Instant now) {
        List<Target> published = post.targets().stream()
                .filter(t -> t.status() == TargetStatus.PUBLISHED && t.publishedAt() != null)
                .toList();
        tenants.run(workspace, () -> rows.track(workspace, post.id(), published, now));
        readWorkspace(
                workspace, Map.of(post.id(), published.stream().map(Target::id).toList()), now);
    }

    private static final class Tally {
        int read;
        int failed;
    }

    /** The due targets of one workspace: their posts read in one query, the targets still published read. */
    private Tally readWorkspace(WorkspaceId workspace, Map<PostId, List<TargetId>> due, Instant now) {
        Map<PostId, Post> found = posts.getAll(workspace, due.keySet());
        Tally tally = new Tally();
        List<Target> readable = new ArrayList<>();
        for (var entry : due.entrySet()) {
            Post post = found.get(entry.getKey());
            if (post == null) {
                continue; // deleted since: its rows went with it
            }
            for (TargetId id : entry.getValue()) {
                Optional<Target> target =
                        post.targets().stream().filter(t -> t.id().equals(id)).findFirst();
                if (target.isEmpty()
                        || target.get().status() != TargetStatus.PUBLISHED
                        || target.get().platformPostId() == null) {
                    tenants.run(workspace, () -> rows.failed(workspace, id, "The post is no longer published.", null));
                    tally.failed++;
                } else {
                    readable.add(target.get());
                }
            }
        }
        return readTargets(workspace, readable, now, tally);
    }

    /** Reads the targets a connection at a time; beyond a connection's share of one sweep, targets stay due. */
    private Tally readTargets(WorkspaceId workspace, List<Target> targets, Instant now, Tally tally) {
        Map<ConnectionId, List<Target>> byConnection = new LinkedHashMap<>();
        targets.forEach(t -> byConnection
                .computeIfAbsent(t.connection(), c -> new ArrayList<>())
                .add(t));
        byConnection.forEach((connection, ofConnection) -> readConnection(
                workspace,
                connection,
                ofConnection.subList(0, Math.min(ofConnection.size(), settings.perConnection())),
                now,
                tally));
        return tally;
    }

    /** One outcome of a reading, stored after the calls. */
    private sealed interface Outcome {}

    private record Counted(Target target, Optional<PostMetrics> metrics) implements Outcome {}

    private record Refused(Target target, String why, @Nullable Duration retryAfter) implements Outcome {}

    private void readConnection(
            WorkspaceId workspace, ConnectionId connection, List<Target> targets, Instant now, Tally tally) {
        SocialProvider provider = providers.find(targets.getFirst().provider()).orElse(null);
        List<Outcome> outcomes;
        if (provider == null) {
            outcomes = all(
                    targets,
                    "Herald no longer knows the platform " + targets.getFirst().provider() + ".",
                    null);
        } else {
            try {
                // One call for them all where the platform reads many posts at once (X); post by post elsewhere.
                MetricsBatch batch = tokens.withAccessToken(
                        workspace,
                        connection,
                        token -> provider.metrics(
                                token,
                                targets.stream()
                                        .map(t -> Objects.requireNonNull(t.platformPostId()))
                                        .distinct()
                                        .toList()));
                outcomes = targets.stream().map(t -> outcome(t, batch)).toList();
            } catch (ConnectionNotActive e) {
                // Read again once it is reconnected, for as long as the steps last.
                outcomes = all(
                        targets, "Reconnect " + targets.getFirst().account() + " to read its figures.", RECONNECTED);
            } catch (NotFound e) {
                outcomes = all(targets, "The account was removed from this workspace.", null);
            } catch (ProviderException e) {
                outcomes = targets.stream().map(t -> (Outcome) refused(t, e)).toList();
            }
        }
        Instant readAt = clock.instant();
        List<Outcome> stored = outcomes;
        tenants.run(workspace, () -> {
            for (Outcome outcome : stored) {
                if (outcome instanceof Counted counted && counted.metrics().isPresent()) {
                    Target target = counted.target();
                    Map<String, Long> counts = counted.metrics().get().counts();
                    rows.read(
                            workspace,
                            target.id(),
                            counts,
                            Figures.of(counts),
                            readAt,
                            schedule.after(Objects.requireNonNull(target.publishedAt()), now));
                    tally.read++;
                } else if (outcome instanceof Counted counted) {
                    rows.failed(
                            workspace,
                            counted.target().id(),
                            Objects.requireNonNull(provider).displayName()
                                    + " gave no figures for this post: it was deleted there, or the platform does"
                                    + " not count them.",
                            null);
                    tally.failed++;
                } else if (outcome instanceof Refused refused) {
                    rows.failed(
                            workspace,
                            refused.target().id(),
                            refused.why(),
                            retry(refused.target(), now, refused.retryAfter()));
                    tally.failed++;
                }
            }
        });
    }

    /**
     * When to try a refused reading again: never when the platform refused it for good (no wait given) or the last
     * step is more than {@link #GRACE} behind; otherwise after the platform's wait, or the configured one.
     */
    private @Nullable Instant retry(Target target, Instant now, @Nullable Duration retryAfter) {
        if (retryAfter == null || retryAfter.isZero()) {
            return null;
        }
        Instant at = now.plus(retryAfter);
        Instant publishedAt = target.publishedAt();
        return publishedAt == null || at.isAfter(schedule.last(publishedAt).plus(GRACE)) ? null : at;
    }

    /** What the batch said of the target: counted, gone (no counts, stored as such), or refused. */
    private Outcome outcome(Target target, MetricsBatch batch) {
        String id = Objects.requireNonNull(target.platformPostId());
        ProviderException refusal = batch.refused().get(id);
        if (refusal != null) {
            return refused(target, refusal);
        }
        return new Counted(target, Optional.ofNullable(batch.counted().get(id)));
    }

    private Refused refused(Target target, ProviderException e) {
        return new Refused(target, e.getMessage(), e.readAgainAfter(settings.retryAfter()));
    }

    private static List<Outcome> all(List<Target> targets, String why, @Nullable Duration retryAfter) {
        return targets.stream()
                .map(t -> (Outcome) new Refused(t, why, retryAfter))
                .toList();
    }
}
