package herald.web.ui;

import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.Posts;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Share again": a copy of a post (its text, per-account texts, accounts, media, link and tags) added to the queue in
 * one click, as Buffer's re-buffer does for what did well. The copy is a new post, checked as any new post is.
 */
@Controller
class PostCopiesController {

    private final Posts posts;

    PostCopiesController(Posts posts) {
        this.posts = posts;
    }

    @PostMapping("/w/{slug}/posts/{id}/requeue")
    String requeue(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        Post original = posts.get(current.id(), new PostId(id));
        String base = "redirect:/w/" + current.workspace().slug() + "/posts/";
        try {
            Post copy = posts.create(current.id(), NewPost.queuedCopyOf(original));
            flash.addFlashAttribute(
                    "notice",
                    "A copy was added to the queue for "
                            + new WorkspaceTime(current.workspace().timezone()).local(copy.scheduledAt())
                            + (copy.status() == herald.publishing.PostStatus.PENDING_APPROVAL
                                    ? "; it waits for an owner's or admin's approval."
                                    : "."));
            return base + copy.id();
        } catch (InvalidInput | LimitReached e) {
            flash.addFlashAttribute("problem", "No copy was queued: " + e.getMessage());
            return base + id;
        }
    }
}
