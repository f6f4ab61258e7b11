package herald.assets;

import herald.shared.NotFound;
import java.util.UUID;

/** The id of an asset: one entry of the library (several may share the same stored bytes). */
public record AssetId(UUID value) {

    public static AssetId random() {
        return new AssetId(UUID.randomUUID());
    }

    /** The id in {@code text}; text that is no id names nothing, so it is a {@link NotFound}. */
    public static AssetId of(String text) {
        try {
            return new AssetId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new NotFound("No such asset.");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
