package herald.web.api.posts;

import herald.agents.Approvals;
import herald.connections.ConnectionId;
import herald.identity.ApiKeyScope;
import herald.publishing.PostId;
import herald.publishing.PostQuery;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.shared.InvalidInput;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import herald.web.api.scopes.RequiredScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/posts")
@Tag(
        name = "Posts",
        description = "Compose, schedule and publish posts to the workspace's connected accounts. Each target is"
                + " published once: an attempt whose outcome is unclear is checked against the platform before any"
                + " retry, and becomes 'unknown' (for a person to settle) when the platform cannot tell.")
class PostController {

    private static final String LISTING = "posts";

    private final Posts posts;
    private final PostCheck checks;
    private final Approvals approvals;
    private final herald.publishing.PostRepeats repeats;
    private final PostViews views;

    PostController(
            Posts posts,
            PostCheck checks,
            Approvals approvals,
            herald.publishing.PostRepeats repeats,
            PostViews views) {
        this.approvals = approvals;
        this.repeats = repeats;
        this.posts = posts;
        this.checks = checks;
        this.views = views;
    }

    private PostView view(herald.publishing.Post post) {
        return views.of(post);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createPost",
            summary = "Create a post",
            description = "Validated against every target's rules (text length, media kinds, counts and sizes, active"
                    + " connection); a violation answers 400 with one entry per target and rule in 'violations', and"
                    + " nothing is saved. Without scheduledAt it is published now. A draft is saved without those"
                    + " checks. The plan's posts per day are counted on the day it is due.")
    PostView create(CurrentWorkspace current, @Valid @RequestBody PostRequests.Create request) {
        return view(posts.create(current.id(), request.toPost()));
    }

    @PostMapping("/check")
    @RequiredScope(ApiKeyScope.READ)
    @Operation(
            operationId = "checkPost",
            summary = "Check a post without saving it",
            description = "For each target: the text's length as its platform counts it (X's weighted count), the"
                    + " limit, and what the platform would refuse, in plain words. Takes the body of createPost;"
                    + " saves nothing. Targets the workspace does not have are left out. When its links are tagged"
                    + " (tagLinks, or the workspace's default), each target is checked as it will be sent, and its"
                    + " taggedText and taggedLink show what it gets; so are its short links (shortenLinks, or the"
                    + " workspace's setting), counted at their length. Creating the post checks everything again.")
    PostCheck.Result check(CurrentWorkspace current, @Valid @RequestBody PostRequests.Create request) {
        var post = request.toPost();
        return checks.check(
                current.id(),
                post.body(),
                post.link(),
                post.media(),
                post.targets(),
                post.tagLinks(),
                post.shortenLinks(),
                post.firstComment(),
                post.threadContent());
    }

    @GetMapping
    @Operation(
            operationId = "listPosts",
            summary = "List posts",
            description = "Newest due first (unscheduled drafts by creation). Filters: status, connectionId, a due"
                    + " range [from, to), tag (in any case), and q: words (at most 8, 200 characters in all) each of"
                    + " which the post's text or one of its per-platform texts contains, in any case.")
    Page<PostView> list(
            CurrentWorkspace current,
            @Valid PageRequest page,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID connectionId,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String tag) {
        PostStatus wanted = status == null ? null : status(status);
        record After(Instant time, PostId id) {}
        After after = page.after(
                LISTING, 2, parts -> new After(Instant.parse(parts.get(0)), new PostId(UUID.fromString(parts.get(1)))));
        var found = posts.list(
                current.id(),
                new PostQuery(
                        wanted,
                        connectionId == null ? null : new ConnectionId(connectionId),
                        from,
                        to,
                        after == null ? null : after.time(),
                        after == null ? null : after.id(),
                        page.fetchSize(),
                        q,
                        tag));
        return page.page(
                found,
                PostView::of,
                LISTING,
                p -> List.of(
                        (p.scheduledAt() == null ? p.createdAt() : p.scheduledAt()).toString(), p.id().toString()));
    }

    @GetMapping("/{postId}")
    @Operation(
            operationId = "getPost",
            summary = "Get a post",
            description = "With each target's status, number of attempts, platform post id and URL, last error, and"
                    + " its attempt log: each attempt's number, start and end, node, outcome and error.")
    PostView get(CurrentWorkspace current, @PathVariable UUID postId) {
        return view(posts.get(current.id(), new PostId(postId)));
    }

