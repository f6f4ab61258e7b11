package herald.feeds;

import java.util.UUID;

public record FeedId(UUID value) {

    public static FeedId random() {
        return new FeedId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
