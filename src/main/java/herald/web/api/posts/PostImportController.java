package herald.web.api.posts;

import herald.connections.ConnectionId;
import herald.publishing.ImportPreview;
import herald.publishing.ImportRejected;
import herald.publishing.PostImport;
import herald.publishing.Provenance;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.problems.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bulk scheduling: a CSV file of posts, created all or none (docs/bulk-scheduling.md). */
@RestController
@Tag(name = "Posts")
class PostImportController {

    static final String CSV = "text/csv";

    private final PostImport imports;

    PostImportController(PostImport imports) {
        this.imports = imports;
    }

    @Schema(name = "PostImport")
    record ImportView(
            @Schema(description = "How many posts were created: 0 for a dry run.") int created, List<RowView> rows) {}

    @Schema(name = "PostImportRow")
    record RowView(
            @Schema(description = "The file's row, as a spreadsheet numbers it: the header is row 1.") int row,
            @Schema(description = "The created post; null in a dry run.", nullable = true) @Nullable UUID postId,
            @Schema(allowableValues = {"scheduled", "draft"}) String status,
            @Schema(description = "When it is due (UTC): its date or queue slot; null for a draft.", nullable = true)
                    @Nullable
                    Instant scheduledAt,
            @Schema(description = "Whether the row asked for the next free slot of the posting schedule.")
                    boolean queued,
            @Schema(description = "The accounts it goes to, e.g. 'Sandbox @krusty'.") List<String> accounts) {}

    @Schema(name = "PostImportProblem")
    record RowProblem(
            @Schema(description = "The file's row (the header is row 1); 0 for the file as a whole.") int row,
            @Schema(
                            description = "The column: date, text, link, accounts, media or header; null for the"
                                    + " whole row or file.",
                            nullable = true)
                    @Nullable
                    String field,
            String message) {}

    @PostMapping(
            path = ApiPaths.WORKSPACE + "/posts/imports",
            consumes = CSV,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "importPosts",
            summary = "Schedule posts from a CSV file",
            description = "A UTF-8 CSV file (at most 1 MB and 500 posts) with a header row naming its columns: date"
                    + " (YYYY-MM-DD HH:mm in the workspace's time zone, 'queue' for the next free slot of the posting"
                    + " schedule, or empty for a draft), text, and optionally link, accounts (handles or ids"
                    + " separated by |) and media (asset ids separated by |). Every row is checked as createPost"
                    + " checks one post; when any row fails, nothing is created and the 422 problem lists every"
                    + " failing row in 'errors'. Otherwise all posts are created in one transaction. With"
                    + " dryRun=true nothing is created: 200 with what would be, or the same 422.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = CSV,
                                            schema =
                                                    @Schema(
                                                            type = "string",
                                                            example =
                                                                    "date,text,accounts\n2026-12-24 09:00,\"Merry Christmas!\",@krusty\nqueue,Boxing Day deals,\n"))),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "Every row was created.",
                        content = @Content(schema = @Schema(implementation = ImportView.class))),
                @ApiResponse(
                        responseCode = "200",
                        description = "dryRun=true: what would be created; nothing was.",
                        content = @Content(schema = @Schema(implementation = ImportView.class))),
                @ApiResponse(
                        responseCode = "422",
                        description = "The file or some rows cannot be imported (import-rejected); errors lists"
                                + " {row, field, message} for each. Nothing was created.",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        schema = @Schema(ref = "#/components/schemas/Problem")))
            })
    ResponseEntity<ImportView> schedule(
            CurrentWorkspace current,
            @RequestBody byte[] csv,
            @Parameter(description = "Accounts (ids, comma-separated) for the rows without an accounts cell.")
                    @RequestParam(required = false)
                    @Nullable
                    List<UUID> accounts,
            @Parameter(description = "Check the file and answer what would be created, without creating it.")
                    @RequestParam(defaultValue = "false")
                    boolean dryRun) {
        List<ConnectionId> chosen = accounts == null
                ? List.of()
                : accounts.stream().map(ConnectionId::new).toList();
        if (dryRun) {
            ImportPreview preview = imports.preview(current.id(), csv, chosen);
            if (!preview.accepted()) {
                throw new ImportRejected(preview);
            }
            return ResponseEntity.ok(new ImportView(
                    0,
                    preview.rows().stream()
                            .map(r -> new RowView(
                                    r.row(), null, r.status().value(), r.scheduledAt(), r.queued(), r.accounts()))
                            .toList()));
        }
        var created = imports.schedule(current.id(), csv, chosen, Provenance.ofCurrentActor());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ImportView(
                        created.size(),
                        created.stream()
                                .map(c -> new RowView(
                                        c.row(),
                                        c.post().id().value(),
                                        c.post().status().value(),
                                        c.post().scheduledAt(),
                                        c.queued(),
                                        c.post().targets().stream()
                                                .map(t -> t.account())
                                                .toList()))
                                .toList()));
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejected e) {
        var errors = e.problems().stream()
                .map(p -> new RowProblem(p.row(), p.field(), p.message()))
                .toList();
        ProblemDetail problem = ProblemType.IMPORT_REJECTED.problem(e.getMessage());
        problem.setProperty("errors", errors);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
