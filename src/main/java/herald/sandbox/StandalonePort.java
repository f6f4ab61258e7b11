package herald.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code herald.sandbox.standalone-port} (set by the {@code sandbox-standalone} profile): the Sandbox also listens on a
 * port of its own, where it is the only thing served, so it has an origin of its own as a real platform does (its
 * pages and Herald's share no cookies, and a browser treats the consent page as another site).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("herald.sandbox.standalone-port")
class StandalonePort {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> sandboxConnector(SandboxSettings settings) {
        return factory -> {
            var connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            connector.setPort(port(settings));
            factory.addAdditionalConnectors(connector);
        };
    }

    /** On the Sandbox's port, everything but {@code /sandbox/**} is not found. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sandboxPortOnly(SandboxSettings settings) {
        int port = port(settings);
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                if (request.getLocalPort() == port && !path.equals("/sandbox") && !path.startsWith("/sandbox/")) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static int port(SandboxSettings settings) {
        Integer port = settings.standalonePort();
        if (port == null || port < 0 || port > 65535) {
            throw new IllegalStateException("herald.sandbox.standalone-port must be a port number, 0 for any.");
        }
        return port;
    }
}
