package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST captions: the answer's shape, template mode without a model, and every kind of bad input as a problem. */
class CaptionApiTests extends ApiTest {

    @Test
    void answersTemplateCaptionsInTheDocumentedShape() {
        Workspace ws = provision();

        var response = api.post(
                ws.path("/captions"),
                ws.token(),
                """
                {"platform":"x","tone":"casual","itemName":"Truffle tagliatelle",
                 "itemDescription":"Hand-cut pasta with black truffle.","context":"Friday only","variants":2,
                 "postType":"product_showcase","mode":"template"}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var json = response.json();
        assertThat(json.path("mode").asString()).isEqualTo("template");
        assertThat(json.path("fallbackReason").isNull()).isTrue();
        assertThat(json.path("usage").path("promptTokens").asLong()).isZero();
        assertThat(json.path("usage").has("completionTokens")).isTrue();
        assertThat(json.path("usage").has("costMicros")).isTrue();
        assertThat(json.path("captions")).hasSize(2);
        for (var caption : json.path("captions")) {
            assertThat(caption.path("text").asString()).contains("Truffle tagliatelle");
            assertThat(caption.path("similarity").isNumber()).isTrue();
            assertThat(caption.path("similarTo").isNull()).isTrue();
            assertThat(caption.path("warnings").isArray()).isTrue();
        }
        assertThat(json.path("captions").get(0).path("text").asString())
                .isNotEqualTo(json.path("captions").get(1).path("text").asString());
    }

    @Test
    void autoModeWithoutAModelWritesFromTemplatesWithTheDefaultPersona() {
        Workspace ws = provision();

        var response =
                api.post(ws.path("/captions"), ws.token(), "{\"platform\":\"instagram\",\"itemName\":\"Tiramisu\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("mode").asString()).isEqualTo("template");
        assertThat(response.json().path("captions")).hasSize(1);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Workspace ws = provision();
        String captions = ws.path("/captions");

        field(api.post(captions, ws.token(), "{\"platform\":\"myspace\",\"itemName\":\"Pizza\"}"), "platform");
        field(api.post(captions, ws.token(), "{\"platform\":\"x\",\"tone\":\"angry\"}"), "tone");
        field(api.post(captions, ws.token(), "{\"platform\":\"x\",\"variants\":0}"), "variants");
        field(api.post(captions, ws.token(), "{\"platform\":\"x\",\"variants\":6}"), "variants");
        field(api.post(captions, ws.token(), "{\"platform\":\"x\",\"postType\":\"meme\"}"), "postType");
        field(api.post(captions, ws.token(), "{\"platform\":\"x\",\"mode\":\"magic\"}"), "mode");
        field(
                api.post(captions, ws.token(), "{\"platform\":\"x\",\"itemName\":\"" + "p".repeat(201) + "\"}"),
                "itemName");
        field(
                api.post(captions, ws.token(), "{\"platform\":\"x\",\"context\":\"" + "c".repeat(1001) + "\"}"),
                "context");
        assertProblem(
                api.post(captions, ws.token(), "{\"platform\":\"x\",\"personaId\":\"" + UUID.randomUUID() + "\"}"),
                404,
                "not-found");
        assertThat(api.post(captions, ws.token(), "{\"platform\":\"x\",\"colour\":\"red\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(captions, key(ws, "read"), "{\"platform\":\"x\"}").status())
                .isEqualTo(403);
    }

    private static void field(Api.Response response, String field) {
        assertProblem(response, 400, "invalid-input");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo(field);
    }
}
