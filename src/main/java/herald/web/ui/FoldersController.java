package herald.web.ui;

import herald.assets.Folder;
import herald.assets.FolderId;
import herald.assets.Folders;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The folder forms of the asset library page: create, rename, move, delete, and restore the default folders. */
@Controller
class FoldersController {

    private final Folders folders;

    FoldersController(Folders folders) {
        this.folders = folders;
    }

    @PostMapping("/w/{slug}/folders")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable String parent,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            Folder folder = folders.create(current.id(), blank(parent) ? null : FolderId.of(parent), name);
            flash.addFlashAttribute("notice", "Folder '" + folder.name() + "' created.");
            return AssetsController.redirect(current, "folder=" + folder.id());
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
            return AssetsController.redirect(current, blank(parent) ? null : "folder=" + FolderId.of(parent));
        }
    }

    @PostMapping("/w/{slug}/folders/{id}/rename")
    String rename(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String name,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        FolderId folder = FolderId.of(id);
        try {
            folders.rename(current.id(), folder, name);
            flash.addFlashAttribute("notice", "Folder renamed.");
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return AssetsController.redirect(current, "folder=" + folder);
    }

    @PostMapping("/w/{slug}/folders/{id}/move")
    String move(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String parent,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        FolderId folder = FolderId.of(id);
        try {
            folders.move(current.id(), folder, blank(parent) ? null : FolderId.of(parent));
            flash.addFlashAttribute("notice", "Folder moved.");
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return AssetsController.redirect(current, "folder=" + folder);
    }

    @PostMapping("/w/{slug}/folders/{id}/delete")
    String delete(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean confirm,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        FolderId folder = FolderId.of(id);
        try {
            folders.delete(current.id(), folder, confirm);
            flash.addFlashAttribute("notice", "Folder deleted.");
            return AssetsController.redirect(current, null);
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
            return AssetsController.redirect(current, "folder=" + folder);
        }
    }

    @PostMapping("/w/{slug}/folders/defaults")
    String defaults(HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        int created = folders.createDefaults(current.id()).size();
        flash.addFlashAttribute(
                "notice", created == 0 ? "All default folders are there." : created + " default folder(s) created.");
        return AssetsController.redirect(current, null);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
