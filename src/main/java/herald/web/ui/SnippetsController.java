package herald.web.ui;

import herald.content.Snippets;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workspace's snippets: every member sees them, editors save, change and delete them. */
@Controller
class SnippetsController {

    private final Snippets snippets;

    SnippetsController(Snippets snippets) {
        this.snippets = snippets;
    }

    @GetMapping("/w/{slug}/snippets")
    String list(@RequestParam(required = false) @Nullable UUID edit, HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.member(request);
        model.addAttribute("section", "snippets");
        model.addAttribute("snippets", snippets.all(current.id()));
        model.addAttribute("editing", edit == null ? null : snippets.require(current.id(), edit));
        model.addAttribute("canEdit", current.roleAtLeast(Role.EDITOR));
        return "content/snippets";
    }

    @PostMapping("/w/{slug}/snippets")
    String save(
            @RequestParam(required = false) @Nullable UUID id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String body,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        String back = "redirect:/w/" + current.workspace().slug() + "/snippets";
        try {
            var saved = id == null
                    ? snippets.create(current.id(), name, body)
                    : snippets.update(current.id(), id, name, body);
            flash.addFlashAttribute("notice", "Snippet “" + saved.name() + "” saved.");
            return back;
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
            flash.addFlashAttribute("draftName", name);
            flash.addFlashAttribute("draftBody", body);
            return id == null ? back : back + "?edit=" + id;
        }
    }

    @PostMapping("/w/{slug}/snippets/{id}/delete")
    String delete(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        String name = snippets.require(current.id(), id).name();
        snippets.delete(current.id(), id);
        flash.addFlashAttribute("notice", "Snippet “" + name + "” deleted.");
        return "redirect:/w/" + current.workspace().slug() + "/snippets";
    }
}
