package herald.web.api.assets;

import herald.assets.FolderId;
import herald.assets.Folders;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.paging.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/folders")
@Tag(name = "Asset folders", description = "The folder tree of the workspace's asset library.")
class FolderController {

    private final Folders folders;

    FolderController(Folders folders) {
        this.folders = folders;
    }

    @GetMapping
    @Operation(
            operationId = "listFolders",
            summary = "List folders",
            description = "The whole tree as one flat page, by name; parentId links each folder to its parent.")
    Page<FolderView> list(CurrentWorkspace current) {
        return new Page<>(folders.all(current.id()).stream().map(FolderView::of).toList(), null);
    }

    @PostMapping
    @Operation(
            operationId = "createFolder",
            summary = "Create a folder",
            description = "At the top level, or under parentId. Names are unique among siblings and contain no '/'.")
    ResponseEntity<FolderView> create(
            CurrentWorkspace current, @RequestBody FolderRequests.Create request, HttpServletRequest http) {
        var folder = folders.create(
                current.id(), request.parentId() == null ? null : new FolderId(request.parentId()), request.name());
        return ResponseEntity.created(URI.create(http.getRequestURI() + "/" + folder.id()))
                .body(FolderView.of(folder));
    }

    @PostMapping("/defaults")
    @Operation(
            operationId = "createDefaultFolders",
            summary = "Create the default folders",
            description = "Creates whichever of Food, Drinks, Restaurant and Seasonal is missing at the top level and"
                    + " answers the folders it created (none when all exist).")
    Page<FolderView> defaults(CurrentWorkspace current) {
        return new Page<>(
                folders.createDefaults(current.id()).stream()
                        .map(FolderView::of)
                        .toList(),
                null);
    }

    @GetMapping("/{folderId}")
    @Operation(operationId = "getFolder", summary = "Get a folder")
    FolderView get(CurrentWorkspace current, @PathVariable UUID folderId) {
        return FolderView.of(folders.require(current.id(), new FolderId(folderId)));
    }

    @PatchMapping("/{folderId}")
    @Operation(operationId = "renameFolder", summary = "Rename a folder")
    FolderView rename(
            CurrentWorkspace current, @PathVariable UUID folderId, @RequestBody FolderRequests.Rename request) {
        return FolderView.of(folders.rename(current.id(), new FolderId(folderId), request.name()));
    }

    @PostMapping("/{folderId}/move")
    @Operation(
            operationId = "moveFolder",
            summary = "Move a folder",
            description = "Under parentId, or to the top level when parentId is null. Never into itself or one of"
                    + " its subfolders.")
    FolderView move(CurrentWorkspace current, @PathVariable UUID folderId, @RequestBody FolderRequests.Move request) {
        return FolderView.of(folders.move(
                current.id(),
                new FolderId(folderId),
                request.parentId() == null ? null : new FolderId(request.parentId())));
    }

    @DeleteMapping("/{folderId}")
    @Operation(
            operationId = "deleteFolder",
            summary = "Delete a folder",
            description = "A folder with subfolders or assets answers 409 unless ?confirm=true, which deletes it with"
                    + " everything in it. Assets still used by scheduled posts stop the delete (409).")
    ResponseEntity<Void> delete(
            CurrentWorkspace current,
            @PathVariable UUID folderId,
            @RequestParam(defaultValue = "false") boolean confirm) {
        folders.delete(current.id(), new FolderId(folderId), confirm);
        return ResponseEntity.noContent().build();
    }
}
