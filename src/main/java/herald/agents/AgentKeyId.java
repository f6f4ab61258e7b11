package herald.agents;

import java.io.Serializable;
import java.util.UUID;

public record AgentKeyId(UUID value) implements Serializable {

    public static AgentKeyId of(String value) {
        return new AgentKeyId(UUID.fromString(value));
    }

    public static AgentKeyId random() {
        return new AgentKeyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
