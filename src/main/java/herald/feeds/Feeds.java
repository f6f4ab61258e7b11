package herald.feeds;

import herald.audit.AuditContext;
import herald.audit.AuditLog;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.database.TenantScope;
import herald.publishing.PostTags;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.PublicHosts;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * A workspace's feeds: added (the URL is fetched once, and the items already there are recorded as seen, not
 * posted), changed, paused and resumed, checked now, deleted; every change is audited. Checks also run by themselves
 * ({@link FeedJobs}).
 */
@Component
public class Feeds {

    public static final int MAX_ACCOUNTS = 20;

    /**
     * What a feed should do.
     *
     * @param accounts the connections its posts go to (at least one)
     * @param mode {@code draft} or {@code queue}
     * @param template the post's text; blank: {@value Feed#DEFAULT_TEMPLATE}
     * @param tags the workspace's labels its posts get
     */
    public record Settings(
            @Nullable List<ConnectionId> accounts,
            @Nullable String mode,
            @Nullable String template,
            @Nullable List<String> tags) {}

    private final FeedRows rows;
    private final FeedItemRows items;
    private final FeedChecker checker;
    private final FeedFetcher fetcher;
    private final FeedUrls urls;
    private final Connections connections;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final FeedSettings settings;
    private final Clock clock;

