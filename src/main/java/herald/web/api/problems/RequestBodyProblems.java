package herald.web.api.problems;

import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Why a JSON body could not be read: no body, not JSON, an unknown property, or a value of the wrong type. The field
 * is named by its JSON path; Jackson's own message, which names Java classes, is never shown.
 */
final class RequestBodyProblems {

    ProblemDetail problem(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown, unknown.getPropertyName());
            String message = "Unknown property '" + field + "'. Remove it; see /docs for this request's fields.";
            return ProblemType.INVALID_INPUT.problem(message, List.of(new FieldProblem(field, message)));
        }
        if (cause instanceof InvalidFormatException format) {
            String field = path(format, null);
            String message = "'" + format.getValue() + "' is not a valid " + describe(format.getTargetType()) + ".";
            return ProblemType.INVALID_INPUT.problem(field + ": " + message, List.of(new FieldProblem(field, message)));
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch, null);
            String message = "Expected " + describe(mismatch.getTargetType()) + " here.";
            return ProblemType.INVALID_INPUT.problem(field + ": " + message, List.of(new FieldProblem(field, message)));
        }
        if (cause instanceof StreamReadException syntax) {
            TokenStreamLocation at = syntax.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return ProblemType.MALFORMED_JSON.problem("The request body is not valid JSON" + where + ".");
        }
        if (cause instanceof JacksonException) {
            return ProblemType.MALFORMED_JSON.problem("The request body is not the JSON object this endpoint takes.");
        }
        return ProblemType.MALFORMED_JSON.problem("This request needs a JSON body; see /docs for its fields.");
    }

    private static String path(JacksonException e, String last) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (path.isEmpty() && last != null) {
            return last;
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == java.time.Instant.class) {
            return "UTC timestamp like 2030-01-31T09:00:00Z";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type == String.class) {
            return "string";
        }
        return "object";
    }
}
