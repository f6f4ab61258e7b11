package herald.web.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address no page answers, outside the API: the error page, as any other 404 of the UI. Left to Spring Boot's
 * problem-details handler, a person who mistyped an address got a JSON document ("No static resource account.") in
 * their browser. The status goes through the servlet container's error dispatch, where Spring Boot's error controller
 * renders {@code error/404} for a browser and a JSON error for any other client. Unknown API routes never come here:
 * {@code ApiFallbackExceptionResolver} answers them with the API's problem document first.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownPages {

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
