package herald.publishing;

import herald.shared.Conflict;
import herald.shared.NotFound;

/** Why a change of a post is refused, in the words every path that changes posts uses. */
final class PostRefusals {

    private PostRefusals() {}

    static NotFound notFound(PostId id) {
        return new NotFound("This workspace has no post " + id + ".");
    }

    static void requireEditable(Post post) {
        if (!post.status().editable()) {
            throw notEditable(post.status());
        }
    }

    static Conflict notEditable(PostStatus status) {
        return new Conflict(
                "status",
                "The post is " + status.value().replace('_', ' ') + "; only drafts and scheduled posts can be edited.");
    }

    static Conflict notPublishableNow(PostStatus status) {
        return new Conflict(
                "status",
                "The post is " + status.value().replace('_', ' ') + "; only a scheduled post can be published now"
                        + switch (status) {
                            case DRAFT -> ": edit it and choose Publish now.";
                            case PENDING_APPROVAL -> ", once it is approved.";
                            default -> ".";
                        });
    }

    static Conflict notAwaitingApproval(PostStatus status) {
        return new Conflict(
                "status",
                "The post is " + status.value().replace('_', ' ')
                        + "; only posts waiting for approval can be approved or rejected.");
    }
}
