package herald.sandbox;

import org.springframework.http.HttpStatus;

/** A refusal of the Sandbox's JSON API, answered as {@code {"error": code, "message": message}}. */
class SandboxError extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    SandboxError(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    static SandboxError invalidToken() {
        return new SandboxError(
                HttpStatus.UNAUTHORIZED, "invalid_token", "The access token is invalid, expired or revoked.");
    }

    static SandboxError notFound(String message) {
        return new SandboxError(HttpStatus.NOT_FOUND, "not_found", message);
    }

    static SandboxError invalidContent(String message) {
        return new SandboxError(HttpStatus.BAD_REQUEST, "invalid_content", message);
    }
}
