package herald.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import herald.providers.ProviderException.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reading a platform's answer: a failure's body is read leniently; a body Herald needs must be a JSON object. */
class ProviderJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aBodyThatIsEmptyOrNotJsonHasNoTree() {
        assertThat(ProviderJson.tree(json, null)).isNull();
        assertThat(ProviderJson.tree(json, "  ")).isNull();
        assertThat(ProviderJson.tree(json, "<html><body>Bad gateway</body></html>"))
                .isNull();
        assertThat(ProviderJson.tree(json, "{\"error\":\"x\"}").path("error").asString())
                .isEqualTo("x");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsTheTransientFailureOfThePlatformItNames() {
        for (String body : new String[] {"<html>down</html>", "[1,2]", "", "\"text\""}) {
            ProviderException e = catchThrowableOfType(
                    ProviderException.class,
                    () -> ProviderJson.object(json, "linkedin", "LinkedIn", "the post", 502, body));
            assertThat(e.kind()).as(body).isEqualTo(Kind.TRANSIENT);
            assertThat(e.getMessage())
                    .isEqualTo("LinkedIn answered the post with malformed JSON (HTTP 502); Herald will try again.");
        }
        assertThat(ProviderJson.object(json, "x", "X", "the post", 201, "{\"data\":{\"id\":\"1\"}}")
                        .path("data")
                        .path("id")
                        .asString())
                .isEqualTo("1");
    }

    @Test
    void aFieldsTextIsNullWhenAbsentNullOrBlank() {
        var node = ProviderJson.tree(json, "{\"id\":\"42\",\"none\":null,\"blank\":\"  \",\"count\":7}");

        assertThat(ProviderJson.text(node, "id")).isEqualTo("42");
        assertThat(ProviderJson.text(node, "count")).isEqualTo("7");
        assertThat(ProviderJson.text(node, "none")).isNull();
        assertThat(ProviderJson.text(node, "blank")).isNull();
        assertThat(ProviderJson.text(node, "missing")).isNull();
    }
}
