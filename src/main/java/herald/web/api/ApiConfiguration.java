package herald.web.api;

import herald.web.api.problems.ApiFallbackExceptionResolver;
import herald.web.api.problems.ProblemWriter;
import herald.web.api.scopes.ScopeCheck;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import tools.jackson.databind.json.JsonMapper;

/** Wires the API's conventions into Spring MVC: scopes, the current workspace, strict JSON, problems, body cap. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration implements WebMvcConfigurer {

    private final JsonMapper json;

    ApiConfiguration(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ScopeCheck()).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentWorkspaceResolver());
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.addCustomConverter(new StrictJsonConverter(json));
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.stream()
                .filter(ExceptionHandlerExceptionResolver.class::isInstance)
                .map(ExceptionHandlerExceptionResolver.class::cast)
                .findFirst()
                .ifPresent(advice -> resolvers.addFirst(new ApiFallbackExceptionResolver(advice)));
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ApiSettings settings, ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimit(settings, problems));
        registration.setOrder(ApiFilterOrder.BODY_LIMIT);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
