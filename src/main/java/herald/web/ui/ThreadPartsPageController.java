package herald.web.ui;

import herald.publishing.PostId;
import herald.publishing.TargetId;
import herald.publishing.ThreadRecovery;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
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
 * Editors settle a part of a post's thread from the post's page (docs/threads.md): publish a failed or unknown part
 * again, or give the address of an unknown one they found on the account. {@code part} counts as a person does: 2 for
 * the first part after the post's own text.
 */
@Controller
class ThreadPartsPageController {

    private final ThreadRecovery threads;

    ThreadPartsPageController(ThreadRecovery threads) {
        this.threads = threads;
    }

    @PostMapping("/w/{slug}/posts/{id}/targets/{target}/thread/{part}/publish-again")
    String publishAgain(
            @PathVariable UUID id,
            @PathVariable UUID target,
            @PathVariable int part,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            threads.publishAgain(current.id(), new PostId(id), new TargetId(target), part);
            flash.addFlashAttribute(
                    "notice", "Publishing part " + part + " of the thread again now; the parts after it follow.");
        } catch (Conflict | InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id;
    }

    @PostMapping("/w/{slug}/posts/{id}/targets/{target}/thread/{part}/confirm")
    String confirm(
            @PathVariable UUID id,
            @PathVariable UUID target,
            @PathVariable int part,
            @RequestParam String url,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            threads.confirm(current.id(), new PostId(id), new TargetId(target), part, url);
            flash.addFlashAttribute("notice", "Part " + part + " is marked as there; the thread goes on from it.");
        } catch (Conflict | InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id;
    }
}
