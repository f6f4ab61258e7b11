package herald.web.ui;

import herald.assets.AssetId;
import herald.assets.Assets;
import herald.assets.MediaLinks;
import herald.shared.WorkspaceId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Serves the library's bytes at the signed URLs of {@link MediaLinks}. A URL whose signature does not match or has
 * expired answers 403 before the database or storage is asked anything.
 */
@Controller
class AssetsMediaController {

    private static final Pattern SINGLE_RANGE = Pattern.compile("^bytes=(\\d{0,18})-(\\d{0,18})$");

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
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
            HttpServletResponse response)
            throws IOException {
        serve(workspace, asset, MediaLinks.Variant.ORIGINAL, exp, sig, range, response);
    }

    @GetMapping("/media/{workspace}/{asset}/thumbnail")
    void thumbnail(
            @PathVariable String workspace,
            @PathVariable String asset,
            @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
            HttpServletResponse response)
            throws IOException {
        serve(workspace, asset, MediaLinks.Variant.THUMBNAIL, exp, sig, range, response);
    }

    @GetMapping("/media/{workspace}/{asset}/jpeg")
    void jpeg(
            @PathVariable String workspace,
            @PathVariable String asset,
            @RequestParam(required = false) String exp,
            @RequestParam(required = false) String sig,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
            HttpServletResponse response)
            throws IOException {
        serve(workspace, asset, MediaLinks.Variant.JPEG, exp, sig, range, response);
    }

    private void serve(
            String workspaceText,
            String assetText,
            MediaLinks.Variant variant,
            String exp,
            String sig,
            String range,
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
        long length = media.get().length();
        try (InputStream in = media.get().content()) {
            response.setContentType(media.get().contentType());
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    MediaLinks.disposition(media.get().filename()));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=" + maxAge);
            if (length < 0) {
                in.transferTo(response.getOutputStream());
                return;
            }
            response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
            Matcher wanted = range == null ? null : SINGLE_RANGE.matcher(range.strip());
            if (wanted == null
                    || !wanted.matches()
                    || (wanted.group(1).isEmpty() && wanted.group(2).isEmpty())) {
                response.setContentLengthLong(length);
                in.transferTo(response.getOutputStream());
                return;
            }
            // One byte range, as video players and platforms ask for; several ranges get the whole file.
            long start;
            long end;
            if (wanted.group(1).isEmpty()) {
                start = Math.max(0, length - Long.parseLong(wanted.group(2)));
                end = length - 1;
            } else {
                start = Long.parseLong(wanted.group(1));
                end = wanted.group(2).isEmpty() ? length - 1 : Math.min(length - 1, Long.parseLong(wanted.group(2)));
            }
            if (start >= length || start > end) {
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
                response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                return;
            }
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + length);
            response.setContentLengthLong(end - start + 1);
            in.skipNBytes(start);
            copy(in, response.getOutputStream(), end - start + 1);
        }
    }

    private static void copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            left -= read;
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
