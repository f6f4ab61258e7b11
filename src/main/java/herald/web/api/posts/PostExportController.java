package herald.web.api.posts;

import herald.connections.ConnectionId;
import herald.publishing.PostExport;
import herald.publishing.PostQuery;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/posts")
@Tag(name = "Posts")
class PostExportController {

    private final PostExport export;

    PostExportController(PostExport export) {
        this.export = export;
    }

    @GetMapping("/export")
    @Operation(
            operationId = "exportPosts",
            summary = "Export posts as CSV",
            description = "The posts the filters select (as for listing posts), newest first, at most 10,000: one line"
                    + " per post and account with post_id, post_status, scheduled_at, text, link, tags, account,"
                    + " account_status, published_at, url, last_error, created_by, first_comment, comment_status,"
                    + " thread, thread_status, format and media (the post's asset ids separated by |, as the CSV"
                    + " import takes them). Times in the workspace's zone;"
                    + " a cell starting with = + - or @ is written with a leading apostrophe.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    void export(
            CurrentWorkspace current,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID connectionId,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String tag,
            HttpServletResponse response)
            throws IOException {
        var query = new PostQuery(
                status == null ? null : PostController.status(status),
                connectionId == null ? null : new ConnectionId(connectionId),
                from,
                to,
                null,
                null,
                1,
                q,
                tag);
        export.write(
                current.id(),
                current.workspace().timezone(),
                query,
                herald.web.CsvDownload.start(response, current.workspace().slug() + "-posts.csv"));
    }
}
