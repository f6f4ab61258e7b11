package herald.feeds;

import herald.shared.PublicHosts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Fetches a feed with a conditional GET ({@code If-None-Match}, {@code If-Modified-Since}) and parses it. Its client
 * connects to public addresses only, at every connection and every redirect ({@link PublicHosts}), follows at most
 * {@value #MAX_REDIRECTS} redirects, retries nothing, and reads at most {@code herald.feeds.max-bytes} within {@code
 * .fetch-timeout}. Never called inside a transaction. Its answers are sentences for the feed's page; they name the
 * host, never the URL's query (which may carry a token).
 */
@Component
class FeedFetcher implements DisposableBean {

    static final int MAX_REDIRECTS = 5;
    static final String USER_AGENT = "Herald-Feeds/1 (RSS/Atom reader of the Herald publishing platform)";
    static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8,"
                    + " text/xml;q=0.8, */*;q=0.1";

    /** What a fetch found. */
    sealed interface Fetched {}

    /** A new document, with the validators to send next time. */
    record Found(FeedDocument document, @Nullable String etag, @Nullable String lastModified) implements Fetched {}

    /** 304: nothing changed since the validators sent. */
    record NotModified() implements Fetched {}

    /** The feed could not be fetched or read; {@code reason} says why. */
    record Failed(String reason) implements Fetched {}

    private final FeedSettings settings;
    private final CloseableHttpClient client;

    FeedFetcher(FeedSettings settings) {
        this.settings = settings;
        this.client = PublicHosts.allowing(settings.allowedHosts())
                .client(settings.connectTimeout(), settings.readTimeout(), MAX_REDIRECTS)
                .setUserAgent(USER_AGENT)
                .build();
    }

    Fetched fetch(URI url, @Nullable String etag, @Nullable String lastModified) {
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", ACCEPT);
        if (etag != null) {
            get.setHeader("If-None-Match", etag);
        }
        if (lastModified != null) {
            get.setHeader("If-Modified-Since", lastModified);
        }
        try {
            return client.execute(get, this::read);
        } catch (PublicHosts.Refused e) {
            return new Failed("The host " + e.host() + " resolves to an internal address ("
                    + e.address().getHostAddress() + "); Herald only reads feeds from public addresses.");
        } catch (UnknownHostException e) {
            return new Failed("The host " + url.getHost() + " does not resolve.");
        } catch (ClientProtocolException e) {
            if (e.getCause() instanceof RedirectException) {
                return new Failed("The feed redirects more than " + MAX_REDIRECTS + " times.");
            }
            return new Failed("The request failed: " + oneLine(e.getMessage()));
        } catch (ConnectTimeoutException e) {
            return new Failed("The connection to " + url.getHost() + " timed out.");
        } catch (SocketTimeoutException e) {
            return new Failed(
                    "The server did not answer within " + settings.readTimeout().toSeconds() + " s.");
        } catch (java.net.ConnectException e) {
            return new Failed("The connection to " + url.getHost() + " was refused.");
        } catch (javax.net.ssl.SSLException e) {
            return new Failed("The TLS handshake with " + url.getHost() + " failed.");
        } catch (IOException e) {
            return new Failed("The request failed: " + oneLine(e.getMessage()));
        }
    }

    private Fetched read(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status == 304) {
            return new NotModified();
        }
        if (status / 100 != 2) {
            return new Failed("The server answered HTTP " + status + (status == 404 ? " (not found)." : "."));
        }
        byte[] body;
        try (InputStream in = response.getEntity() == null
                ? InputStream.nullInputStream()
                : response.getEntity().getContent()) {
            body = readCapped(in);
        } catch (TooLarge e) {
            return new Failed("The feed is larger than " + settings.maxBytes() / 1024 + " KB.");
        } catch (TooSlow e) {
            return new Failed(
                    "The feed was not read within " + settings.fetchTimeout().toSeconds() + " s.");
        }
        Header type = response.getFirstHeader("Content-Type");
        try {
            FeedDocument document = FeedDocument.parse(body, type == null ? null : type.getValue());
            return new Found(document, header(response, "ETag"), header(response, "Last-Modified"));
        } catch (FeedDocument.NotAFeed e) {
            return new Failed(e.getMessage());
        }
    }

    private byte[] readCapped(InputStream in) throws IOException, TooLarge, TooSlow {
        long deadline = System.nanoTime() + settings.fetchTimeout().toNanos();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int read; (read = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, read);
            if (out.size() > settings.maxBytes()) {
                throw new TooLarge();
            }
            if (System.nanoTime() > deadline) {
                throw new TooSlow();
            }
        }
        return out.toByteArray();
    }

    private static @Nullable String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        if (header == null || header.getValue().isBlank()) {
            return null;
        }
        String value = header.getValue().strip();
        return value.length() > 100 && name.equals("Last-Modified") || value.length() > 500 ? null : value;
    }

    private static String oneLine(@Nullable String text) {
        if (text == null) {
            return "no reason given.";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static final class TooLarge extends Exception {}

    private static final class TooSlow extends Exception {}

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
