package herald.web.api.ratelimit;

import herald.tenancy.Plans;
import herald.web.CurrentWorkspace;
import herald.web.api.problems.ProblemType;
import herald.web.api.problems.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every request to a workspace's API against its plan's {@code apiRequestsPerHour}, across all its keys and all
 * nodes. Every response carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}
 * (seconds until the allowance is full again); a request over the limit gets 429 with {@code Retry-After}. When the
 * bucket store cannot be reached the request is let through: the limit protects Herald, it must not take it down.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;
    private final Plans plans;
    private final ProblemWriter problems;

    RateLimitFilter(RateLimiter limiter, Plans plans, ProblemWriter problems) {
        this.limiter = limiter;
        this.plans = plans;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentWorkspace> workspace = CurrentWorkspace.of(request);
        if (workspace.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<RateLimiter.Outcome> outcome = consume(workspace.get());
        if (outcome.isPresent()) {
            RateLimiter.Outcome counted = outcome.get();
            response.setHeader("RateLimit-Limit", Long.toString(counted.limit()));
            response.setHeader("RateLimit-Remaining", Long.toString(counted.remaining()));
            response.setHeader("RateLimit-Reset", Long.toString(counted.secondsToReset()));
            response.setHeader("RateLimit-Policy", counted.limit() + ";w=3600");
            if (!counted.allowed()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(counted.secondsToRetry()));
                problems.write(
                        request,
                        response,
                        ProblemType.RATE_LIMITED.problem("This workspace has used its " + counted.limit()
                                + " API requests per hour on the "
                                + workspace.get().workspace().plan()
                                + " plan. Retry in " + counted.secondsToRetry() + " seconds, or change the plan."));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<RateLimiter.Outcome> consume(CurrentWorkspace workspace) {
        try {
            int perHour = plans.get(workspace.workspace().plan()).limits().apiRequestsPerHour();
            return Optional.of(limiter.consume(workspace.id(), perHour));
        } catch (RuntimeException e) {
            log.warn("Rate limit not checked for workspace {}: {}", workspace.id(), e.toString());
            return Optional.empty();
        }
    }
}
