package herald.assets;

import herald.shared.WorkspaceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Expiring media URLs. Nothing in the library is public: a URL is {@code <public-url>/media/<workspace>/<asset>}
 * (or {@code .../thumbnail}) with {@code exp} (epoch seconds) and {@code sig}, an HMAC-SHA256 over workspace, asset,
 * variant and expiry. A tampered or expired URL is refused before storage is touched. On a backend that presigns (S3),
 * the URL handed out is the backend's own presigned one.
 */
@Component
public class MediaLinks {

    private static final Logger log = LoggerFactory.getLogger(MediaLinks.class);
    private static final String KEY_FILE = "media-signing.key";

    /** The original bytes, the thumbnail, or the image as a JPEG. */
    public enum Variant {
        ORIGINAL(""),
        THUMBNAIL("/thumbnail"),
        /** The image as a JPEG (the original when it is one), for platforms that take nothing else (Instagram). */
        JPEG("/jpeg");

        private final String suffix;

        Variant(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    /** The two URLs of an asset. */
    public record Links(URI url, URI thumbnailUrl) {}

    private final byte[] key;
    private final String publicUrl;
    private final Duration lifetime;
    private final Assets assets;
    private final Clock clock;

    MediaLinks(
            AssetSettings settings,
            Assets assets,
            Clock clock,
            @Value("${herald.public-url}") String publicUrl,
            @Value("${herald.database.data-dir:.herald}") Path dataDir) {
        this.key = key(settings.signingKey(), dataDir);
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.lifetime = settings.urlLifetime();
        this.assets = assets;
        this.clock = clock;
    }

    public Links links(WorkspaceId workspace, Asset asset) {
        return new Links(url(workspace, asset, Variant.ORIGINAL), url(workspace, asset, Variant.THUMBNAIL));
    }

    /**
     * The links for Herald's own pages: Herald-signed ones relative to the site (so they work on whatever host the
     * page was opened), presigned ones as they are.
     */
    public Links pageLinks(WorkspaceId workspace, Asset asset) {
        Links links = links(workspace, asset);
        return new Links(relative(links.url()), relative(links.thumbnailUrl()));
    }

    private URI relative(URI url) {
        String text = url.toString();
        return text.startsWith(publicUrl + "/media/") ? URI.create(text.substring(publicUrl.length())) : url;
    }

    public URI url(WorkspaceId workspace, Asset asset, Variant variant) {
        return assets.presigned(workspace, asset, variant, lifetime)
                .orElseGet(() ->
                        signed(workspace, asset.id(), variant, clock.instant().plus(lifetime)));
    }

    /** Herald's own signed URL, valid until {@code expires}. */
    public URI signed(WorkspaceId workspace, AssetId asset, Variant variant, Instant expires) {
        long exp = expires.getEpochSecond();
        return URI.create(publicUrl + "/media/" + workspace + "/" + asset + variant.suffix() + "?exp=" + exp + "&sig="
                + signature(workspace, asset, variant, exp));
    }

    /** Whether {@code signature} is this URL's and it has not expired; compares in constant time. */
    public boolean valid(WorkspaceId workspace, AssetId asset, Variant variant, long exp, String signature) {
        if (exp < clock.instant().getEpochSecond()) {
            return false;
        }
        byte[] expected = signature(workspace, asset, variant, exp).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The Content-Disposition that offers the asset under its own name. */
    public static String disposition(String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String signature(WorkspaceId workspace, AssetId asset, Variant variant, long exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(
                    (workspace + "|" + asset + "|" + variant.name() + "|" + exp).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] key(String configured, Path dataDir) {
        if (!configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file).strip());
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.createDirectories(dataDir);
            Files.writeString(file, HexFormat.of().formatHex(generated));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the folder's own permissions protect it.
            }
            log.info(
                    "Generated the media URL signing key in {}; set HERALD_ASSETS_SIGNING_KEY to share one across nodes",
                    file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the media signing key " + file, e);
        }
    }
}
