package herald.sandbox;

import herald.shared.PublicHosts;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches a post's media URLs as a platform would: over HTTP(S), within {@code herald.sandbox.media.max-bytes} and
 * {@code .timeout}. The bytes are counted and dropped; the Sandbox keeps only the URL, type and size. Never called
 * inside a transaction.
 *
 * <p>Anyone with a Sandbox account names these URLs, and the Sandbox runs inside Herald, so a URL must not reach
 * Herald's own network (SSRF): the client connects to public addresses only ({@link PublicHosts}), at every redirect
 * too, unless the host is Herald's own ({@code herald.public-url}, whose signed media links the Sandbox fetches) or one
 * the operator allowed ({@code herald.sandbox.media.allowed-hosts}).
 */
@Component
class MediaFetcher implements DisposableBean {

    static final int MAX_REDIRECTS = 5;

    private final SandboxSettings settings;
    private final CloseableHttpClient client;

    MediaFetcher(SandboxSettings settings, @Value("${herald.public-url}") String publicUrl) {
        this.settings = settings;
        List<String> hosts = new ArrayList<>(settings.media().allowedHosts());
        String own = URI.create(publicUrl).getHost();
        if (own != null) {
            hosts.add(own);
        }
        this.client = PublicHosts.allowing(hosts)
                .client(settings.media().timeout(), settings.media().timeout(), MAX_REDIRECTS)
                .build();
    }

    /** Fetches within the time cap as a whole: headers and body, however slowly the body trickles in. */
    Post.Media fetch(String url) {
        URI uri = parse(url);
        HttpGet request = new HttpGet(uri);
        var task = new FutureTask<>(() -> fetchNow(url, request));
        Thread.ofVirtual().name("sandbox-media").start(task);
        try {
            return task.get(settings.media().timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            request.cancel();
            task.cancel(true);
            throw SandboxError.invalidContent("Media URL " + url + " was not fetched within "
                    + settings.media().timeout().toSeconds() + " s.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SandboxError error) {
                throw error;
            }
            throw SandboxError.invalidContent("Media URL " + url + " could not be fetched: " + e.getCause());
        } catch (InterruptedException e) {
            request.cancel();
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw SandboxError.invalidContent("Media URL " + url + " could not be fetched: interrupted.");
        }
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw SandboxError.invalidContent("Media URL " + url + " is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw SandboxError.invalidContent("Media URL " + url + " must be an http or https URL.");
        }
        return uri;
    }

    private Post.Media fetchNow(String url, HttpGet request) {
        try {
            return client.execute(request, response -> read(url, response));
        } catch (PublicHosts.Refused e) {
            throw SandboxError.invalidContent("Media URL " + url + " leads to an internal address; the Sandbox"
                    + " fetches media from public addresses and Herald's own media links only, as a platform would.");
        } catch (UnknownHostException e) {
            throw SandboxError.invalidContent("Media URL " + url + " has a host that does not resolve.");
        } catch (ClientProtocolException e) {
            if (e.getCause() instanceof RedirectException) {
                throw SandboxError.invalidContent(
                        "Media URL " + url + " redirects more than " + MAX_REDIRECTS + " times.");
            }
            throw SandboxError.invalidContent("Media URL " + url + " could not be fetched: " + reason(e));
        } catch (SocketTimeoutException e) {
            throw SandboxError.invalidContent("Media URL " + url + " did not answer within "
                    + settings.media().timeout().toSeconds() + " s.");
        } catch (IOException e) {
            throw SandboxError.invalidContent("Media URL " + url + " could not be fetched: " + reason(e));
        }
    }

    private Post.Media read(String url, ClassicHttpResponse response) throws IOException {
        if (response.getCode() / 100 != 2) {
            throw SandboxError.invalidContent("Media URL " + url + " answered HTTP " + response.getCode() + ".");
        }
        long bytes;
        try (InputStream body = response.getEntity() == null
                ? InputStream.nullInputStream()
                : response.getEntity().getContent()) {
            bytes = count(body, url);
        }
        Header type = response.getFirstHeader("Content-Type");
        return new Post.Media(url, type == null ? "application/octet-stream" : type.getValue(), bytes);
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private long count(InputStream body, String url) throws IOException {
        long max = settings.media().maxBytes();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int read; (read = body.read(buffer)) != -1; ) {
            total += read;
            if (total > max) {
                throw SandboxError.invalidContent("Media URL " + url + " is larger than " + max + " bytes.");
            }
        }
        if (total == 0) {
            throw SandboxError.invalidContent("Media URL " + url + " is empty.");
        }
        return total;
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
