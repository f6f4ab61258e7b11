package herald.web.api.scopes;

import herald.identity.ApiKeyPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses an API key whose scopes do not cover the endpoint, before the endpoint runs. Operator requests are not
 * checked here: the security chain admits the operator to the provisioning endpoint only.
 */
public class ScopeCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.getPrincipal() instanceof ApiKeyPrincipal key) {
            var required = ScopeRule.required(method, request.getMethod());
            if (!ScopeRule.grants(key.scopes(), required)) {
                throw new MissingScope(required);
            }
        }
        return true;
    }
}
