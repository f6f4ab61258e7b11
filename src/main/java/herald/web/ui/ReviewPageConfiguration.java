package herald.web.ui;

import herald.web.api.ratelimit.RateLimiter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class ReviewPageConfiguration {

    /** Before the session and security filters: a refused request costs no session load. */
    @Bean
    FilterRegistrationBean<ReviewPageFilter> reviewPageFilter(RateLimiter limiter, ReviewPageSettings settings) {
        var registration = new FilterRegistrationBean<>(new ReviewPageFilter(limiter, settings));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns(ReviewPageFilter.PREFIX + "*");
        return registration;
    }
}
