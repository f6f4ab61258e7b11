package herald.web.api.posts;

import herald.agents.Approvals;
import herald.connections.ConnectionId;
import herald.identity.ApiKeyScope;
import herald.publishing.AttemptHistory;
import herald.publishing.PostApprovals;
import herald.publishing.PostId;
import herald.publishing.PostQuery;
import herald.publishing.PostRecovery;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.publishing.TargetId;
import herald.publishing.UpcomingRepeats;
import herald.shared.InvalidInput;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import herald.web.api.scopes.RequiredScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
    private final PostRecovery recovery;
    private final AttemptHistory history;
    private final PostCheck checks;
    private final Approvals approvals;
    private final herald.publishing.PostRepeats repeats;
    private final UpcomingRepeats upcoming;
    private final PostApprovals decisions;

    PostController(
            Posts posts,
            PostRecovery recovery,
            AttemptHistory history,
            PostCheck checks,
            Approvals approvals,
            herald.publishing.PostRepeats repeats,
            UpcomingRepeats upcoming,
            PostApprovals decisions) {
        this.upcoming = upcoming;
        this.decisions = decisions;
        this.approvals = approvals;
        this.repeats = repeats;
        this.posts = posts;
        this.recovery = recovery;
        this.history = history;
        this.checks = checks;
    }

    /** A post on its own, with its targets' attempt logs. */
    private PostView view(herald.publishing.Post post) {
        var series = repeats.of(post.workspace(), post.id()).orElse(null);
        return PostView.of(
                post,
                history.of(post.workspace(), post.id()),
                series,
                series == null || !series.open()
                        ? List.of()
                        : upcoming.of(post.workspace(), post.id(), 5).stream()
                                .map(UpcomingRepeats.Upcoming::at)
                                .toList(),
                post.status() == PostStatus.DRAFT
                        ? decisions.sentBack(post.workspace(), post.id()).orElse(null)
                        : null);
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
                    + " taggedText and taggedLink show what it gets. Creating the post checks everything again.")
    PostCheck.Result check(CurrentWorkspace current, @Valid @RequestBody PostRequests.Create request) {
        var post = request.toPost();
        return checks.check(
                current.id(),
                post.body(),
                post.link(),
                post.media(),
                post.targets(),
                post.tagLinks(),
                post.firstComment());
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

    @PostMapping("/{postId}/retry")
    @Operation(
            operationId = "retryPost",
            summary = "Retry the failed targets",
            description = "Publishes the post's failed targets again now; 409 when none failed.")
    PostView retry(CurrentWorkspace current, @PathVariable UUID postId) {
        return view(recovery.retry(current.id(), new PostId(postId)));
    }

    @PostMapping("/{postId}/targets/{targetId}/mark-published")
    @Operation(
            operationId = "markTargetPublished",
            summary = "Confirm an unknown target is published",
            description = "For a target whose status is unknown: a person found it on the platform at url. When the"
                    + " address names the post's id (X, Facebook, LinkedIn, Sandbox; see docs/first-comments.md), its"
                    + " first comment is written under it; otherwise a waiting first comment fails at once, to be"
                    + " added on the platform by hand.")
    PostView markPublished(
            CurrentWorkspace current,
            @PathVariable UUID postId,
            @PathVariable UUID targetId,
            @Valid @RequestBody PostRequests.MarkPublished request) {
        return view(recovery.markPublished(current.id(), new PostId(postId), new TargetId(targetId), request.url()));
    }

    @PostMapping("/{postId}/targets/{targetId}/publish-again")
    @Operation(
            operationId = "publishTargetAgain",
            summary = "Publish an unknown target again",
            description = "For a target whose status is unknown: a person checked that the platform does not have"
                    + " it. Herald publishes it now without asking the platform first, so a copy may appear if it"
                    + " did have it.")
    PostView publishAgain(CurrentWorkspace current, @PathVariable UUID postId, @PathVariable UUID targetId) {
        return view(recovery.publishAgain(current.id(), new PostId(postId), new TargetId(targetId)));
    }

    @PostMapping("/{postId}/targets/{targetId}/comment/write-again")
    @Operation(
            operationId = "writeTargetCommentAgain",
            summary = "Write a first comment again",
            description = "For a target whose first comment failed, or whose outcome is unknown and a person did not"
                    + " find it under the post: Herald writes it now, without looking first. 409 otherwise.")
    PostView writeCommentAgain(CurrentWorkspace current, @PathVariable UUID postId, @PathVariable UUID targetId) {
        return view(recovery.writeCommentAgain(current.id(), new PostId(postId), new TargetId(targetId)));
    }

    @PostMapping("/{postId}/targets/{targetId}/comment/confirm")
    @Operation(
            operationId = "confirmTargetComment",
            summary = "Confirm an unknown first comment is there",
            description = "For a target whose first comment's outcome is unknown: a person found it under the post."
                    + " 409 otherwise.")
    PostView confirmComment(CurrentWorkspace current, @PathVariable UUID postId, @PathVariable UUID targetId) {
        return view(recovery.confirmComment(current.id(), new PostId(postId), new TargetId(targetId)));
    }

    static PostStatus status(String value) {
        try {
            return PostStatus.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "Unknown status '" + value + "'.");
        }
    }
}
