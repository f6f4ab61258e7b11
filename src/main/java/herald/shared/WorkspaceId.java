package herald.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The id of a workspace: the tenant every tenant-owned row belongs to. */
public record WorkspaceId(UUID value) implements Serializable {

    public WorkspaceId {
        Objects.requireNonNull(value, "value");
    }

    public static WorkspaceId of(String value) {
        return new WorkspaceId(UUID.fromString(value));
    }

    public static WorkspaceId random() {
        return new WorkspaceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
