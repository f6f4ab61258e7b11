package herald.providers;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/** A comment as the platform holds it: its id there and, where the platform has one, its own public URL. */
public record PublishedComment(String id, @Nullable URI url) {}
