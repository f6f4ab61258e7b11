package herald.web.api.vault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the operator routes. */
record OperatorHttp(int port) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Response(int status, String body, @Nullable String location, @Nullable String contentType) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Response send(String method, String path, @Nullable String token) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
