package herald.feeds;

import herald.connections.Connection;
import herald.connections.Connections;
import herald.database.TenantScope;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.publishing.ContentCheck;
import herald.publishing.LinkTagging;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.Posts;
import herald.publishing.Provenance;
import herald.publishing.WorkspaceLinkTagging;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a feed's new item into a post through the publishing API: the template filled and fitted to the strictest of
 * the feed's accounts, the item's link as the post's link, the feed's tags; a draft, or queued in the next free slot.
 *
 * <p>Exactly once, across nodes and retries: the item's row is inserted in the very transaction that creates its post
 * ({@link Posts#create} joins the tenant transaction it is called in, and its dispatch jobs and events follow that
 * transaction's commit). A second check of the same item, on any node, either waits on the row's unique index and
 * then finds it, or finds it committed; when creating the post fails the row rolls back with it, and the item is then
 * recorded as skipped with the reason, so an item that cannot be posted is not tried again at every check.
 */
@Component
class FeedPosts {

    /** What became of one item. */
    enum Outcome {
        POSTED,
        SKIPPED,
        ALREADY_SEEN
    }

    private final Posts posts;
    private final Connections connections;
    private final Providers providers;
    private final TenantScope tenants;
    private final FeedItemRows items;
    private final WorkspaceLinkTagging linkTagging;

    FeedPosts(
            Posts posts,
            Connections connections,
            Providers providers,
            TenantScope tenants,
            FeedItemRows items,
            WorkspaceLinkTagging linkTagging) {
        this.linkTagging = linkTagging;
        this.posts = posts;
        this.connections = connections;
        this.providers = providers;
        this.tenants = tenants;
        this.items = items;
    }

    Outcome post(WorkspaceId workspace, Feed feed, FeedDocument.Item item, Instant now) {
        UUID itemId = UUID.randomUUID();
        NewPost post = newPost(workspace, feed, item, now);
        Provenance provenance =
                new Provenance(Provenance.Origin.SYSTEM, "system", feed.id().toString(), "Feed “" + label(feed) + "”");
        try {
            return tenants.call(workspace, () -> {
                if (!items.record(workspace, feed.id(), itemId, item, "posted", null, now)) {
                    return Outcome.ALREADY_SEEN;
                }
                Post made = posts.create(workspace, post, provenance, false);
                items.madePost(workspace, itemId, made.id());
                return Outcome.POSTED;
            });
        } catch (LimitReached e) {
            return skip(workspace, feed, itemId, item, now, "The plan's limit refused it: " + e.getMessage());
        } catch (InvalidInput e) {
            // PostRejected too: the accounts' rules, a disconnected account, a queue without a free slot.
            return skip(workspace, feed, itemId, item, now, e.getMessage());
        }
    }

    private Outcome skip(
            WorkspaceId workspace, Feed feed, UUID itemId, FeedDocument.Item item, Instant now, String reason) {
        boolean recorded =
                tenants.call(workspace, () -> items.record(workspace, feed.id(), itemId, item, "skipped", reason, now));
        return recorded ? Outcome.SKIPPED : Outcome.ALREADY_SEEN;
    }

    private NewPost newPost(WorkspaceId workspace, Feed feed, FeedDocument.Item item, Instant now) {
        List<Connection> accounts = feed.accounts().stream()
                .map(id -> connections.find(workspace, id))
                .flatMap(java.util.Optional::stream)
                .toList();
        URI link =
                item.link() == null ? null : ContentCheck.webLink(item.link()).orElse(null);
        // The post follows the workspace's link tagging, and is checked on its text as tagged for each account: the
        // text must fit with its links' UTM parameters ({post} is always eight characters, whichever post it is).
        LinkTagging.@Nullable Plan tagging = linkTagging.plan(workspace, null, PostId.random(), now);
        Predicate<String> fits = text -> accounts.stream().allMatch(account -> {
            SocialProvider platform = providers.find(account.provider()).orElse(null);
            if (platform == null) {
                return true;
            }
            String checked = tagging == null
                    ? text
                    : tagging.apply(text, link == null ? null : link.toString(), account.provider(), account.username())
                            .text();
            return ContentCheck.check(platform, account.externalId(), checked, link, List.of()).problems().stream()
                    .noneMatch(problem -> problem.code().equals("text.length"));
        });
        String body = FeedTemplate.fill(feed.template(), item.title(), item.link(), item.summary(), fits);
        List<NewPost.NewTarget> targets = feed.accounts().stream()
                .map(id -> new NewPost.NewTarget(id, null))
                .toList();
        boolean draft = feed.mode() == FeedMode.DRAFT;
        return new NewPost(
                body,
                link == null ? null : link.toString(),
                List.of(),
                targets,
                draft ? null : NewPost.QUEUE,
                null,
                draft,
                feed.tags());
    }

    private static String label(Feed feed) {
        String name = feed.name();
        return name.length() > 60 ? name.substring(0, 59) + "…" : name;
    }
}
