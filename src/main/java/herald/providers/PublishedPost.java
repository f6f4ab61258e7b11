package herald.providers;

import java.net.URI;
import java.time.Instant;

/** A post as the platform holds it: its id there, its public URL and when the platform created it. */
public record PublishedPost(String id, URI url, Instant createdAt) {}
