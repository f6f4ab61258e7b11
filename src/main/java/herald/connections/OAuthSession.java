package herald.connections;

import java.net.URI;
import java.time.Instant;

/** A started connect: open {@code authorizationUrl} in the person's browser before {@code expiresAt}. */
public record OAuthSession(URI authorizationUrl, String state, Instant expiresAt) {

    @Override
    public String toString() {
        return "OAuthSession[expiresAt=" + expiresAt + "]";
    }
}
