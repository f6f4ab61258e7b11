package herald.web.api.posts;

import herald.publishing.PostId;
import herald.publishing.Posts;
import herald.publishing.TargetId;
import herald.publishing.ThreadRecovery;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a person does about a part of a post's thread that did not go out as planned (docs/threads.md): publish it
 * again, or say where it is when Herald could not tell whether the platform took it.
 */
@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/posts")
@Tag(name = "Posts")
class ThreadPartsController {

    private final ThreadRecovery threads;
    private final Posts posts;
    private final PostViews views;

    ThreadPartsController(ThreadRecovery threads, Posts posts, PostViews views) {
        this.threads = threads;
        this.posts = posts;
        this.views = views;
    }

    @Schema(name = "ThreadPartFound")
    record Found(@Schema(description = "The part's own address on the platform.") @Nullable String url) {}

    @PostMapping("/{postId}/targets/{targetId}/thread/{part}/publish-again")
    @Operation(
            operationId = "publishThreadPartAgain",
            summary = "Publish a part of a thread again",
            description = "For a part (2 for the first after the post's own text) that failed, or whose outcome is"
                    + " unknown and a person did not find it on the account: Herald publishes it now as a reply to"
                    + " the part before, without looking first, and the parts after it follow. 409 otherwise.")
    PostView publishAgain(
            CurrentWorkspace current, @PathVariable UUID postId, @PathVariable UUID targetId, @PathVariable int part) {
        PostId post = new PostId(postId);
        threads.publishAgain(current.id(), post, new TargetId(targetId), part);
        return views.of(posts.get(current.id(), post));
    }

    @PostMapping("/{postId}/targets/{targetId}/thread/{part}/confirm")
    @Operation(
            operationId = "confirmThreadPart",
            summary = "Say where a part of a thread is",
            description = "For a part whose outcome is unknown that a person found on the account: its address (X:"
                    + " https://x.com/{account}/status/{id}), which must name its id, since the next part answers"
                    + " it; 400 when it does not, 409 unless the part's outcome is unknown.")
    PostView confirm(
            CurrentWorkspace current,
            @PathVariable UUID postId,
            @PathVariable UUID targetId,
            @PathVariable int part,
            @RequestBody Found found) {
        PostId post = new PostId(postId);
        threads.confirm(current.id(), post, new TargetId(targetId), part, found.url());
        return views.of(posts.get(current.id(), post));
    }
}
