package herald.web.api.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the asset API: JSON calls and multipart uploads over the socket. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    /** One file part of a multipart upload. */
    record Part(String filename, String declaredType, byte[] bytes) {}

    record Response(int status, java.net.http.HttpHeaders headers, byte[] bytes) {

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body());
        }

        @Nullable
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String problemType() {
            return json().path("type").asString().replace("https://herald.dev/problems/", "");
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }

    /** A GET; {@code headers} are name, value pairs. */
    Response get(String pathOrUrl, @Nullable String token, String... headers) {
        var request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request, token);
    }

    Response delete(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
    }

    Response json(String method, String path, String token, String json) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json)),
                token);
    }

    Response upload(String path, String token, List<Part> files, String... fields) {
        String boundary = "----herald" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        for (Part file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + file.filename() + "\"\r\nContent-Type: " + file.declaredType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                            + fields[i + 1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                token);
    }

    private URI uri(String pathOrUrl) {
        // Media URLs name herald.public-url (http://localhost:8080 in tests); the server under test has a random port.
        String url = pathOrUrl.replace("http://localhost:8080", base);
        return URI.create(url.startsWith("http") ? url : base + url);
    }

    private Response send(HttpRequest.Builder request, @Nullable String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response = client.send(
                    request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
