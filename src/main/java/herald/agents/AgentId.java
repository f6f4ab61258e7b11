package herald.agents;

import java.io.Serializable;
import java.util.UUID;

public record AgentId(UUID value) implements Serializable {

    public static AgentId of(String value) {
        return new AgentId(UUID.fromString(value));
    }

    public static AgentId random() {
        return new AgentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
