package herald.web.api.assets;

import herald.assets.Asset;
import herald.assets.AssetId;
import herald.assets.AssetInUse;
import herald.assets.AssetQuery;
import herald.assets.AssetRejected;
import herald.assets.Assets;
import herald.assets.FolderId;
import herald.assets.MediaLinks;
import herald.assets.Upload;
import herald.shared.InvalidInput;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import herald.web.api.problems.FieldProblem;
import herald.web.api.problems.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(
        name = "Assets",
        description = "The brand asset library: uploads whose type is read from the bytes, search, tags, move,"
                + " delete, and expiring media URLs.")
class AssetController {

    private static final String LISTING = "assets";

    private final Assets assets;
    private final MediaLinks links;

    AssetController(Assets assets, MediaLinks links) {
        this.assets = assets;
        this.links = links;
    }

    @PostMapping(
            path = ApiPaths.WORKSPACE + "/folders/{folderId}/assets",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            operationId = "uploadAssets",
            summary = "Upload assets",
            description = "Multipart: one or more 'file' parts, optional 'tags' (comma-separated), 'altText' and"
                    + " 'description'. The type is read from the bytes (JPEG, PNG, GIF, WebP, MP4, MOV), never from"
                    + " the name or the declared type. Answers 201 with the asset, or with {items} for several files."
                    + " Several files are all stored or none.")
    ResponseEntity<?> upload(
            CurrentWorkspace current,
            @PathVariable UUID folderId,
            @RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files,
            @RequestParam(required = false) @Nullable List<String> tags,
            @RequestParam(defaultValue = "") String altText,
            @RequestParam(defaultValue = "") String description,
            HttpServletRequest http) {
        if (files == null || files.isEmpty()) {
            throw new InvalidInput("file", "Send the file to upload as a multipart part named 'file'.");
        }
        var created = new ArrayList<Asset>();
        try {
            for (MultipartFile file : files) {
                String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
                try (InputStream in = file.getInputStream()) {
                    created.add(assets.upload(
                            current.id(),
                            new FolderId(folderId),
                            in,
                            new Upload(name, tags == null ? List.of() : tags, altText, description)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        } catch (RuntimeException e) {
            if (!created.isEmpty()) {
                assets.delete(current.id(), created.stream().map(Asset::id).toList());
            }
            throw e;
        }
        String base = http.getRequestURI().replaceFirst("/folders/[^/]+/assets$", "/assets/");
        if (created.size() == 1) {
            Asset asset = created.getFirst();
            return ResponseEntity.created(URI.create(base + asset.id())).body(view(current, asset));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Page<>(created.stream().map(a -> view(current, a)).toList(), null));
    }

    @GetMapping(ApiPaths.WORKSPACE + "/assets")
    @Operation(
            operationId = "searchAssets",
            summary = "Search assets",
            description = "Newest first. Filters combine: q (part of the name, alt text or description), tag, type"
                    + " (image, video, or jpeg, png, gif, webp, mp4, mov), folderId.")
    Page<AssetView> search(
            CurrentWorkspace current,
            @Valid PageRequest page,
            @Parameter(description = "Part of the file name, alt text or description.")
                    @RequestParam(required = false)
                    @Nullable
                    String q,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable UUID folderId) {
        var after = page.afterTimeAndId(LISTING, (time, id) -> new AssetQuery.After(time, new AssetId(id)));
        var query =
                new AssetQuery(q, tag, type, folderId == null ? null : new FolderId(folderId), after, page.fetchSize());
        return page.pageByTimeAndId(
                assets.search(current.id(), query),
                asset -> view(current, asset),
                LISTING,
                Asset::createdAt,
                Asset::id);
    }

    @GetMapping(ApiPaths.WORKSPACE + "/assets/{assetId}")
    @Operation(operationId = "getAsset", summary = "Get an asset")
    AssetView get(CurrentWorkspace current, @PathVariable UUID assetId) {
        return view(current, assets.require(current.id(), new AssetId(assetId)));
    }

    @PatchMapping(ApiPaths.WORKSPACE + "/assets/{assetId}")
    @Operation(
            operationId = "describeAsset",
            summary = "Change an asset's tags, alt text or description",
            description = "Fields left out stay as they are; tags replace the asset's tags.")
    AssetView describe(
            CurrentWorkspace current, @PathVariable UUID assetId, @RequestBody AssetRequests.Describe request) {
        return view(
                current,
                assets.describe(
                        current.id(), new AssetId(assetId), request.tags(), request.altText(), request.description()));
    }

    @PostMapping(ApiPaths.WORKSPACE + "/assets/move")
    @Operation(operationId = "moveAssets", summary = "Move assets into a folder")
    Page<AssetView> move(CurrentWorkspace current, @RequestBody AssetRequests.Move request) {
        List<Asset> moved = assets.move(current.id(), ids(request.assetIds()), new FolderId(request.folderId()));
        return new Page<>(moved.stream().map(a -> view(current, a)).toList(), null);
    }

    @PostMapping(ApiPaths.WORKSPACE + "/assets/retag")
    @Operation(operationId = "retagAssets", summary = "Add and remove tags on several assets")
    Page<AssetView> retag(CurrentWorkspace current, @RequestBody AssetRequests.Retag request) {
        List<Asset> changed = assets.retag(
                current.id(),
                ids(request.assetIds()),
                request.add() == null ? List.of() : request.add(),
                request.remove() == null ? List.of() : request.remove());
        return new Page<>(changed.stream().map(a -> view(current, a)).toList(), null);
    }

    @PostMapping(ApiPaths.WORKSPACE + "/assets/delete")
    @Operation(
            operationId = "deleteAssets",
            summary = "Delete several assets",
            description = "All or none: an unknown id answers 404, an asset used by a scheduled post 409 naming the"
                    + " posts.")
    ResponseEntity<Void> deleteMany(CurrentWorkspace current, @RequestBody AssetRequests.Delete request) {
        assets.delete(current.id(), ids(request.assetIds()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(ApiPaths.WORKSPACE + "/assets/{assetId}")
    @Operation(operationId = "deleteAsset", summary = "Delete an asset")
    ResponseEntity<Void> delete(CurrentWorkspace current, @PathVariable UUID assetId) {
        assets.delete(current.id(), List.of(new AssetId(assetId)));
        return ResponseEntity.noContent().build();
    }

    /** Each refusal of an upload has its own problem type, so clients can tell a disguised file from a big one. */
    @ExceptionHandler(AssetRejected.class)
    ResponseEntity<ProblemDetail> rejected(AssetRejected e) {
        ProblemDetail problem =
                switch (e.reason()) {
                    case EMPTY -> ProblemType.INVALID_INPUT.problem(e.getMessage());
                    case TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE.problem(e.getMessage());
                    case UNSUPPORTED_TYPE -> ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(e.getMessage());
                    case DISGUISED -> custom(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "disguised-file", "Disguised file", e);
                    case DAMAGED -> custom(HttpStatus.UNPROCESSABLE_CONTENT, "damaged-file", "Damaged file", e);
                };
        problem.setProperty("errors", List.of(new FieldProblem("file", e.getMessage())));
        problem.setProperty("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT));
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(AssetInUse.class)
    ResponseEntity<ProblemDetail> inUse(AssetInUse e) {
        ProblemDetail problem = ProblemType.CONFLICT.problem(e.getMessage());
        problem.setProperty("references", e.references());
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ProblemDetail custom(HttpStatus status, String slug, String title, AssetRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create(ProblemType.BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    private AssetView view(CurrentWorkspace current, Asset asset) {
        return AssetView.of(asset, links.links(current.id(), asset));
    }

    private static List<AssetId> ids(@Nullable List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInput("assetIds", "Name at least one asset.");
        }
        return ids.stream().map(AssetId::new).toList();
    }
}
