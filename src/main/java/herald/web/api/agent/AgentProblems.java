package herald.web.api.agent;

import herald.agents.AgentRefused;
import herald.agents.MissingCapability;
import herald.web.api.problems.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The agent API's own problems: a paused agent, and a grant without the capability a call needs (named). */
@RestControllerAdvice(assignableTypes = {AgentApiController.class, AgentInboxApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AgentProblems {

    @ExceptionHandler(AgentRefused.class)
    ResponseEntity<ProblemDetail> paused(AgentRefused e) {
        return problem(ProblemType.AGENT_PAUSED.problem(e.getMessage()));
    }

    @ExceptionHandler(MissingCapability.class)
    ResponseEntity<ProblemDetail> notGranted(MissingCapability e) {
        ProblemDetail problem = ProblemType.NO_PERMISSION.problem(e.getMessage());
        problem.setProperty("capability", e.capability().name());
        return problem(problem);
    }

    static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
