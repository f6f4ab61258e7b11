package herald.web.api.feeds;

import herald.connections.ConnectionId;
import herald.feeds.Feed;
import herald.feeds.FeedCheck;
import herald.feeds.FeedId;
import herald.feeds.FeedItem;
import herald.feeds.Feeds;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.paging.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

// Named: the sandbox has a FeedController (its public feed page).
@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/feeds")
@Tag(
        name = "Feeds",
        description = "RSS and Atom feeds whose new items become posts for chosen accounts, as drafts or queued in the"
                + " posting schedule. See docs/feeds.md.")
class FeedApiController {

    static final int RECENT = 20;

    private final Feeds feeds;

    FeedApiController(Feeds feeds) {
        this.feeds = feeds;
    }

    @Schema(name = "Feed")
    record View(
            UUID id,
            String url,
            @Schema(description = "The feed's own title, from its last good check.") String title,
            @Schema(description = "The connections its posts go to.") List<UUID> accounts,
            @Schema(description = "draft or queue.") String mode,
            String template,
            List<String> tags,
            boolean enabled,
            @Schema(description = "active, failing or paused.") String status,
            @Nullable Instant lastCheckedAt,
            @Nullable Instant nextCheckAt,
            @Nullable String lastError,
            @Schema(description = "Failed checks in a row.") int failures,
            Instant createdAt,
            @Schema(description = "The newest items its checks saw; only in a single feed's answer.", nullable = true)
                    @Nullable
                    List<Item> recentItems) {

        static View of(Feed f, @Nullable List<FeedItem> items) {
            return new View(
                    f.id().value(),
                    f.url(),
                    f.title(),
                    f.accounts().stream().map(ConnectionId::value).toList(),
                    f.mode().value(),
                    f.template(),
                    f.tags(),
                    f.enabled(),
                    f.status(),
                    f.lastCheckedAt(),
                    f.nextCheckAt(),
                    f.lastError(),
                    f.failures(),
                    f.createdAt(),
                    items == null ? null : items.stream().map(Item::of).toList());
        }
    }

    @Schema(name = "FeedItem")
    record Item(
            UUID id,
            String title,
            @Nullable String link,
            @Nullable Instant publishedAt,
            @Schema(description = "seen (there when the feed was added), posted or skipped.") String outcome,
            @Schema(description = "The post it made, while it exists.") @Nullable UUID postId,
            @Schema(description = "Why it was not posted.") @Nullable String reason,
            Instant seenAt) {

        static Item of(FeedItem i) {
            return new Item(
                    i.id(),
                    i.title(),
                    i.link(),
                    i.publishedAt(),
                    i.outcome(),
                    i.post() == null ? null : i.post().value(),
                    i.reason(),
                    i.seenAt());
        }
    }

    @Schema(name = "NewFeed")
    record Create(
            @Schema(description = "An http(s) feed URL on a public host.", example = "https://example.com/feed.xml")
                    @Nullable
                    String url,
            @Schema(description = "1 to 20 connection ids.") @Nullable List<UUID> accounts,
            @Schema(description = "draft (default) or queue.", nullable = true) @Nullable String mode,
            @Schema(description = "With {title}, {link} and {summary}; default '{title} {link}'.", nullable = true)
                    @Nullable
                    String template,
            @Nullable List<String> tags) {}

    @Schema(name = "FeedChange", description = "Only the fields given change.")
    record Change(
            @Nullable List<UUID> accounts,
            @Nullable String mode,
            @Nullable String template,
            @Nullable List<String> tags,
            @Schema(description = "false pauses it; true resumes it, its failures forgotten.") @Nullable
                    Boolean enabled) {}

    @Schema(name = "FeedCheck")
    record Check(
            @Schema(description = "checked, not_modified or failed.") String result,
            int newItems,
            int posted,
            int skipped,
            @Nullable String error) {

        static Check of(FeedCheck c) {
            return new Check(c.result(), c.newItems(), c.posted(), c.skipped(), c.error());
        }
    }

    @GetMapping
    @Operation(operationId = "listFeeds", summary = "List the feeds", description = "Oldest first.")
    Page<View> list(CurrentWorkspace current) {
        return new Page<>(
                feeds.all(current.id()).stream().map(f -> View.of(f, null)).toList(), null);
    }

    @PostMapping
    @Operation(
            operationId = "createFeed",
            summary = "Add a feed",
            description = "The URL is fetched once: a URL that is not a feed, cannot be reached or is internal is a"
                    + " 400 naming the reason. The items already in the feed are recorded as seen; only later items"
                    + " become posts.")
    ResponseEntity<View> create(CurrentWorkspace current, @RequestBody Create request, HttpServletRequest http) {
        Feed feed = feeds.add(
                current.id(),
                request.url(),
                new Feeds.Settings(
                        accounts(request.accounts()),
                        request.mode() == null ? "draft" : request.mode(),
                        request.template(),
                        request.tags()));
        return ResponseEntity.created(URI.create(http.getRequestURI() + "/" + feed.id()))
                .body(View.of(feed, feeds.recentItems(current.id(), feed.id(), RECENT)));
    }

    @GetMapping("/{feedId}")
    @Operation(operationId = "getFeed", summary = "Get a feed with its recent items")
    View get(CurrentWorkspace current, @PathVariable UUID feedId) {
        FeedId id = new FeedId(feedId);
        return View.of(feeds.require(current.id(), id), feeds.recentItems(current.id(), id, RECENT));
    }

    @PatchMapping("/{feedId}")
    @Operation(operationId = "changeFeed", summary = "Change, pause or resume a feed")
    View change(CurrentWorkspace current, @PathVariable UUID feedId, @RequestBody Change change) {
        FeedId id = new FeedId(feedId);
        if (change.accounts() != null || change.mode() != null || change.template() != null || change.tags() != null) {
            feeds.change(
                    current.id(),
                    id,
                    new Feeds.Settings(accounts(change.accounts()), change.mode(), change.template(), change.tags()));
        }
        if (change.enabled() != null) {
            feeds.setEnabled(current.id(), id, change.enabled());
        }
        return View.of(feeds.require(current.id(), id), feeds.recentItems(current.id(), id, RECENT));
    }

    @DeleteMapping("/{feedId}")
    @Operation(operationId = "deleteFeed", summary = "Delete a feed", description = "The posts it made stay.")
    ResponseEntity<Void> delete(CurrentWorkspace current, @PathVariable UUID feedId) {
        feeds.delete(current.id(), new FeedId(feedId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{feedId}/check")
    @Operation(
            operationId = "checkFeed",
            summary = "Check a feed now",
            description = "Fetches it and turns its new items into posts at once; a paused feed is a 409.")
    Check check(CurrentWorkspace current, @PathVariable UUID feedId) {
        return Check.of(feeds.checkNow(current.id(), new FeedId(feedId)));
    }

    private static @Nullable List<ConnectionId> accounts(@Nullable List<UUID> ids) {
        return ids == null
                ? null
                : ids.stream()
                        .map(id -> id == null ? null : new ConnectionId(id))
                        .toList();
    }
}
