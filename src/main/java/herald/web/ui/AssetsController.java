package herald.web.ui;

import herald.assets.Asset;
import herald.assets.AssetId;
import herald.assets.AssetRejected;
import herald.assets.Assets;
import herald.assets.FolderId;
import herald.assets.Upload;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The asset library page: a folder tree, a searchable grid with multi-select (move, tag, delete), and a drop zone
 * whose script uploads each file on its own request with a progress bar ({@code /assets-ui/assets.js}).
 */
@Controller
class AssetsController {

    private final Assets assets;
    private final AssetsPage page;

    AssetsController(Assets assets, AssetsPage page) {
        this.assets = assets;
        this.page = page;
    }

    @GetMapping("/w/{slug}/assets")
    String library(
            @RequestParam(required = false) @Nullable String folder,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String type,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.member(request);
        try {
            return page.render(current, model, new AssetsPage.Search(folder, q, tag, type));
        } catch (InvalidInput e) {
            model.addAttribute("problem", e.getMessage());
            return page.render(current, model, new AssetsPage.Search(folder, null, null, null));
        }
    }

    /** One file of the drop zone; answers JSON for the script: the asset, or what was wrong with the file. */
    @PostMapping("/w/{slug}/assets/upload")
    @ResponseBody
    ResponseEntity<Map<String, Object>> upload(
            @RequestParam String folder,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String tags,
            HttpServletRequest request) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        if (file == null) {
            return refused(HttpStatus.BAD_REQUEST, "Choose a file to upload.");
        }
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            Asset asset = assets.upload(current.id(), FolderId.of(folder), in, new Upload(name, List.of(tags), "", ""));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(Map.of("id", asset.id().toString(), "filename", asset.filename()));
        } catch (AssetRejected e) {
            return refused(HttpStatus.UNPROCESSABLE_CONTENT, name + ": " + e.getMessage());
        } catch (LimitReached | InvalidInput | Conflict e) {
            return refused(HttpStatus.UNPROCESSABLE_CONTENT, name + ": " + e.getMessage());
        } catch (NotFound e) {
            return refused(HttpStatus.NOT_FOUND, "This folder no longer exists. Reload the page.");
        } catch (IOException e) {
            return refused(HttpStatus.BAD_REQUEST, name + ": the upload was interrupted. Try again.");
        }
    }

    /** The grid's multi-select actions. */
    @PostMapping("/w/{slug}/assets/bulk")
    String bulk(
            @RequestParam(name = "ids", required = false) @Nullable List<String> ids,
            @RequestParam String action,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(defaultValue = "") String tags,
            @RequestParam(required = false) @Nullable String back,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("problem", "Select at least one asset first.");
            return redirect(current, back);
        }
        List<AssetId> selected = ids.stream().map(AssetId::of).toList();
        try {
            switch (action) {
                case "move" -> {
                    if (target == null || target.isBlank()) {
                        throw new InvalidInput("target", "Choose the folder to move the assets to.");
                    }
                    assets.move(current.id(), selected, FolderId.of(target));
                    flash.addFlashAttribute("notice", count(selected) + " moved.");
                }
                case "tag" -> {
                    assets.retag(current.id(), selected, List.of(tags), List.of());
                    flash.addFlashAttribute("notice", count(selected) + " tagged.");
                }
                case "untag" -> {
                    assets.retag(current.id(), selected, List.of(), List.of(tags));
                    flash.addFlashAttribute("notice", "Tags removed from " + count(selected) + ".");
                }
                case "delete" -> {
                    assets.delete(current.id(), selected);
                    flash.addFlashAttribute("notice", count(selected) + " deleted.");
                }
                default -> flash.addFlashAttribute("problem", "Unknown action.");
            }
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return redirect(current, back);
    }

    /** The edit fields of one card: tags, alt text, description. */
    @PostMapping("/w/{slug}/assets/{id}/describe")
    String describe(
            @org.springframework.web.bind.annotation.PathVariable String id,
            @RequestParam(defaultValue = "") String tags,
            @RequestParam(defaultValue = "") String altText,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) @Nullable String back,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            Asset asset = assets.describe(current.id(), AssetId.of(id), List.of(tags), altText, description);
            flash.addFlashAttribute("notice", asset.filename() + " saved.");
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return redirect(current, back);
    }

    private static String count(List<AssetId> ids) {
        return ids.size() == 1 ? "1 asset" : ids.size() + " assets";
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(Map.of("detail", detail));
    }

    /** Back to the library, keeping the folder and search in view ({@code back} is a query string of this page). */
    static String redirect(CurrentWorkspace current, @Nullable String back) {
        String query = back != null && back.matches("[A-Za-z0-9=&%._+-]*") ? back : "";
        return "redirect:/w/" + current.workspace().slug() + "/assets" + (query.isEmpty() ? "" : "?" + query);
    }
}
