package herald.web.api.posts;

import herald.publishing.PostRejected;
import herald.web.api.problems.FieldProblem;
import herald.web.api.problems.ProblemType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rejected post lists every violation with its target and rule, besides the usual field errors. */
@RestControllerAdvice(assignableTypes = PostController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PostProblems {

    @ExceptionHandler(PostRejected.class)
    ResponseEntity<ProblemDetail> rejected(PostRejected e) {
        List<FieldProblem> errors = e.violations().stream()
                .map(v -> new FieldProblem(v.field(), v.message()))
                .toList();
        ProblemDetail problem = ProblemType.INVALID_INPUT.problem(e.getMessage(), errors);
        problem.setProperty(
                "violations",
                e.violations().stream()
                        .map(v -> {
                            Map<String, Object> view = new LinkedHashMap<>();
                            view.put("field", v.field());
                            if (v.connection() != null) {
                                view.put("connectionId", v.connection().value());
                            }
                            view.put("rule", v.rule());
                            view.put("message", v.message());
                            return view;
                        })
                        .toList());
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
