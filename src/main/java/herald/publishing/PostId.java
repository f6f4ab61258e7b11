package herald.publishing;

import java.util.UUID;

public record PostId(UUID value) {

    public static PostId random() {
        return new PostId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
