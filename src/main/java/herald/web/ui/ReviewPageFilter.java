package herald.web.ui;

import herald.web.api.ratelimit.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every response under {@code /review/} carries, whatever it answers: no referrer (the URL holds the token), no
 * indexing, no caching. And the limits: an hourly allowance per link and per client address, shared by every node
 * (Bucket4j in Postgres, as the API's). A bucket is keyed by a hash of the token, never the token. When the bucket
 * store cannot be reached the request is let through: the limit protects Herald, it must not take it down.
 */
class ReviewPageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ReviewPageFilter.class);
    static final String PREFIX = "/review/";

    private final RateLimiter limiter;
    private final ReviewPageSettings settings;

    ReviewPageFilter(RateLimiter limiter, ReviewPageSettings settings) {
        this.limiter = limiter;
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (settings.enabled()) {
            Optional<RateLimiter.Outcome> refused = refused(request);
            if (refused.isPresent()) {
                long retry = refused.get().secondsToRetry();
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retry));
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter()
                        .write("Too many requests to this review page. Try again in " + retry + " seconds.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The first limit that refuses this request, if one does. */
    private Optional<RateLimiter.Outcome> refused(HttpServletRequest request) {
        try {
            var byAddress = limiter.consume("review-address:" + request.getRemoteAddr(), settings.perAddressPerHour());
            if (!byAddress.allowed()) {
                return Optional.of(byAddress);
            }
            var byLink = limiter.consume("review-link:" + fingerprint(token(request)), settings.perLinkPerHour());
            return byLink.allowed() ? Optional.empty() : Optional.of(byLink);
        } catch (RuntimeException e) {
            log.warn("Review page rate limit not checked: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static String token(HttpServletRequest request) {
        String rest = request.getRequestURI().substring(request.getContextPath().length());
        rest = rest.startsWith(PREFIX) ? rest.substring(PREFIX.length()) : rest;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** Not the token's SHA-256 (that is what review_links stores): a hash of its own, under a prefix. */
    private static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("herald-review-rate-limit:" + token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
