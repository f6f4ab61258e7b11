package herald.web.api;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;

/**
 * Where the API's filters run: after Spring Security, the audit origin and the workspace binding (so the caller and
 * the workspace are known), in this order: rate limit, body limit, idempotency. A rate-limited request costs nothing
 * more, and the idempotency fingerprint covers a body already known to be within the cap.
 */
public final class ApiFilterOrder {

    public static final int RATE_LIMIT = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;
    public static final int BODY_LIMIT = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 11;
    public static final int IDEMPOTENCY = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 12;

    private ApiFilterOrder() {}
}
