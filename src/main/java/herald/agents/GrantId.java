package herald.agents;

import java.io.Serializable;
import java.util.UUID;

public record GrantId(UUID value) implements Serializable {

    public static GrantId of(String value) {
        return new GrantId(UUID.fromString(value));
    }

    public static GrantId random() {
        return new GrantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
