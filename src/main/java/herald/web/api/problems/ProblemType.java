package herald.web.api.problems;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every kind of error the API answers with, each with a stable {@code type} URI ({@code https://herald.dev/problems/
 * <slug>}) that clients may switch on, its HTTP status and a short title. The {@code detail} says what happened to this
 * request and what to do.
 */
public enum ProblemType {
    INVALID_INPUT(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized"),
    INSUFFICIENT_SCOPE(HttpStatus.FORBIDDEN, "insufficient-scope", "Insufficient scope"),
    OPERATOR_ONLY(HttpStatus.FORBIDDEN, "operator-only", "Operator only"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
    PLAN_LIMIT(HttpStatus.FORBIDDEN, "plan-limit", "Plan limit reached"),
    AGENT_PAUSED(HttpStatus.FORBIDDEN, "agent-paused", "Agent paused"),
    NO_PERMISSION(HttpStatus.FORBIDDEN, "no-permission", "Not granted"),
    AGENT_POST_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT, "agent-post-refused", "No post created"),
    CONNECT_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT, "connect-refused", "Nothing connected"),
    IMPORT_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "import-rejected", "File not imported"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not Found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict"),
    INVITATION_UNUSABLE(HttpStatus.CONFLICT, "invitation-unusable", "Invitation unusable"),
    IDEMPOTENCY_IN_PROGRESS(HttpStatus.CONFLICT, "idempotency-in-progress", "Request still in progress"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable"),
    AI_FAILED(HttpStatus.BAD_GATEWAY, "ai-failed", "The AI endpoint failed"),
    REPLY_REFUSED(HttpStatus.BAD_GATEWAY, "reply-refused", "The platform did not take the answer"),
    AI_NOT_CONFIGURED(HttpStatus.SERVICE_UNAVAILABLE, "ai-not-configured", "No AI endpoint"),
    AI_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "ai-timeout", "The AI endpoint timed out");

    public static final String BASE = "https://herald.dev/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /** A problem of this type with {@code detail}. */
    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }

    /** A problem of this type listing the fields that are wrong, in {@code errors}. */
    public ProblemDetail problem(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = problem(detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
