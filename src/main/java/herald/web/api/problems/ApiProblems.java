package herald.web.api.problems;

import herald.agents.AgentRefused;
import herald.agents.MissingCapability;
import herald.connections.ConnectRefused;
import herald.content.AiFailure;
import herald.inbox.ReplyRefused;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.NotPermitted;
import herald.tenancy.InvitationUnusable;
import herald.web.api.scopes.MissingScope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the REST API as an RFC 9457 problem document with a stable {@link ProblemType}. Scoped to the API's
 * controllers (the UI has its own error pages) and ahead of Spring Boot's generic problem handler; requests that never
 * reach an API controller (unknown route, wrong method) are brought here by {@link ApiFallbackExceptionResolver}.
 */
@RestControllerAdvice(basePackages = "herald.web.api")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final RequestBodyProblems bodies = new RequestBodyProblems();

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInput e) {
        List<FieldProblem> errors =
                e.field().isBlank() ? List.of() : List.of(new FieldProblem(e.field(), e.getMessage()));
        return respond(ProblemType.INVALID_INPUT.problem(e.getMessage(), errors));
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalidFields(BindException e) {
        List<FieldProblem> errors = Validation.problems(e.getBindingResult());
        return respond(ProblemType.INVALID_INPUT.problem(Validation.summary(errors), errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<FieldProblem> errors = Validation.problems(e);
        return respond(ProblemType.INVALID_INPUT.problem(Validation.summary(errors), errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            // An id that cannot be one names nothing in the caller's workspace.
            return respond(ProblemType.NOT_FOUND.problem("Nothing with this id in this workspace."));
        }
        String message = "'" + e.getValue() + "' is not a valid value.";
        return respond(ProblemType.INVALID_INPUT.problem(message, List.of(new FieldProblem(e.getName(), message))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        String message = "The query parameter '" + e.getParameterName() + "' is required.";
        return respond(
                ProblemType.INVALID_INPUT.problem(message, List.of(new FieldProblem(e.getParameterName(), message))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        String message = "The header '" + e.getHeaderName() + "' is required.";
        return respond(
                ProblemType.INVALID_INPUT.problem(message, List.of(new FieldProblem(e.getHeaderName(), message))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return respond(bodies.problem(e));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        String sent = e.getContentType() == null ? "no content type" : "'" + e.getContentType() + "'";
        // Most endpoints take JSON; the few that take something else (a CSV file of posts) say so.
        List<MediaType> supported = e.getSupportedMediaTypes();
        MediaType wanted = supported.stream().anyMatch(MediaType.APPLICATION_JSON::equalsTypeAndSubtype)
                ? MediaType.APPLICATION_JSON
                : supported.stream()
                        .filter(t -> !t.isWildcardType())
                        .findFirst()
                        .orElse(MediaType.APPLICATION_JSON);
        String body = wanted.equals(MediaType.APPLICATION_JSON)
                ? "a JSON body"
                : "a " + wanted.getSubtype().toUpperCase(Locale.ROOT) + " body";
        var problem = ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(
                "This endpoint takes " + body + " with 'Content-Type: " + wanted + "', not " + sent + ".");
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.ACCEPT, wanted.toString())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(ProblemType.NOT_ACCEPTABLE.problem("This API answers in JSON: accept 'application/json'."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        var allowed = e.getSupportedHttpMethods();
        var problem = ProblemType.METHOD_NOT_ALLOWED.problem("This route does not take " + e.getMethod()
                + (allowed == null || allowed.isEmpty() ? "." : "; it takes " + allowed + "."));
        var response = ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (allowed != null) {
            response.allow(allowed.toArray(org.springframework.http.HttpMethod[]::new));
        }
        return response.body(problem);
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> unknownRoute(HttpServletRequest request) {
        return respond(ProblemType.NOT_FOUND.problem(
                "There is no API route " + request.getMethod() + " " + request.getRequestURI() + ". See /docs."));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return respond(ProblemType.NOT_FOUND.problem(e.getMessage()));
    }

    @ExceptionHandler(InvitationUnusable.class)
    ResponseEntity<ProblemDetail> invitationUnusable(InvitationUnusable e) {
        if (e.reason() == InvitationUnusable.Reason.UNKNOWN) {
            return respond(ProblemType.NOT_FOUND.problem(e.getMessage()));
        }
        var problem = ProblemType.INVITATION_UNUSABLE.problem(e.getMessage());
        problem.setProperty("reason", e.reason().name().toLowerCase(Locale.ROOT));
        return respond(problem);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e) {
        List<FieldProblem> errors =
                e.field().isBlank() ? List.of() : List.of(new FieldProblem(e.field(), e.getMessage()));
        return respond(ProblemType.CONFLICT.problem(e.getMessage(), errors));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info(
                "Request refused by a database constraint: {}",
                e.getMostSpecificCause().getMessage());
        return respond(ProblemType.CONFLICT.problem(
                "This request conflicts with data changed at the same time. Reload and try again."));
    }

    /** A platform refused a sign-in (a wrong app password): nothing was connected. */
    @ExceptionHandler(ConnectRefused.class)
    ResponseEntity<ProblemDetail> connectRefused(ConnectRefused e) {
        var problem = ProblemType.CONNECT_REFUSED.problem(e.getMessage());
        problem.setProperty("reason", e.reason().value());
        return respond(problem);
    }

    @ExceptionHandler(LimitReached.class)
    ResponseEntity<ProblemDetail> limitReached(LimitReached e) {
        var problem = ProblemType.PLAN_LIMIT.problem(e.getMessage());
        problem.setProperty("limit", e.limit());
        return respond(problem);
    }

    /** A model gave no usable answer: 502, 503 when there is no endpoint, 504 on a timeout; the kind says which. */
    @ExceptionHandler(AiFailure.class)
    ResponseEntity<ProblemDetail> aiFailed(AiFailure e) {
        ProblemType type =
                switch (e.kind()) {
                    case NOT_CONFIGURED -> ProblemType.AI_NOT_CONFIGURED;
                    case TIMEOUT -> ProblemType.AI_TIMEOUT;
                    default -> ProblemType.AI_FAILED;
                };
        var problem = type.problem(e.getMessage());
        problem.setProperty("kind", e.kind().name());
        return respond(problem);
    }

    @ExceptionHandler(ReplyRefused.class)
    ResponseEntity<ProblemDetail> replyRefused(ReplyRefused e) {
        var problem = ProblemType.REPLY_REFUSED.problem(e.getMessage());
        problem.setProperty("reason", e.reason());
        return respond(problem);
    }

    @ExceptionHandler(NotPermitted.class)
    ResponseEntity<ProblemDetail> notPermitted(NotPermitted e) {
        return respond(ProblemType.FORBIDDEN.problem(e.getMessage()));
    }

    @ExceptionHandler(AgentRefused.class)
    ResponseEntity<ProblemDetail> agentPaused(AgentRefused e) {
        return respond(ProblemType.AGENT_PAUSED.problem(e.getMessage()));
    }

    @ExceptionHandler(MissingCapability.class)
    ResponseEntity<ProblemDetail> notGranted(MissingCapability e) {
        ProblemDetail problem = ProblemType.NO_PERMISSION.problem(e.getMessage());
        problem.setProperty("capability", e.capability().name());
        return respond(problem);
    }

    @ExceptionHandler(MissingScope.class)
    ResponseEntity<ProblemDetail> missingScope(MissingScope e) {
        var problem = ProblemType.INSUFFICIENT_SCOPE.problem(e.getMessage());
        problem.setProperty("requiredScope", e.required().value());
        return respond(problem);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return respond(ProblemType.PAYLOAD_TOO_LARGE.problem("The upload is larger than this endpoint accepts."));
    }

    /**
     * Anything else: Spring's own web errors keep their status with our type for it; everything unexpected is a 500
     * that tells the client an error id to report and nothing about Herald's insides.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse web) {
            HttpStatus status = HttpStatus.resolve(web.getStatusCode().value());
            if (status != null && !status.is5xxServerError()) {
                ProblemType type = byStatus(status);
                String detail = web.getBody().getDetail();
                return respond(type.problem(detail == null ? type.title() : detail));
            }
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} in an API request", errorId, e);
        var problem = ProblemType.INTERNAL.problem("Something went wrong on Herald's side. Retry later; if it keeps"
                + " failing, report error id " + errorId + ".");
        problem.setProperty("errorId", errorId);
        return respond(problem);
    }

    private static ProblemType byStatus(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ProblemType.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> ProblemType.NOT_ACCEPTABLE;
            case CONFLICT -> ProblemType.CONFLICT;
            case CONTENT_TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY_REQUESTS -> ProblemType.RATE_LIMITED;
            case UNAUTHORIZED -> ProblemType.UNAUTHENTICATED;
            default -> ProblemType.INVALID_INPUT;
        };
    }

    /** The problem as its response: its status, {@code application/problem+json}. */
    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
