package herald.web.api.posts;

import herald.publishing.Evergreen;
import herald.publishing.PostId;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's evergreen library (docs/evergreen.md): published posts shared again into free queue slots. */
@RestController
@RequestMapping(ApiPaths.WORKSPACE)
@Tag(name = "Posts")
class EvergreenApiController {

    private final Evergreen evergreen;

    EvergreenApiController(Evergreen evergreen) {
        this.evergreen = evergreen;
    }

    @Schema(name = "EvergreenPost")
    record EntryView(
            UUID postId,
            String text,
            Instant addedAt,
            @Schema(description = "How many copies of it Herald has queued.") int shares,
            @Schema(description = "When the last copy was queued; null before the first.", nullable = true) @Nullable
                    Instant lastSharedAt,
            @Schema(description = "The last copy, which may be deleted since.", nullable = true) @Nullable
                    UUID lastCopyId,
            @Schema(
                            description = "Why the last fill could not share it (an account gone, the day's posts"
                                    + " used up), cleared by the next share; null when none.",
                            nullable = true)
                    @Nullable
                    String problem,
            @Schema(
                            description = "At most this many copies are queued; null: no limit.",
                            nullable = true,
                            minimum = "1",
                            maximum = "1000")
                    @Nullable
                    Integer maxShares,
            @Schema(
                            description = "The last day (in the workspace's time zone) a copy may be queued for;"
                                    + " null: no end.",
                            nullable = true)
                    @Nullable
                    LocalDate until,
            @Schema(
                            description = "Whether it reached its limits (all its shares made, or its last day past):"
                                    + " it stays in the library and is not queued again until its limits change.")
                    boolean done) {

        static EntryView of(Evergreen.Entry e) {
            return new EntryView(
                    e.post().value(),
                    e.text(),
                    e.addedAt(),
                    e.shares(),
                    e.lastSharedAt(),
                    e.lastCopy() == null ? null : e.lastCopy().value(),
                    e.problem(),
                    e.limits().maxShares(),
                    e.limits().until(),
                    e.done());
        }
    }

    @Schema(name = "EvergreenLimits")
    record LimitsBody(
            @Schema(description = "Queue at most this many copies (1-1000); absent or null: no limit.", nullable = true)
                    @Nullable
                    Integer maxShares,
            @Schema(
                            description = "The last day (ISO date, in the workspace's time zone) a copy may be queued"
                                    + " for; absent or null: no end. A day already past is refused.",
                            nullable = true)
                    @Nullable
                    LocalDate until) {}

    @Schema(name = "EvergreenLibrary")
    record LibraryView(
            @Schema(
                            description = "At most one share of a post every so many days; null: the queue is not"
                                    + " refilled (PATCH the workspace's evergreenEveryDays).",
                            nullable = true)
                    @Nullable
                    Integer everyDays,
            @Schema(
                            description = "The post shared longest ago (or never) first: the order Herald takes them"
                                    + " in; those done with their limits last.")
                    List<EntryView> items) {}

    @GetMapping("/evergreen")
    @Operation(
            operationId = "listEvergreenPosts",
            summary = "The evergreen library",
            description = "Its posts, the one shared longest ago first, and how often the queue is refilled from it.")
    LibraryView list(CurrentWorkspace current) {
        return new LibraryView(
                evergreen.every(current.id()),
                evergreen.list(current.id()).stream().map(EntryView::of).toList());
    }

    @PutMapping("/posts/{postId}/evergreen")
    @Operation(
            operationId = "keepPostEvergreen",
            summary = "Keep a published post in the evergreen library",
            description = "While the workspace refills its queue, a copy of it is queued into a free slot of the next"
                    + " day now and then, on the accounts it was published to. 409 unless it is published. Without a"
                    + " body, a post already kept stays as it is; with one, its limits are replaced by the body's"
                    + " (maxShares, until; either absent is no limit), and a post done with its limits is shared again"
                    + " once the new ones allow.")
    EntryView keep(
            CurrentWorkspace current,
            @PathVariable UUID postId,
            @RequestBody(required = false) @Nullable LimitsBody body) {
        PostId post = new PostId(postId);
        return EntryView.of(
                body == null
                        ? evergreen.add(current.id(), post)
                        : evergreen.add(current.id(), post, new Evergreen.Limits(body.maxShares(), body.until())));
    }

    @DeleteMapping("/posts/{postId}/evergreen")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "removeEvergreenPost",
            summary = "Take a post out of the evergreen library",
            description = "Its copies stay as they are. 204 whether or not it was there.")
    void remove(CurrentWorkspace current, @PathVariable UUID postId) {
        evergreen.remove(current.id(), new PostId(postId));
    }
}
