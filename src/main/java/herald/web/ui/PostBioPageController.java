package herald.web.ui;

import herald.publishing.BioPagePosts;
import herald.publishing.PostId;
import herald.shared.Conflict;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Editors take a post off the workspace's link-in-bio page or put it back, and pin it to the top, from its page. */
@Controller
class PostBioPageController {

    private final BioPagePosts bio;

    PostBioPageController(BioPagePosts bio) {
        this.bio = bio;
    }

    @PostMapping("/w/{slug}/posts/{id}/bio-page")
    String show(
            @PathVariable UUID id, @RequestParam boolean shown, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        bio.show(current.id(), new PostId(id), shown);
        flash.addFlashAttribute(
                "notice",
                shown
                        ? "Back on the link-in-bio page."
                        : "Taken off the link-in-bio page; the rest of the post is as it was.");
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id + "#bio-page";
    }

    @PostMapping("/w/{slug}/posts/{id}/bio-page/pin")
    String pin(
            @PathVariable UUID id, @RequestParam boolean pinned, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            bio.pin(current.id(), new PostId(id), pinned);
            flash.addFlashAttribute(
                    "notice",
                    pinned
                            ? "Pinned to the top of the link-in-bio page."
                            : "Unpinned: it takes its place among the newest posts again.");
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id + "#bio-page";
    }
}
