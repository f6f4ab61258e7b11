package herald.web.api.connections;

import herald.connections.OAuthSession;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A started connect. Open {@code authorizationUrl} in the browser of the person who consents; the platform sends them
 * back to Herald's callback, which stores the accounts and says they can close the window.
 */
@Schema(name = "OAuthSession")
record OAuthSessionView(
        @Schema(description = "Open this in a browser before expiresAt. Shown in this response only.")
                String authorizationUrl,
        @Schema(description = "The single-use state in that URL.") String state,
        Instant expiresAt) {

    static OAuthSessionView of(OAuthSession session) {
        return new OAuthSessionView(session.authorizationUrl().toString(), session.state(), session.expiresAt());
    }

    @Override
    public String toString() {
        return "OAuthSessionView[expiresAt=" + expiresAt + "]";
    }
}
