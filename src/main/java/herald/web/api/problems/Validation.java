package herald.web.api.problems;

import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/** Bean validation and binding failures as field problems, in the words a client can act on. */
final class Validation {

    private Validation() {}

    static List<FieldProblem> problems(BindingResult result) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            problems.add(new FieldProblem(error.getField(), message(error)));
        }
        result.getGlobalErrors()
                .forEach(error -> problems.add(
                        new FieldProblem(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
        return problems;
    }

    static List<FieldProblem> problems(HandlerMethodValidationException e) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error -> problems.add(new FieldProblem(
                            error instanceof FieldError field ? field.getField() : String.valueOf(name),
                            String.valueOf(error.getDefaultMessage()))));
        });
        return problems;
    }

    static String summary(List<FieldProblem> problems) {
        if (problems.size() == 1) {
            return problems.getFirst().field() + ": " + problems.getFirst().message();
        }
        return problems.size() + " fields are not valid: see errors.";
    }

    private static String message(FieldError error) {
        if (error.isBindingFailure()) {
            return "'" + error.getRejectedValue() + "' is not a valid value.";
        }
        return String.valueOf(error.getDefaultMessage());
    }
}
