package herald.web.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the API under test: every call goes over the socket, as a client's would. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client;

    Api(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The response of one call; {@code json} is null when the body is not JSON. */
    record Response(int status, HttpHeaders headers, String body, @Nullable JsonNode json) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        /** The problem's type slug, like {@code not-found}. */
        String problemType() {
            return json == null ? null : json.path("type").asString().replace("https://herald.dev/problems/", "");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Response get(String path, @Nullable String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    Response post(String path, @Nullable String token, @Nullable String json, String... headers) {
        return send("POST", path, token, json, headers);
    }

    Response patch(String path, @Nullable String token, @Nullable String json, String... headers) {
        return send("PATCH", path, token, json, headers);
    }

    Response delete(String path, @Nullable String token, String... headers) {
        return send("DELETE", path, token, null, headers);
    }

    /** A JSON call; {@code headers} are name, value pairs and may override Content-Type. */
    Response send(String method, String path, @Nullable String token, @Nullable String json, String... headers) {
        byte[] body = json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return sendBytes(method, path, token, body, "application/json", headers);
    }

    Response sendBytes(
            String method,
            String path,
            @Nullable String token,
            byte @Nullable [] body,
            String contentType,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return exchange(request.build());
    }

    Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    private static @Nullable JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
