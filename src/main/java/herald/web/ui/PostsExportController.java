package herald.web.ui;

import herald.connections.Connections;
import herald.publishing.PostExport;
import herald.publishing.PostQuery;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The posts list as a file: what its filters select, one line per post and account, for reports. */
@Controller
class PostsExportController {

    private final PostExport export;
    private final Connections connections;

    PostsExportController(PostExport export, Connections connections) {
        this.export = export;
        this.connections = connections;
    }

    /** The posts the list's filters select, as a CSV file: one line per post and account. */
    @GetMapping("/w/{slug}/posts/export.csv")
    void export(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String account,
            @RequestParam(required = false) @Nullable String tag,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        CurrentWorkspace current = Access.member(request);
        PostQuery query = PostsFilter.read(status, q, account, tag, AccountOption.of(connections, current.id()))
                .query(null, null, 1);
        export.write(
                current.id(),
                current.workspace().timezone(),
                query,
                herald.web.CsvDownload.start(response, current.workspace().slug() + "-posts.csv"));
    }
}
