package herald.web.api.problems;

import herald.web.api.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Brings errors of {@code /api/**} requests that never reached an API controller (an unknown route, a method or media
 * type no route takes) to {@link ApiProblems}. Such errors come with no handler, or with the static resource handler,
 * which an advice scoped to the API's package does not cover; this resolver hands them to it as if they came from an
 * API controller, so every API error has the same shape.
 */
public class ApiFallbackExceptionResolver implements HandlerExceptionResolver {

    private final ExceptionHandlerExceptionResolver advice;
    private final HandlerMethod anchor;

    public ApiFallbackExceptionResolver(ExceptionHandlerExceptionResolver advice) {
        this.advice = advice;
        try {
            this.anchor = new HandlerMethod(this, ApiFallbackExceptionResolver.class.getDeclaredMethod("anchor"));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
        if (!ApiPaths.isApi(request) || isApiController(handler)) {
            return null;
        }
        return advice.resolveException(request, response, anchor, ex);
    }

    private static boolean isApiController(@Nullable Object handler) {
        return handler instanceof HandlerMethod method
                && method.getBeanType().getPackageName().startsWith("herald.web.api");
    }

    /** Stands in for the API controller that was never reached; never called. */
    void anchor() {}
}
