package herald.links;

import herald.shared.PublicHosts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads a page's card. Its client connects to public addresses only, at every connection and every redirect ({@link
 * PublicHosts}), follows at most {@value #MAX_REDIRECTS} redirects, sends no cookies, retries nothing, and reads at most
 * {@code herald.link-cards.max-bytes} within {@code .fetch-timeout}. The page is parsed as a browser parses HTML
 * (jsoup), and only its {@code <head>}'s tags are read. Never called inside a transaction.
 */
@Component
class LinkCardFetcher implements DisposableBean {

    static final int MAX_REDIRECTS = 5;
    static final String USER_AGENT = "Herald-LinkCards/1 (link previews of the Herald publishing platform)";

    /** What reading a page gave. */
    sealed interface Read {}

    record Found(LinkCard card) implements Read {}

    /** No card: {@code reason} says why, naming the host, never the URL's query (which may carry a token). */
    record Failed(String reason) implements Read {}

    private final LinkCardSettings settings;
    private final CloseableHttpClient client;

    LinkCardFetcher(LinkCardSettings settings) {
        this.settings = settings;
        this.client = PublicHosts.allowing(settings.allowedHosts())
                .client(settings.connectTimeout(), settings.readTimeout(), MAX_REDIRECTS)
                .setUserAgent(USER_AGENT)
                .build();
    }

    Read read(URI url) {
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
        try {
            return client.execute(get, response -> card(url, response));
        } catch (PublicHosts.Refused e) {
            return new Failed(e.host() + " is an internal address; Herald reads only public pages.");
        } catch (UnknownHostException e) {
            return new Failed(url.getHost() + " does not resolve.");
        } catch (ClientProtocolException e) {
            return new Failed(
                    "The page at " + url.getHost() + " could not be read (too many redirects or a bad answer).");
        } catch (SocketTimeoutException e) {
            return new Failed(url.getHost() + " did not answer in time.");
        } catch (IOException e) {
            return new Failed("The page at " + url.getHost() + " could not be read.");
        }
    }

    /** The image types a card's image may be: those the platforms that show one take. */
    static final java.util.Set<String> IMAGE_TYPES =
            java.util.Set.of("image/jpeg", "image/png", "image/webp", "image/gif");

    /**
     * The page's image at {@code url} (a card's {@link LinkCard#image()}), read as a page is (public addresses only),
     * when it is a JPEG, PNG, WebP or GIF of at most {@code maxBytes}; empty otherwise, never an error.
     */
    java.util.Optional<LinkImage> image(URI url, int maxBytes) {
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", "image/jpeg,image/png,image/webp,image/gif;q=0.9");
        try {
            return client.execute(get, response -> {
                String mime = mime(contentType(response));
                if (response.getCode() / 100 != 2 || !IMAGE_TYPES.contains(mime) || response.getEntity() == null) {
                    return java.util.Optional.<LinkImage>empty();
                }
                try (InputStream in = response.getEntity().getContent()) {
                    byte[] bytes = in.readNBytes(maxBytes + 1);
                    return bytes.length == 0 || bytes.length > maxBytes
                            ? java.util.Optional.<LinkImage>empty()
                            : java.util.Optional.of(new LinkImage(bytes, mime));
                }
            });
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private Read card(URI url, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status / 100 != 2) {
            return new Failed(url.getHost() + " answered HTTP " + status + ".");
        }
        ContentType contentType = contentType(response);
        String mime = mime(contentType);
        if (!mime.equals("text/html") && !mime.equals("application/xhtml+xml")) {
            return new Failed("The link is not a web page (" + (mime.isEmpty() ? "no type" : mime) + ").");
        }
        byte[] body;
        try (InputStream in = response.getEntity() == null
                ? InputStream.nullInputStream()
                : response.getEntity().getContent()) {
            body = readHead(in);
        }
        String charset = contentType.getCharset() == null
                ? null
                : contentType.getCharset().name();
        Document page = Jsoup.parse(new ByteArrayInputStream(body), charset, url.toString());
        return new Found(parse(url, page));
    }

    private static @Nullable ContentType contentType(ClassicHttpResponse response) {
        Header type = response.getFirstHeader("Content-Type");
        return type == null ? null : ContentType.parseLenient(type.getValue());
    }

    /** The answer's media type in lower case, empty when it names none. */
    private static String mime(@Nullable ContentType contentType) {
        return contentType == null || contentType.getMimeType() == null
                ? ""
                : contentType.getMimeType().toLowerCase(Locale.ROOT);
    }

    /** The card a parsed page gives: Open Graph first, then Twitter's tags, then plain HTML. */
    static LinkCard parse(URI url, Document page) {
        String title = first(meta(page, "property", "og:title"), meta(page, "name", "twitter:title"), page.title());
        String description = first(
                meta(page, "property", "og:description"),
                meta(page, "name", "twitter:description"),
                meta(page, "name", "description"));
        Element image =
                page.selectFirst("meta[property=og:image], meta[property=og:image:url], meta[name=twitter:image]");
        return new LinkCard(
                url,
                clip(title, 300),
                clip(description, 1000),
                image == null ? null : webAddress(image.absUrl("content")),
                clip(meta(page, "property", "og:site_name"), 200));
    }

    /**
     * The page up to {@code max-bytes}, or up to its {@code </head>}: the tags a card needs are there, and a large
     * page's body is not read at all.
     */
    private byte[] readHead(InputStream in) throws IOException {
        long deadline = System.nanoTime() + settings.fetchTimeout().toNanos();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        String seen = "";
        for (int read; (read = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, Math.min(read, settings.maxBytes() - out.size()));
            // The chunk, with the end of the one before: "</head>" may straddle two reads.
            seen = seen.substring(Math.max(0, seen.length() - 6))
                    + new String(buffer, 0, read, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (out.size() >= settings.maxBytes() || System.nanoTime() > deadline || seen.contains("</head>")) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static @Nullable String meta(Document page, String attribute, String value) {
        Element tag = page.selectFirst("meta[" + attribute + "=" + value + "]");
        return tag == null ? null : tag.attr("content");
    }

    private static @Nullable String first(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** One line, at most {@code max} characters (an ellipsis ends a longer one). */
    static @Nullable String clip(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String line = value.replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            return null;
        }
        return line.codePointCount(0, line.length()) <= max
                ? line
                : line.substring(0, line.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }

    private static @Nullable URI webAddress(String value) {
        if (value.isBlank() || value.length() > 2048) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
