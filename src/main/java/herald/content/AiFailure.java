package herald.content;

/**
 * A model could not give a usable answer. The message says what happened in words a person can act on and never
 * contains the key; the API answers it as a problem document ({@code 502}, or {@code 503} for {@link
 * Kind#NOT_CONFIGURED}, {@code 504} for {@link Kind#TIMEOUT}).
 */
public class AiFailure extends RuntimeException {

    /** Why the answer is missing. */
    public enum Kind {
        /** No endpoint: no workspace key and none in Herald's configuration. */
        NOT_CONFIGURED,
        /** 401/403: the key is wrong, revoked or not allowed. */
        BAD_KEY,
        /** 429 {@code insufficient_quota}: the account behind the key has no credit; not worth retrying. */
        QUOTA_EXHAUSTED,
        /** 429 otherwise: rate limited; worth retrying later. */
        RATE_LIMITED,
        /** No full answer within the configured timeout. */
        TIMEOUT,
        /** The answer was not a chat completion (HTML, empty, no choices, blank content). */
        MALFORMED,
        /** 5xx, connection refused, or another answer the endpoint should not give. */
        UNAVAILABLE
    }

    private final Kind kind;

    public AiFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AiFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
