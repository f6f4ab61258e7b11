package herald.web.ui;

import herald.audit.Actor;
import herald.audit.AuditContext;
import herald.publishing.PostId;
import herald.publishing.PostNote;
import herald.publishing.PostNotes;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Notes on a post's page: every member, viewers (a client reviewing) included, adds them; a note is removed by its
 * author or an admin.
 */
@Controller
class PostNotesPageController {

    private final PostNotes notes;

    PostNotesPageController(PostNotes notes) {
        this.notes = notes;
    }

    /** A note as the post's page shows it: whether the member may remove it. */
    public record Row(PostNote note, boolean removable) {}

    /** The post's notes for the member looking at its page. */
    static List<Row> rows(PostNotes notes, CurrentWorkspace current, PostId post) {
        Actor me = AuditContext.actor();
        boolean admin = current.roleAtLeast(Role.ADMIN);
        return notes.of(current.id(), post).stream()
                .map(note -> new Row(note, admin || PostNotes.wroteIt(me, note)))
                .toList();
    }

    @PostMapping("/w/{slug}/posts/{id}/notes")
    String add(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.member(request);
        try {
            notes.add(current.id(), new PostId(id), body);
            flash.addFlashAttribute("notice", "Note added.");
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
            flash.addFlashAttribute("noteDraft", body);
        }
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id + "#notes";
    }

    @PostMapping("/w/{slug}/posts/{id}/notes/{note}/remove")
    String remove(
            @PathVariable UUID id, @PathVariable UUID note, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.member(request);
        notes.remove(current.id(), new PostId(id), note, current.roleAtLeast(Role.ADMIN));
        flash.addFlashAttribute("notice", "Note removed.");
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id + "#notes";
    }
}
