package herald.web.api.posts;

import herald.publishing.PostId;
import herald.publishing.PostRecovery;
import herald.publishing.TargetId;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a person does about a post that did not go out as planned: retry its failed targets, settle a target whose
 * outcome Herald could not know, write a first comment again or confirm it is there.
 */
@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/posts")
@Tag(name = "Posts")
class PostRecoveryController {

    private final PostRecovery recovery;
    private final PostViews views;

    PostRecoveryController(PostRecovery recovery, PostViews views) {
        this.recovery = recovery;
        this.views = views;
    }

    private PostView view(herald.publishing.Post post) {
        return views.of(post);
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
}