    Feeds(
            FeedRows rows,
            FeedItemRows items,
            FeedChecker checker,
            FeedFetcher fetcher,
            Connections connections,
            TenantScope tenants,
            AuditLog audit,
            FeedSettings settings,
            Clock clock) {
        this.rows = rows;
        this.items = items;
        this.checker = checker;
        this.fetcher = fetcher;
        this.urls = new FeedUrls(PublicHosts.allowing(settings.allowedHosts()));
        this.connections = connections;
        this.tenants = tenants;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every feed, oldest first. */
    public List<Feed> all(WorkspaceId workspace) {
        return tenants.read(workspace, () -> rows.all(workspace));
    }

    /** @throws NotFound when the workspace has no such feed (another workspace's id included) */
    public Feed require(WorkspaceId workspace, FeedId id) {
        return tenants.read(workspace, () -> rows.find(workspace, id)).orElseThrow(Feeds::notFound);
    }

    /** The items its checks saw, the newest first. @throws NotFound when the workspace has no such feed */
    public List<FeedItem> recentItems(WorkspaceId workspace, FeedId id, int limit) {
        return tenants.read(workspace, () -> {
            rows.find(workspace, id).orElseThrow(Feeds::notFound);
            return items.recent(workspace, id, Math.clamp(limit, 1, 100));
        });
    }

    /**
     * Adds a feed after fetching it once: its title is read and its items are recorded as seen, so only items that
     * appear later become posts.
     *
     * @throws InvalidInput on {@code url} when it is not http(s), carries credentials, is internal, cannot be fetched or
     *     is not a feed; on {@code accounts}, {@code mode}, {@code template} or {@code tags} when they are wrong
     * @throws Conflict on {@code url} when the workspace has this feed already, or has {@code herald.feeds.max-feeds}
     */
    public Feed add(WorkspaceId workspace, @Nullable String url, Settings wanted) {
        URI uri = urls.check(url);
        Checked checked = check(workspace, wanted);
        if (tenants.read(workspace, () -> rows.count(workspace)) >= settings.maxFeeds()) {
            throw new Conflict("url", "A workspace has at most " + settings.maxFeeds() + " feeds.");
        }
        FeedFetcher.Found found =
                switch (fetcher.fetch(uri, null, null)) {
                    case FeedFetcher.Found f -> f;
                    case FeedFetcher.NotModified ignored ->
                        throw new InvalidInput("url", "The server answered 304 Not Modified to a plain request.");
                    case FeedFetcher.Failed failed ->
                        throw new InvalidInput("url", "Herald could not read this feed. " + failed.reason());
                };
        Instant now = clock.instant();
        FeedId id = FeedId.random();
        String by = AuditContext.actor().label();
        try {
            tenants.run(workspace, () -> {
                rows.insert(
                        workspace,
                        id,
                        uri.toString(),
                        found.document().title(),
                        checked.accounts,
                        checked.mode,
                        checked.template,
                        checked.tags,
                        by == null ? "" : by,
                        now);
                // The first check: what is there already is recorded, not posted.
                checker.recordSeen(workspace, id, found.document(), now);
                rows.checked(workspace, id, null, found.etag(), found.lastModified(), now, now.plus(settings.every()));
                audit.record(workspace, "feed.created", "feed", id.toString(), details(uri.toString(), checked));
            });
        } catch (DuplicateKeyException e) {
            throw new Conflict("url", "This workspace has this feed already.");
        }
        return require(workspace, id);
    }

    /**
     * Changes what a feed does; fields left null stay as they are.
     *
     * @throws NotFound when the workspace has no such feed
     * @throws InvalidInput as {@link #add}
     */
    public Feed change(WorkspaceId workspace, FeedId id, Settings changes) {
        Feed current = require(workspace, id);
        Checked checked = check(
                workspace,
                new Settings(
                        changes.accounts() == null ? current.accounts() : changes.accounts(),
                        changes.mode() == null ? current.mode().value() : changes.mode(),
                        changes.template() == null ? current.template() : changes.template(),
                        changes.tags() == null ? current.tags() : changes.tags()));
        tenants.run(workspace, () -> {
            if (rows.update(
                            workspace,
                            id,
                            checked.accounts,
                            checked.mode,
                            checked.template,
                            checked.tags,
                            clock.instant())
                    == 0) {
                throw notFound();
            }
            audit.record(workspace, "feed.changed", "feed", id.toString(), details(current.url(), checked));
        });
        return require(workspace, id);
    }

    /** Pauses a feed, or resumes it (its failures forgotten, checked at the next sweep). @throws NotFound */
    public Feed setEnabled(WorkspaceId workspace, FeedId id, boolean enabled) {
        Feed current = require(workspace, id);
        if (current.enabled() != enabled) {
            tenants.run(workspace, () -> {
                rows.setEnabled(workspace, id, enabled, clock.instant());
                audit.record(
                        workspace,
                        enabled ? "feed.resumed" : "feed.paused",
                        "feed",
                        id.toString(),
                        Map.of("url", FeedUrls.redacted(current.url())));
            });
        }
        return require(workspace, id);
    }

    /**
     * Checks a feed now, whenever it is due.
     *
     * @throws NotFound when the workspace has no such feed
     * @throws Conflict when it is paused
     */
    public FeedCheck checkNow(WorkspaceId workspace, FeedId id) {
        return checker.check(workspace, id);
    }

    /** Deletes a feed and its items; the posts it made stay. @throws NotFound */
    public void delete(WorkspaceId workspace, FeedId id) {
        tenants.run(workspace, () -> {
            Feed gone = rows.find(workspace, id).orElseThrow(Feeds::notFound);
            rows.delete(workspace, id);
            audit.record(
                    workspace, "feed.deleted", "feed", id.toString(), Map.of("url", FeedUrls.redacted(gone.url())));
        });
    }

    private record Checked(List<ConnectionId> accounts, FeedMode mode, String template, List<String> tags) {}

    private Checked check(WorkspaceId workspace, Settings wanted) {
        var accounts = new LinkedHashSet<>(wanted.accounts() == null ? List.<ConnectionId>of() : wanted.accounts());
        if (accounts.isEmpty() || accounts.size() > MAX_ACCOUNTS) {
            throw new InvalidInput("accounts", "Choose 1 to " + MAX_ACCOUNTS + " accounts for the feed's posts.");
        }
        for (ConnectionId account : accounts) {
            if (account == null || connections.find(workspace, account).isEmpty()) {
                throw new InvalidInput("accounts", "This workspace has no account " + account + ".");
            }
        }
        FeedMode mode = FeedMode.of(wanted.mode());
        String template = FeedTemplate.check(wanted.template());
        List<String> tags;
        try {
            tags = PostTags.read(wanted.tags());
        } catch (InvalidInput e) {
            throw new InvalidInput("tags", e.getMessage());
        }
        return new Checked(List.copyOf(accounts), mode, template, tags);
    }

    private static Map<String, String> details(String url, Checked checked) {
        var details = new LinkedHashMap<String, String>();
        details.put("url", FeedUrls.redacted(url));
        details.put("mode", checked.mode.value());
        details.put("accounts", Integer.toString(checked.accounts.size()));
        if (!checked.tags.isEmpty()) {
            details.put("tags", String.join(", ", checked.tags));
        }
        return details;
    }

    private static NotFound notFound() {
        return new NotFound("No such feed in this workspace.");
    }
}
