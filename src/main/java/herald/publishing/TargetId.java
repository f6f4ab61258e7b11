package herald.publishing;

import java.util.UUID;

public record TargetId(UUID value) {

    public static TargetId random() {
        return new TargetId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
