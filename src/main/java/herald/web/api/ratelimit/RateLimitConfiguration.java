package herald.web.api.ratelimit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import herald.tenancy.Plans;
import herald.web.api.ApiFilterOrder;
import herald.web.api.ApiSettings;
import herald.web.api.problems.ProblemWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimiter limiter, Plans plans, ProblemWriter problems, ApiSettings settings) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(limiter, plans, problems));
        registration.setOrder(ApiFilterOrder.RATE_LIMIT);
        // The MCP server counts against the same allowance as the REST API.
        registration.addUrlPatterns("/api/*", "/mcp", "/mcp/*");
        registration.setEnabled(settings.rateLimit().enabled());
        return registration;
    }

    /** Deletes the buckets of workspaces that stopped calling; one node at a time. */
    @Bean
    RecurringTask<Void> rateLimitBucketsPurge(RateLimiter limiter, ApiSettings settings) {
        return Tasks.recurring(
                        "api-rate-limit-buckets-purge",
                        FixedDelay.of(settings.rateLimit().purgeInterval()))
                .execute((instance, context) -> {
                    while (limiter.removeExpired(1000) == 1000) {
                        // keep going until a batch comes back short
                    }
                });
    }
}