    @PatchMapping("/{postId}")
    @Operation(
            operationId = "editPost",
            summary = "Edit or reschedule a post",
            description = "Only drafts and scheduled posts; 409 once it is publishing. Fields left out stay; targets"
                    + " replaces them all. A scheduled post is validated again.")
    PostView edit(CurrentWorkspace current, @PathVariable UUID postId, @Valid @RequestBody PostRequests.Edit request) {
        return view(posts.edit(current.id(), new PostId(postId), request.toChanges()));
    }

    @PostMapping("/{postId}/cancel")
    @Operation(operationId = "cancelPost", summary = "Cancel a post", description = "409 once it is publishing.")
    PostView cancel(CurrentWorkspace current, @PathVariable UUID postId) {
        return view(posts.cancel(current.id(), new PostId(postId)));
    }

    /** A day to take out of a series. */
    record SkipRequest(@Schema(description = "A local day the series posts on, e.g. 2026-12-24.") LocalDate date) {}

    @PostMapping("/{postId}/repeat/skips")
    @Operation(
            operationId = "skipRepeatDay",
            summary = "Skip one coming day of a repeating post's series",
            description = "No post is made that day; the series goes on with the next (a holiday, a closed kitchen)."
                    + " Any post of the series names it. Answers the post; 400 for a day the series does not post on"
                    + " in the coming year, 409 when the post does not repeat or its series ended.")
    PostView skip(CurrentWorkspace current, @PathVariable UUID postId, @RequestBody SkipRequest request) {
        if (request.date() == null) {
            throw new herald.shared.InvalidInput("date", "Give the day to skip, e.g. 2026-12-24.");
        }
        repeats.skip(current.id(), new PostId(postId), request.date());
        return view(posts.get(current.id(), new PostId(postId)));
    }

    @DeleteMapping("/{postId}/repeat/skips/{date}")
    @Operation(
            operationId = "unskipRepeatDay",
            summary = "Put a skipped day back into the series",
            description =
                    "Its post is made after all. Answers the post; 409 when it does not repeat or its series ended.")
    PostView unskip(CurrentWorkspace current, @PathVariable UUID postId, @PathVariable LocalDate date) {
        repeats.unskip(current.id(), new PostId(postId), date);
        return view(posts.get(current.id(), new PostId(postId)));
    }

    @PostMapping("/{postId}/publish-now")
    @Operation(
            operationId = "publishPostNow",
            summary = "Publish a scheduled post now",
            description = "Instead of at its time: it goes out within seconds, as a post published now does. A move in"
                    + " time, so an approved post needs no approval again. 409 unless it is scheduled (a draft is"
                    + " scheduled with a PATCH; a post awaiting approval waits for it).")
    PostView publishNow(CurrentWorkspace current, @PathVariable UUID postId) {
        return view(posts.publishNow(current.id(), new PostId(postId)));
    }

    @PostMapping("/{postId}/approve")
    @Operation(
            operationId = "approvePost",
            summary = "Approve a post awaiting approval",
            description = "Validates it again and schedules it (publishes it now when its time has passed). To change"
                    + " it first, PATCH it: it keeps waiting. 409 unless it is pending_approval; 403 when the"
                    + " workspace's approval workflow leaves the decision to owners and admins and the key lacks the"
                    + " admin scope.")
    PostView approve(CurrentWorkspace current, @PathVariable UUID postId) {
        return view(approvals.approve(current.id(), new PostId(postId), null, null));
    }

    @PostMapping("/{postId}/reject")
    @Operation(
            operationId = "rejectPost",
            summary = "Reject a post awaiting approval",
            description = "Cancels it with a note saying why; it is never published. 409 unless it is"
                    + " pending_approval; 403 as for approving.")
    PostView reject(
            CurrentWorkspace current, @PathVariable UUID postId, @Valid @RequestBody PostRequests.Reject request) {
        return view(approvals.reject(current.id(), new PostId(postId), null, request.note()));
    }

    @PostMapping("/{postId}/stop-repeating")
    @Operation(
            operationId = "stopRepeatingPost",
            summary = "Stop a post repeating",
            description = "Ends its series at the latest post: none is made after it. One already made stays (cancel it"
                    + " to skip it). 409 when it does not repeat or its series already ended.")
    PostView stopRepeating(CurrentWorkspace current, @PathVariable UUID postId) {
        repeats.stop(current.id(), new PostId(postId));
        return view(posts.get(current.id(), new PostId(postId)));
    }

    static PostStatus status(String value) {
        try {
            return PostStatus.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "Unknown status '" + value + "'.");
        }
    }
}
