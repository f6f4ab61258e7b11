package herald.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Fetches a post's media URLs as a platform would: over HTTP(S), within {@code herald.sandbox.media.max-bytes} and
 * {@code .timeout}. The bytes are counted and dropped; the Sandbox keeps only the URL, type and size. Never called
 * inside a transaction.
 */
@Component
class MediaFetcher {

    private final SandboxSettings settings;
    private final HttpClient client;

    MediaFetcher(SandboxSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.media().timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Fetches within the time cap as a whole: headers and body, however slowly the body trickles in. */
    Post.Media fetch(String url) {
        var task = new FutureTask<>(() -> fetchNow(url));
        Thread.ofVirtual().name("sandbox-media").start(task);
        try {
            return task.get(settings.media().timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw SandboxError.invalidContent("Media URL " + url + " was not fetched within "
                    + settings.media().timeout().toSeconds() + " s.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SandboxError error) {
                throw error;
            }
            throw SandboxError.invalidContent("Media URL " + url + " could not be fetched: " + e.getCause());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw SandboxError.invalidContent("Media URL " + url + " could not be fetched: interrupted.");
        }
    }

    private Post.Media fetchNow(String url) {
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
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.media().timeout())
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw SandboxError.invalidContent(
                            "Media URL " + url + " answered HTTP " + response.statusCode() + ".");
                }
                long bytes = count(body, url);
                String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
                return new Post.Media(url, type, bytes);
            }
        } catch (HttpTimeoutException e) {
            throw SandboxError.invalidContent("Media URL " + url + " did not answer within "
                    + settings.media().timeout().toSeconds() + " s.");
        } catch (IOException e) {
            throw SandboxError.invalidContent("Media URL " + url + " could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SandboxError.invalidContent("Media URL " + url + " could not be fetched: interrupted.");
        }
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
}
