package herald.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Sandbox's front door, in its own security chain: off entirely when {@code herald.sandbox.enabled} is false;
 * admin routes only with the admin token (404 otherwise, so a server without one shows nothing); and for the
 * authenticated JSON API, in this order, the latency and error-rate faults, the bearer token, the rate-limit fault and
 * the per-account window, with {@code x-rate-limit-*} headers on every answer.
 */
class SandboxGate extends OncePerRequestFilter {

    static final String GRANT = "herald.sandbox.grant";
    static final String ADMIN_HEADER = "X-Sandbox-Admin-Token";

    private static final Pattern PUBLIC_POSTS = Pattern.compile("^/sandbox/api/accounts/[^/]+/posts/?$");

    private final SandboxSettings settings;
    private final Faults faults;
    private final RateWindows windows;
    private final JsonMapper json;
    private final Clock clock;

    SandboxGate(SandboxSettings settings, Faults faults, RateWindows windows, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.faults = faults;
        this.windows = windows;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!settings.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (path.startsWith("/sandbox/admin/") && !isAdmin(request)) {
            error(response, 404, "not_found", "No such resource.");
            return;
        }
        if (path.startsWith("/sandbox/api/") && !PUBLIC_POSTS.matcher(path).matches()) {
            if (!admitted(request, response)) {
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean isAdmin(HttpServletRequest request) {
        String expected = settings.adminToken();
        String given = request.getHeader(ADMIN_HEADER);
        return !expected.isBlank() && given != null && Secrets.equalInConstantTime(expected, given);
    }

    /** Applies faults, authentication and the rate limit; false when the answer has been written. */
    private boolean admitted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Faults.Settings fault = faults.current();
        if (fault.latencyMs() > 0) {
            sleep(Duration.ofMillis(fault.latencyMs()));
        }
        if (fault.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < fault.errorRate()) {
            error(response, 503, "unavailable", "The Sandbox is failing on purpose (fault errorRate).");
            return false;
        }
        var admitted = bearer(request).flatMap(windows::admit);
        if (admitted.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            error(response, 401, "invalid_token", "The access token is invalid, expired or revoked.");
            return false;
        }
        request.setAttribute(GRANT, admitted.get().grant());
        RateWindows.Usage usage = admitted.get().usage();
        Instant now = clock.instant();
        if (faults.rateLimitedNow(fault)) {
            Instant until = fault.rateLimitedUntil();
            limitHeaders(response, usage.limit(), 0, until);
            tooMany(response, until, now, "The Sandbox is rate limiting on purpose (fault rateLimitedUntil).");
            return false;
        }
        limitHeaders(response, usage.limit(), usage.remaining(), usage.reset());
        if (usage.exceeded()) {
            tooMany(response, usage.reset(), now, "This account has used its " + usage.limit() + " requests.");
            return false;
        }
        return true;
    }

    private void tooMany(HttpServletResponse response, Instant until, Instant now, String message) throws IOException {
        long seconds = Math.max(1, Duration.between(now, until).toMillis() / 1000 + 1);
        response.setHeader("retry-after", Long.toString(seconds));
        error(response, 429, "rate_limited", message);
    }

    private static void limitHeaders(HttpServletResponse response, int limit, int remaining, Instant reset) {
        response.setHeader("x-rate-limit-limit", Integer.toString(limit));
        response.setHeader("x-rate-limit-remaining", Integer.toString(remaining));
        response.setHeader("x-rate-limit-reset", Long.toString(reset.getEpochSecond()));
    }

    private void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }

    private static java.util.Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return java.util.Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(token);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
