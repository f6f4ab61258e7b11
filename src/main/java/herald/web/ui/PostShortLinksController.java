package herald.web.ui;

import herald.publishing.PostId;
import herald.publishing.ShortLinks;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editors turn one of a post's short links off from the post's page (its destination went bad after the post went
 * out), or on again. See {@link ShortLinks#turnOff}, docs/short-links.md.
 */
@Controller
class PostShortLinksController {

    private final ShortLinks links;

    PostShortLinksController(ShortLinks links) {
        this.links = links;
    }

    @PostMapping("/w/{slug}/posts/{id}/links/{code}")
    String turnOff(
            @PathVariable UUID id,
            @PathVariable String code,
            @RequestParam boolean off,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        links.turnOff(current.id(), new PostId(id), code, off);
        flash.addFlashAttribute(
                "notice",
                off
                        ? "The short link is off: readers who follow it are told it was turned off, and nothing is"
                                + " counted."
                        : "The short link leads on again.");
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id + "#links";
    }
}
