package herald.web.ui;

import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.providers.SocialProvider;
import herald.publishing.ImportPreview;
import herald.publishing.ImportRejected;
import herald.publishing.PostImport;
import herald.publishing.PostStatus;
import herald.publishing.Provenance;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk scheduling in the browser: editors and up choose the accounts for rows without their own, upload a CSV file,
 * see every row as it would be created (or what is wrong with it), and schedule them all at once. The previewed file
 * travels back with the form, so "Schedule" creates exactly what was shown, checked once more; nothing is created
 * while any row has a problem.
 */
@Controller
class PostImportPageController {

    private final PostImport imports;
    private final Connections connections;
    private final Clock clock;

    PostImportPageController(PostImport imports, Connections connections, Clock clock) {
        this.imports = imports;
        this.connections = connections;
        this.clock = clock;
    }

    /** One platform's active accounts, for the account picker. */
    public record Platform(String name, List<Connection> accounts) {}

    @GetMapping("/w/{slug}/posts/import")
    String form(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        return render(current, model, List.of(), null, null, List.of());
    }

    @PostMapping("/w/{slug}/posts/import")
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "csv", required = false) @Nullable String previewed,
            @RequestParam(name = "accounts", required = false) @Nullable List<UUID> accounts,
            @RequestParam(name = "action", defaultValue = "preview") String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash)
            throws IOException {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        List<UUID> chosen = accounts == null ? List.of() : accounts;
        List<ConnectionId> ids = chosen.stream().map(ConnectionId::new).toList();
        String csv = file != null && !file.isEmpty()
                ? new String(file.getBytes(), StandardCharsets.UTF_8)
                : previewed == null ? "" : previewed;
        if (csv.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(current, model, chosen, null, null, List.of("Choose a CSV file to upload."));
        }
        byte[] bytes = file != null && !file.isEmpty() ? file.getBytes() : csv.getBytes(StandardCharsets.UTF_8);
        try {
            if ("schedule".equals(action)) {
                var created = imports.schedule(current.id(), bytes, ids, Provenance.ofCurrentActor());
                flash.addFlashAttribute("notice", notice(created));
                return "redirect:/w/" + current.workspace().slug() + "/posts";
            }
            ImportPreview preview = imports.preview(current.id(), bytes, ids);
            if (!preview.accepted()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            return render(current, model, chosen, preview, csv, List.of());
        } catch (ImportRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            List<String> problems = e.preview() != null
                    ? List.of()
                    : e.problems().stream()
                            .map(p -> (p.row() > 0 ? "Row " + p.row() + ": " : "") + p.message())
                            .toList();
            return render(current, model, chosen, e.preview(), e.preview() == null ? null : csv, problems);
        }
    }

    /** A file to start from: the header and two example rows, dated a week ahead in the workspace's zone. */
    @GetMapping("/w/{slug}/posts/import/template.csv")
    ResponseEntity<byte[]> template(HttpServletRequest request) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        LocalDate day =
                LocalDate.now(clock.withZone(current.workspace().timezone())).plusDays(7);
        String account = connections.list(current.id()).stream()
                .filter(Connection::active)
                .map(c -> "@" + c.username())
                .findFirst()
                .orElse("");
        String csv = "date,text,link,accounts,media,tags\r\n"
                + day + " 09:00,\"Our new menu is out! Come and taste it this week.\",https://example.com/menu,"
                + account + ",,Menu|Launch\r\n"
                + "queue,\"Weekend special:\r\ntwo pizzas for the price of one.\",,,,Specials\r\n";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("herald-posts-template.csv")
                                .build()
                                .toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private String render(
            CurrentWorkspace current,
            Model model,
            List<UUID> chosen,
            @Nullable ImportPreview preview,
            @Nullable String csv,
            List<String> problems) {
        model.addAttribute("section", "posts");
        model.addAttribute("platforms", platforms(current));
        model.addAttribute("chosen", chosen);
        model.addAttribute("preview", preview);
        model.addAttribute("csv", csv);
        model.addAttribute("problems", problems);
        model.addAttribute("zone", current.workspace().timezone().getId());
        model.addAttribute("time", new WorkspaceTime(current.workspace().timezone()));
        return "posts/import";
    }

    private List<Platform> platforms(CurrentWorkspace current) {
        List<Connection> active = connections.list(current.id()).stream()
                .filter(Connection::active)
                .toList();
        List<Platform> platforms = new ArrayList<>();
        for (SocialProvider provider : connections.providers()) {
            var accounts = active.stream()
                    .filter(c -> c.provider().equals(provider.id()))
                    .toList();
            if (!accounts.isEmpty()) {
                platforms.add(new Platform(provider.displayName(), accounts));
            }
        }
        return platforms;
    }

    private static String notice(List<PostImport.Created> created) {
        long drafts = created.stream()
                .filter(c -> c.post().status() == PostStatus.DRAFT)
                .count();
        long waiting = created.stream()
                .filter(c -> c.post().status() == PostStatus.PENDING_APPROVAL)
                .count();
        long scheduled = created.size() - drafts;
        String posts = (scheduled == 1 ? "1 post scheduled" : scheduled + " posts scheduled")
                + (waiting == 0 ? "" : " (" + (waiting == scheduled ? "all" : waiting) + " waiting for approval)");
        return drafts == 0 ? posts + "." : posts + " and " + drafts + (drafts == 1 ? " draft" : " drafts") + " saved.";
    }
}
