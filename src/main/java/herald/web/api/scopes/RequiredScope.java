package herald.web.api.scopes;

import herald.identity.ApiKeyScope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an API key needs for an endpoint (on a method, or on a controller for all its methods). Without it, a
 * {@code GET} needs any scope and anything else needs {@code write}; {@code admin} covers everything.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiredScope {
    ApiKeyScope value();
}
