package herald.web;

import herald.identity.TwoFactor;
import herald.tenancy.Memberships;
import herald.tenancy.WorkspaceRules;
import herald.tenancy.Workspaces;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.DefaultCookieSerializer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Binds the path's workspace after Spring Security and the audit origin have run. */
    @Bean
    FilterRegistrationBean<WorkspaceBinding> workspaceBinding(
            Workspaces workspaces, WorkspaceRules workspaceRules, Memberships memberships, TwoFactor twoFactor) {
        var registration =
                new FilterRegistrationBean<>(new WorkspaceBinding(workspaces, workspaceRules, memberships, twoFactor));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    /**
     * Session cookies are {@code Secure} whenever Herald is served over HTTPS ({@code HERALD_PUBLIC_URL}), or when
     * {@code HERALD_SECURE_COOKIES} says so; always HttpOnly and SameSite=Lax.
     */
    @Bean
    DefaultCookieSerializerCustomizer sessionCookie(
            @Value("${herald.public-url}") String publicUrl,
            @Value("${herald.secure-cookies:#{null}}") @Nullable Boolean secureCookies) {
        boolean secure = secureCookies != null ? secureCookies : publicUrl.startsWith("https://");
        return (DefaultCookieSerializer serializer) -> {
            serializer.setUseSecureCookie(secure);
            serializer.setUseHttpOnlyCookie(true);
            serializer.setSameSite("Lax");
            serializer.setCookieName("HERALD_SESSION");
        };
    }
}
