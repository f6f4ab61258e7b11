package herald.sandbox;

import herald.shared.InternalAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches a post's media URLs as a platform would: over HTTP(S), within {@code herald.sandbox.media.max-bytes} and
 * {@code .timeout}. The bytes are counted and dropped; the Sandbox keeps only the URL, type and size. Never called
 * inside a transaction.
 *
 * <p>Anyone with a Sandbox account names these URLs, and the Sandbox runs inside Herald, so a URL must not reach
 * Herald's own network (SSRF): its host must resolve to public addresses only ({@link InternalAddresses}), unless it is
 * Herald's own host ({@code herald.public-url}, whose signed media links the Sandbox fetches) or one the operator
 * allowed ({@code herald.sandbox.media.allowed-hosts}). Redirects are followed by hand, each hop checked the same way.
 * As for AI endpoints (ADR 0010), a window remains between this resolution and the client's own.
 */
@Component
class MediaFetcher {

    private static final int MAX_REDIRECTS = 5;

    private final SandboxSettings settings;
    private final Set<String> allowedHosts;
    private final HttpClient client;

    MediaFetcher(SandboxSettings settings, @Value("${herald.public-url}") String publicUrl) {
        this.settings = settings;
        var hosts = new HashSet<String>();
        settings.media().allowedHosts().forEach(host -> hosts.add(host.strip().toLowerCase(Locale.ROOT)));
        String own = URI.create(publicUrl).getHost();
        if (own != null) {
            hosts.add(own.toLowerCase(Locale.ROOT));
        }
        this.allowedHosts = Set.copyOf(hosts);
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.media().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
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
        try {
            HttpResponse<InputStream> response = send(url, uri);
            for (int hop = 1; isRedirect(response.statusCode()); hop++) {
                response.body().close();
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null || hop > MAX_REDIRECTS) {
                    throw SandboxError.invalidContent("Media URL " + url + " redirects "
                            + (location == null ? "without a Location." : "more than " + MAX_REDIRECTS + " times."));
                }
                try {
                    uri = response.uri().resolve(location);
                } catch (IllegalArgumentException e) {
                    throw SandboxError.invalidContent("Media URL " + url + " redirects to something not a URL.");
                }
                response = send(url, uri);
            }
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

    /** One request, to a URL (the given one or a hop of its redirects) checked first. */
    private HttpResponse<InputStream> send(String url, URI uri) throws IOException, InterruptedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw SandboxError.invalidContent("Media URL " + url + " must be an http or https URL.");
        }
        requirePublic(url, uri.getHost().toLowerCase(Locale.ROOT));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.media().timeout())
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private void requirePublic(String url, String host) {
        if (allowedHosts.contains(host)) {
            return;
        }
        boolean internal;
        try {
            internal = InternalAddresses.of(host).isPresent();
        } catch (UnknownHostException e) {
            throw SandboxError.invalidContent("Media URL " + url + " has a host that does not resolve.");
        }
        if (internal) {
            throw SandboxError.invalidContent("Media URL " + url + " leads to an internal address; the Sandbox"
                    + " fetches media from public addresses and Herald's own media links only, as a platform would.");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
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
