package herald.web.ui;

import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.NotPermitted;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the UI's controllers as pages that say what went wrong and what to do; never a stack trace. A form that
 * can show an error next to its field catches it itself; what reaches this class is the rest. Other failures fall
 * through to Spring Boot's error page, which renders {@code templates/error/*} too.
 */
@ControllerAdvice(basePackageClasses = UiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UiErrors {

    @ExceptionHandler(RoleRequired.class)
    ModelAndView roleRequired(RoleRequired e, HttpServletRequest request) {
        var page = page("error/403", HttpStatus.FORBIDDEN);
        page.addObject("required", e.required().value());
        page.addObject("actual", e.actual() == null ? null : e.actual().value());
        CurrentWorkspace.of(request).ifPresent(current -> page.addObject("workspace", current.workspace()));
        return page;
    }

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        return page("error/404", HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(LimitReached.class)
    ModelAndView limitReached(LimitReached e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "Plan limit reached", e.getMessage(), request);
    }

    @ExceptionHandler(Conflict.class)
    ModelAndView conflict(Conflict e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "That cannot be done right now", e.getMessage(), request);
    }

    @ExceptionHandler(NotPermitted.class)
    ModelAndView notPermitted(NotPermitted e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage(), request);
    }

    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalid(InvalidInput e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Please check what you entered", e.getMessage(), request);
    }

    private static ModelAndView problem(HttpStatus status, String title, String message, HttpServletRequest request) {
        var page = page("error/problem", status);
        page.addObject("title", title);
        page.addObject("message", message);
        CurrentWorkspace.of(request)
                .ifPresent(current ->
                        page.addObject("back", "/w/" + current.workspace().slug()));
        return page;
    }

    private static ModelAndView page(String view, HttpStatus status) {
        var page = new ModelAndView(view);
        page.setStatus(status);
        return page;
    }

    /** Marks a response as one that must not be stored by the browser or proxies: it shows a secret once. */
    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }
}
