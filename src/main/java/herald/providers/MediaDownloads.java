package herald.providers;

import herald.providers.ProviderException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a post's media for providers that upload bytes (X, Facebook, LinkedIn) rather than hand the platform a URL.
 * The media of a {@link PublishRequest} are signed URLs of Herald's own asset library, so this fetches only from
 * Herald's public URL or the storage hosts named in {@code herald.providers.media-hosts} (an S3 endpoint that
 * presigns), follows no redirect, and stops at the size the library recorded: it is not a general URL fetcher and
 * cannot be turned into one by a crafted request.
 */
@Component
public class MediaDownloads {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String publicUrl;
    private final List<String> hosts;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    MediaDownloads(
            @Value("${herald.public-url}") String publicUrl,
            @Value("${herald.providers.media-hosts:}") List<String> hosts) {
        this.publicUrl = publicUrl.replaceAll("/+$", "") + "/";
        this.hosts = hosts.stream()
                .filter(host -> !host.isBlank())
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** The medium's bytes, all of them in memory: for images and other media a platform takes in one request. */
    public byte[] bytes(String provider, PublishRequest.Media media) {
        try (InputStream in = open(provider, media)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, media.sizeBytes() + 1));
        } catch (IOException e) {
            throw unreadable(provider, media, e);
        }
    }

    /**
     * The medium's bytes as a stream, for chunked uploads. It ends at the recorded size: a longer body is an error,
     * not a larger upload. The caller closes it.
     */
    public InputStream open(String provider, PublishRequest.Media media) {
        URI url = media.url();
        if (!allowed(url)) {
            throw new ProviderException(
                    provider,
                    Kind.INVALID_CONTENT,
                    "Herald uploads only media from its own asset library; " + url.getHost() + " is not part of it.");
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new ProviderException(
                        provider,
                        Kind.TRANSIENT,
                        "Herald could not read a medium of the post from its asset library (HTTP "
                                + response.statusCode() + ").");
            }
            long declared =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > media.sizeBytes()) {
                response.body().close();
                throw new ProviderException(
                        provider, Kind.INVALID_CONTENT, "A medium of the post is larger than the library recorded.");
            }
            return new Capped(response.body(), media.sizeBytes());
        } catch (IOException e) {
            throw unreadable(provider, media, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreadable(provider, media, e);
        }
    }

    private boolean allowed(URI url) {
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null || url.getUserInfo() != null) {
            return false;
        }
        if (url.toString().startsWith(publicUrl)) {
            return true;
        }
        return hosts.contains(url.getHost().toLowerCase(Locale.ROOT));
    }

    private static ProviderException unreadable(String provider, PublishRequest.Media media, Exception e) {
        return new ProviderException(
                provider,
                Kind.TRANSIENT,
                "Herald could not read a " + media.kind() + " of the post from its asset library: " + e.getMessage(),
                null,
                e);
    }

    /** Ends the stream at {@code limit} bytes and fails when the body goes on. */
    private static final class Capped extends InputStream {

        private final InputStream in;
        private long left;

        Capped(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                if (in.read() >= 0) {
                    throw new IOException("the medium is larger than the library recorded");
                }
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
