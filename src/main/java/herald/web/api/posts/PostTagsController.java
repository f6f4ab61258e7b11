package herald.web.api.posts;

import herald.publishing.PostId;
import herald.publishing.PostTags;
import herald.publishing.Posts;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/posts")
@Tag(
        name = "Post tags",
        description = "The workspace's own labels on its posts (a campaign, a product line, a content pillar), matched"
                + " in any case; a post's tags change in any status. List posts with ?tag= to filter by one.")
class PostTagsController {

    private final PostTags tags;
    private final Posts posts;

    PostTagsController(PostTags tags, Posts posts) {
        this.tags = tags;
        this.posts = posts;
    }

    @Schema(name = "TagCount")
    record Count(String tag, int posts) {}

    @Schema(name = "TagCounts")
    record Counts(List<Count> items) {}

    @GetMapping("/tags")
    @Operation(
            operationId = "listPostTags",
            summary = "The workspace's tags",
            description = "With how many posts (cancelled ones left out) carry each, the most used first.")
    Counts all(CurrentWorkspace current) {
        return new Counts(tags.all(current.id()).stream()
                .map(c -> new Count(c.tag(), c.posts()))
                .toList());
    }

    @PutMapping("/{postId}/tags")
    @Operation(operationId = "replacePostTags", summary = "Replace a post's tags", description = "In any status.")
    PostView replace(CurrentWorkspace current, @PathVariable UUID postId, @Valid @RequestBody PostRequests.Tags body) {
        PostId id = new PostId(postId);
        tags.replace(current.id(), id, body.tags());
        return PostView.of(posts.get(current.id(), id));
    }
}
