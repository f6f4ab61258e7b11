package herald.web.ui;

import herald.assets.AssetId;
import herald.assets.Assets;
import herald.assets.MediaLinks;
import herald.shared.WorkspaceId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Serves the library's bytes at the signed URLs of {@link MediaLinks}. A URL whose signature does not match or has
 * expired answers 403 before the database or storage is asked anything.
 */
@Controller
class AssetsMediaController {

    private final MediaLinks links;
    private final Assets assets;
    private final Clock clock;

    AssetsMediaController(MediaLinks links, Assets assets, Clock clock) {
        this.links = links;
        this.assets = assets;
        this.clock = clock;
    }

    @GetMapping("/media/{workspace}/{asset}")
    void original(
            @PathVariable String workspace,
            @PathVariable String asset,
            @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig,
            HttpServletResponse response)
            throws IOException {
        serve(workspace, asset, MediaLinks.Variant.ORIGINAL, exp, sig, response);
    }

    @GetMapping("/media/{workspace}/{asset}/thumbnail")
    void thumbnail(
            @PathVariable String workspace,
            @PathVariable String asset,
            @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig,
            HttpServletResponse response)
            throws IOException {
        serve(workspace, asset, MediaLinks.Variant.THUMBNAIL, exp, sig, response);
    }

    private void serve(
            String workspaceText,
            String assetText,
            MediaLinks.Variant variant,
            String exp,
            String sig,
            HttpServletResponse response)
            throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        Optional<Long> expires = number(exp);
        Optional<UUID> workspaceId = uuid(workspaceText);
        Optional<UUID> assetId = uuid(assetText);
        if (expires.isEmpty()
                || workspaceId.isEmpty()
                || assetId.isEmpty()
                || sig == null
                || !links.valid(
                        new WorkspaceId(workspaceId.get()), new AssetId(assetId.get()), variant, expires.get(), sig)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "This media link is invalid or has expired.");
            return;
        }
        var media = assets.media(new WorkspaceId(workspaceId.get()), new AssetId(assetId.get()), variant);
        if (media.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "This asset no longer exists.");
            return;
        }
        long maxAge = Math.max(0, expires.get() - clock.instant().getEpochSecond());
        try (InputStream in = media.get().content()) {
            response.setContentType(media.get().contentType());
            if (media.get().length() >= 0) {
                response.setContentLengthLong(media.get().length());
            }
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    MediaLinks.disposition(media.get().filename()));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=" + maxAge);
            in.transferTo(response.getOutputStream());
        }
    }

    private static Optional<Long> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
