package herald.assets.storage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WireMock stubs of the S3 REST calls the backend makes (path-style PutObject, GetObject, HeadObject, DeleteObject,
 * ListObjectsV2, DeleteObjects), each requiring a SigV4 signature. No S3-compatible server resolves from the package
 * mirror here (Adobe S3Mock is not served), so after each PUT or DELETE a listener re-stubs the GET, HEAD and listing
 * answers of the keys concerned: the stubs follow what the client wrote, they do not implement S3.
 */
final class S3Stubs implements ServeEventListener {

    static final String BUCKET = "herald-assets";
    private static final Pattern KEY = Pattern.compile("<Key>(.*?)</Key>");

    private WireMockServer server;
    private final Map<String, List<StubMapping>> objects = new ConcurrentHashMap<>();
    private final Map<String, StubMapping> listings = new ConcurrentHashMap<>();

    void attach(WireMockServer server) {
        this.server = server;
        var signed = containing("AWS4-HMAC-SHA256");
        server.stubFor(put(urlPathMatching("/" + BUCKET + "/.+"))
                .withHeader("Authorization", signed)
                .atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"etag\"")));
        server.stubFor(any(urlPathMatching("/" + BUCKET + "/.+"))
                .atPriority(20)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/xml")
                        .withBody("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>"
                                + "</Error>")));
        server.stubFor(delete(urlPathMatching("/" + BUCKET + "/.+"))
                .withHeader("Authorization", signed)
                .atPriority(10)
                .willReturn(aResponse().withStatus(204)));
        server.stubFor(post(urlPathMatching("/" + BUCKET + "/?"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/xml")
                        .withBody("<DeleteResult></DeleteResult>")));
        server.stubFor(get(urlPathMatching("/" + BUCKET + "/?"))
                .withQueryParam("list-type", equalTo("2"))
                .atPriority(20)
                .willReturn(listing(List.of())));
    }

    @Override
    public String getName() {
        return "s3-stubs";
    }

    @Override
    public void afterMatch(ServeEvent event, Parameters parameters) {
        var request = event.getRequest();
        String path = request.getUrl().split("\\?")[0];
        String prefix = "/" + BUCKET + "/";
        String method = request.getMethod().getName();
        if (path.startsWith(prefix) && path.length() > prefix.length()) {
            String key = URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8);
            if (method.equals("PUT")) {
                stored(key, payload(request), request.getHeader("Content-Type"));
            } else if (method.equals("DELETE")) {
                removed(key);
            }
        } else if (method.equals("POST") && request.getUrl().contains("delete")) {
            Matcher keys = KEY.matcher(request.getBodyAsString());
            while (keys.find()) {
                removed(keys.group(1));
            }
        }
    }

    /**
     * The object's bytes: over plain HTTP the SDK signs the payload chunk by chunk ({@code aws-chunked}, as S3 and
     * S3-compatible servers accept), so the body is {@code <hex size>;chunk-signature=...\r\n<data>\r\n} repeated.
     */
    private static byte[] payload(com.github.tomakehurst.wiremock.http.Request request) {
        byte[] body = request.getBody();
        String sha = request.getHeader("x-amz-content-sha256");
        if (sha == null || !sha.startsWith("STREAMING-")) {
            return body;
        }
        var out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, at);
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        return body.length;
    }

    private synchronized void stored(String key, byte[] body, String contentType) {
        removed(key);
        String path = "/" + BUCKET + "/" + key;
        var stubs = new ArrayList<StubMapping>();
        stubs.add(server.stubFor(get(urlPathEqualTo(path))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType)
                        .withHeader("ETag", "\"etag\"")
                        .withBody(body))));
        stubs.add(server.stubFor(head(urlPathEqualTo(path))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Length", String.valueOf(body.length))
                        .withHeader("Content-Type", contentType))));
        objects.put(key, stubs);
        relist();
    }

    private synchronized void removed(String key) {
        List<StubMapping> stubs = objects.remove(key);
        if (stubs != null) {
            stubs.forEach(server::removeStub);
            relist();
        }
    }

    /** One listing stub per top-level prefix ({@code <workspace>/}), naming the keys stored under it. */
    private void relist() {
        listings.values().forEach(server::removeStub);
        listings.clear();
        var byPrefix = new java.util.TreeMap<String, List<String>>();
        for (String key : objects.keySet()) {
            String prefix = key.substring(0, key.indexOf('/') + 1);
            byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(key);
        }
        byPrefix.forEach((prefix, keys) -> listings.put(
                prefix,
                server.stubFor(get(urlPathMatching("/" + BUCKET + "/?"))
                        .withQueryParam("list-type", equalTo("2"))
                        .withQueryParam("prefix", equalTo(prefix))
                        .atPriority(1)
                        .willReturn(listing(keys)))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder listing(List<String> keys) {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><Name>")
                .append(BUCKET)
                .append("</Name><KeyCount>")
                .append(keys.size())
                .append("</KeyCount><IsTruncated>false</IsTruncated>");
        for (String key : keys) {
            xml.append("<Contents><Key>").append(key).append("</Key><Size>1</Size></Contents>");
        }
        xml.append("</ListBucketResult>");
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/xml")
                .withBody(xml.toString());
    }
}
