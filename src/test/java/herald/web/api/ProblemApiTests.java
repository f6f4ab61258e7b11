package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every way a request can be wrong answers an RFC 9457 problem document, and a refused request creates nothing. */
class ProblemApiTests extends ApiTest {

    long keyCount(Workspace workspace) {
        return api.get(workspace.path("/api-keys?limit=200"), workspace.token())
                .json()
                .path("items")
                .size();
    }

    @Test
    void malformedJsonIsRefusedAndCreatesNothing() {
        var workspace = provision();

        var response = api.post(workspace.path("/api-keys"), workspace.token(), "{\"name\": \"half\", \"scopes\": [");

        assertProblem(response, 400, "malformed-json");
        assertThat(response.json().path("instance").asString()).isEqualTo(workspace.path("/api-keys"));
        assertThat(response.json().path("detail").asString()).doesNotContain("tools.jackson", "herald.web");
        assertThat(keyCount(workspace)).isEqualTo(1);
    }

    @Test
    void aMissingBodyOrTrailingGarbageIsRefused() {
        var workspace = provision();

        assertProblem(api.post(workspace.path("/api-keys"), workspace.token(), null), 400, "malformed-json");
        assertProblem(
                api.post(workspace.path("/api-keys"), workspace.token(), "{\"name\":\"a\",\"scopes\":[\"read\"]} {}"),
                400,
                "malformed-json");
        assertThat(keyCount(workspace)).isEqualTo(1);
    }

    @Test
    void anUnknownPropertyIsNamed() {
        var workspace = provision();

        var response = api.post(
                workspace.path("/api-keys"),
                workspace.token(),
                "{\"name\":\"a\",\"scopes\":[\"read\"],\"admin\":true}");

        assertProblem(response, 400, "invalid-input");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("admin");
        assertThat(response.json().path("errors").get(0).path("message").asString())
                .contains("Unknown property");
        assertThat(keyCount(workspace)).isEqualTo(1);
    }

    @Test
    void anOversizedBodyIsRefusedWithoutBeingRead() {
        var workspace = provision();
        String padding = "x".repeat(1_200_000);

        var response = api.post(
                workspace.path("/api-keys"),
                workspace.token(),
                "{\"name\":\"big\",\"scopes\":[\"read\"],\"padding\":\"" + padding + "\"}");

        assertProblem(response, 413, "payload-too-large");
        assertThat(keyCount(workspace)).isEqualTo(1);
    }

    @Test
    void aBodyJustUnderTheCapIsRead() {
        var workspace = provision();
        String padding = "x".repeat(1_000_000);

        var response = api.post(
                workspace.path("/api-keys"),
                workspace.token(),
                "{\"name\":\"big\",\"scopes\":[\"read\"],\"padding\":\"" + padding + "\"}");

        // Read in full and refused for its unknown property, not for its size.
        assertProblem(response, 400, "invalid-input");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        var workspace = provision();

        var response = api.sendBytes(
                "POST",
                workspace.path("/api-keys"),
                workspace.token(),
                "name=a&scopes=read".getBytes(StandardCharsets.UTF_8),
                "text/plain");

        assertProblem(response, 415, "unsupported-media-type");
        assertThat(response.header("Accept")).contains("application/json");
        assertThat(keyCount(workspace)).isEqualTo(1);
    }

    @Test
    void aMethodTheRouteDoesNotTakeIsRefusedWithAllow() {
        var workspace = provision();

        var response = api.send("PUT", workspace.path("/api-keys"), workspace.token(), "{}");

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void anUnknownRouteIsAProblemToo() {
        var workspace = provision();

        assertProblem(api.get(workspace.path("/posts-that-do-not-exist-yet"), workspace.token()), 404, "not-found");
        assertProblem(api.get("/api/v2/anything", workspace.token()), 404, "not-found");
    }

    @Test
    void aMissingOrUnknownKeyIsUnauthenticated() {
        var workspace = provision();

        var none = api.get(workspace.path(), null);
        var unknown = api.get(workspace.path(), "hk_unknown_0000000000000000000000000000000000000000");

        assertProblem(none, 401, "unauthenticated");
        assertProblem(unknown, 401, "unauthenticated");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void anUnexpectedFailureTellsAnErrorIdAndNothingOfHeraldsInsides() {
        var workspace = provision();

        var response = api.post(
                workspace.path("/test-failures"), workspace.token(), "{\"marker\":\"" + UUID.randomUUID() + "\"}");

        assertProblem(response, 500, "internal");
        String errorId = response.json().path("errorId").asString();
        assertThat(response.json().path("detail").asString()).contains(errorId);
        assertThat(response.body()).doesNotContain("secret internals", "jdbc", "IllegalStateException", "at herald.");
    }
}
