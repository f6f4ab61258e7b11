package herald.reviews;

import java.util.UUID;

public record ReviewLinkId(UUID value) {

    public static ReviewLinkId random() {
        return new ReviewLinkId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
