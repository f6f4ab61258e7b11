package herald.assets;

import herald.shared.NotFound;
import java.util.UUID;

/** The id of a folder in a workspace's asset library. */
public record FolderId(UUID value) {

    public static FolderId random() {
        return new FolderId(UUID.randomUUID());
    }

    /** The id in {@code text}; text that is no id names nothing, so it is a {@link NotFound}. */
    public static FolderId of(String text) {
        try {
            return new FolderId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new NotFound("No such folder.");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
