package herald.feeds;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One check of one feed: fetched outside any transaction, then, in the workspace's scope, its new items turned into
 * posts ({@link FeedPosts}, at most {@code herald.feeds.max-items-per-check}, oldest first) and the outcome written.
 * The first check (when the feed is added) only records the items already there, so adding a feed does not flood the
 * queue with its archive. A failed check is counted; the next waits twice as long each time, and after {@code
 * herald.feeds.max-failures} in a row the feed is paused with the reason.
 */
@Component
class FeedChecker {

    private static final Logger log = LoggerFactory.getLogger(FeedChecker.class);

    private final FeedRows rows;
    private final FeedItemRows items;
    private final FeedFetcher fetcher;
    private final FeedPosts posts;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final FeedSettings settings;
    private final Clock clock;

    FeedChecker(
            FeedRows rows,
            FeedItemRows items,
            FeedFetcher fetcher,
            FeedPosts posts,
            TenantScope tenants,
            AuditLog audit,
            FeedSettings settings,
            Clock clock) {
        this.rows = rows;
        this.items = items;
        this.fetcher = fetcher;
        this.posts = posts;
        this.tenants = tenants;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** @throws NotFound when the workspace has no such feed */
    FeedCheck check(WorkspaceId workspace, FeedId id) {
        Feed feed = tenants.read(workspace, () -> rows.find(workspace, id))
                .orElseThrow(() -> new NotFound("No such feed in this workspace."));
        if (!feed.enabled()) {
            throw new Conflict("enabled", "The feed is paused; resume it to check it.");
        }
        FeedRows.CheckState state =
                tenants.read(workspace, () -> rows.checkState(workspace, id)).orElseThrow();
        FeedFetcher.Fetched fetched = fetcher.fetch(URI.create(feed.url()), state.etag(), state.lastModified());
        Instant now = clock.instant();
        return switch (fetched) {
            case FeedFetcher.NotModified ignored -> {
                tenants.run(workspace, () -> rows.checked(workspace, id, null, null, null, now, next(now, 0)));
                yield FeedCheck.notModified();
            }
            case FeedFetcher.Failed failed -> failed(workspace, feed, failed.reason(), now);
            case FeedFetcher.Found found -> found(workspace, feed, state.lastCheckedAt() == null, found, now);
        };
    }

    /** Records every item of a first fetch as seen, without a post. Runs inside the caller's tenant transaction. */
    int recordSeen(WorkspaceId workspace, FeedId id, FeedDocument document, Instant now) {
        int seen = 0;
        for (FeedDocument.Item item : document.items()) {
            if (items.record(workspace, id, UUID.randomUUID(), item, "seen", null, now)) {
                seen++;
            }
        }
        return seen;
    }

    private FeedCheck found(WorkspaceId workspace, Feed feed, boolean first, FeedFetcher.Found found, Instant now) {
        FeedDocument document = found.document();
        if (first) {
            int seen = tenants.call(workspace, () -> recordSeen(workspace, feed.id(), document, now));
            saveChecked(workspace, feed, found, now);
            return new FeedCheck("checked", seen, 0, 0, null);
        }
        List<String> keys =
                document.items().stream().map(FeedDocument.Item::key).toList();
        Set<String> known = tenants.read(workspace, () -> items.known(workspace, feed.id(), keys));
        List<FeedDocument.Item> fresh = document.items().stream()
                .filter(item -> !known.contains(item.key()))
                .limit(settings.maxItemsPerCheck())
                .toList();
        int posted = 0;
        int skipped = 0;
        for (FeedDocument.Item item : fresh) {
            switch (posts.post(workspace, feed, item, now)) {
                case POSTED -> posted++;
                case SKIPPED -> skipped++;
                case ALREADY_SEEN -> {}
            }
        }
        saveChecked(workspace, feed, found, now);
        return new FeedCheck("checked", fresh.size(), posted, skipped, null);
    }

    private void saveChecked(WorkspaceId workspace, Feed feed, FeedFetcher.Found found, Instant now) {
        String title =
                found.document().title().isBlank() ? null : found.document().title();
        tenants.run(
                workspace,
                () -> rows.checked(workspace, feed.id(), title, found.etag(), found.lastModified(), now, next(now, 0)));
    }

    private FeedCheck failed(WorkspaceId workspace, Feed feed, String reason, Instant now) {
        int failures = tenants.call(
                workspace,
                () -> rows.failed(workspace, feed.id(), reason, now, settings.maxFailures(), n -> next(now, n)));
        log.info(
                "Feed {} of workspace {} ({}) failed its check ({} in a row): {}",
                feed.id(),
                workspace,
                FeedUrls.redacted(feed.url()),
                failures,
                reason);
        if (feed.enabled() && failures >= settings.maxFailures()) {
            String why = "Paused after " + failures + " failed checks in a row: " + reason;
            audit.record(workspace, "feed.paused", "feed", feed.id().toString(), Map.of("reason", why));
        }
        return new FeedCheck("failed", 0, 0, 0, reason);
    }

    private Instant next(Instant now, int failures) {
        return now.plus(settings.waitAfter(failures));
    }
}
