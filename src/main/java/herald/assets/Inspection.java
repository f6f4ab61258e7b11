package herald.assets;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** What the bytes of an accepted upload are; {@code thumbnail} is a PNG file for images. */
record Inspection(
        AssetType type,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Double durationSeconds,
        @Nullable Path thumbnail) {}
