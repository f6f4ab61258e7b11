package herald.web.api.scopes;

import herald.identity.ApiKeyScope;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/** Which scope an endpoint needs and whether a key's scopes grant it: one rule for the check and the docs. */
public final class ScopeRule {

    private ScopeRule() {}

    public static ApiKeyScope required(HandlerMethod handler, String httpMethod) {
        RequiredScope onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequiredScope.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        RequiredScope onType = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequiredScope.class);
        if (onType != null) {
            return onType.value();
        }
        return "GET".equals(httpMethod) || "HEAD".equals(httpMethod) ? ApiKeyScope.READ : ApiKeyScope.WRITE;
    }

    /** {@code read} is met by any scope, {@code write} by write or admin, {@code admin} only by admin. */
    public static boolean grants(Set<ApiKeyScope> granted, ApiKeyScope required) {
        return switch (required) {
            case READ -> !granted.isEmpty();
            case WRITE -> granted.contains(ApiKeyScope.WRITE) || granted.contains(ApiKeyScope.ADMIN);
            case ADMIN -> granted.contains(ApiKeyScope.ADMIN);
        };
    }

    /** How the docs and refusals name what is needed. */
    public static String describe(ApiKeyScope required) {
        return switch (required) {
            case READ -> "any scope (read, write or admin)";
            case WRITE -> "the 'write' scope (or 'admin')";
            case ADMIN -> "the 'admin' scope";
        };
    }
}
