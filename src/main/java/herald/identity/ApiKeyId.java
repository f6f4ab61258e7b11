package herald.identity;

import java.io.Serializable;
import java.util.UUID;

public record ApiKeyId(UUID value) implements Serializable {

    public static ApiKeyId of(String value) {
        return new ApiKeyId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
