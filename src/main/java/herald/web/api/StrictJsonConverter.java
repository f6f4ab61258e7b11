package herald.web.api;

import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the API's request bodies strictly: an unknown property or trailing content is an error the client hears
 * about, not something silently dropped. Applies only to request types of {@code herald.web.api}; everything else
 * (and all writing) keeps Spring Boot's lenient defaults.
 */
class StrictJsonConverter extends JacksonJsonHttpMessageConverter {

    StrictJsonConverter(JsonMapper mapper) {
        super(mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build());
    }

    @Override
    public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
        return isApiType(type.getType()) && super.canRead(type, mediaType);
    }

    @Override
    public boolean canRead(Class<?> clazz, @Nullable MediaType mediaType) {
        return isApiType(clazz) && super.canRead(clazz, mediaType);
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, @Nullable MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Class<?> clazz, @Nullable MediaType mediaType) {
        return false;
    }

    private static boolean isApiType(Type type) {
        Class<?> raw = ResolvableType.forType(type).resolve();
        return raw != null && raw.getPackageName().startsWith("herald.web.api");
    }
}
