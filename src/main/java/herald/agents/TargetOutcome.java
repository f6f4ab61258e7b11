package herald.agents;

import herald.connections.ConnectionId;
import herald.publishing.PostId;
import herald.publishing.TargetComment;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What became of one account of an agent's post: a post (with its status and, once published, its URL), or an error
 * the agent can act on.
 *
 * @param status {@code pending_approval}, {@code scheduled}, {@code publishing}, {@code published}, {@code failed}
 * @param error {@code not_connected}, {@code no_permission}, {@code quota_exceeded}, {@code invalid_content}
 * @param comment the post's first comment on this account, where it stands; null when the post has none
 */
public record TargetOutcome(
        String platform,
        @Nullable ConnectionId connection,
        @Nullable String account,
        @Nullable PostId post,
        @Nullable String status,
        @Nullable Instant scheduledAt,
        @Nullable URI url,
        @Nullable Error error,
        @Nullable String detail,
        @Nullable TargetComment comment) {

    /** Why a target was refused; nothing was created for it. */
    public enum Error {
        NOT_CONNECTED,
        NO_PERMISSION,
        QUOTA_EXCEEDED,
        INVALID_CONTENT;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static TargetOutcome refused(
            String platform, @Nullable ConnectionId connection, @Nullable String account, Error error, String detail) {
        return new TargetOutcome(platform, connection, account, null, null, null, null, error, detail, null);
    }

    public boolean created() {
        return post != null;
    }
}
