package herald.identity;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/** Where a request came from, kept with an authentication for the audit log. */
public record RequestOrigin(@Nullable String ip, @Nullable String userAgent) implements Serializable {}
