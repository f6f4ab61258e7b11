package herald.web.api.agent;

import herald.agents.AgentPrincipal;
import herald.agents.AgentReads;
import herald.agents.AgentRefused;
import herald.agents.Channel;
import herald.agents.MissingCapability;
import herald.content.Captions;
import herald.web.api.captions.CaptionView;
import herald.web.api.problems.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agent")
@Tag(name = "Agent API")
class AgentCaptionController {

    private final AgentReads reads;
    private final Captions captions;

    AgentCaptionController(AgentReads reads, Captions captions) {
        this.reads = reads;
        this.captions = captions;
    }

    @PostMapping("/captions")
    @Operation(
            operationId = "agentGenerateCaptions",
            summary = "Generate captions for a granted account",
            description = "Needs CAPTION_GENERATE on connectionId; the captions fit that account's platform and are"
                    + " written in the workspace's persona, as POST /api/v1/workspaces/{id}/captions answers them."
                    + " Nothing is posted: use the chosen text in POST /api/v1/agent/posts.")
    CaptionView generate(@AuthenticationPrincipal AgentPrincipal agent, @RequestBody AgentCaptionBody body) {
        return CaptionView.of(body.generate(captions, reads, agent, Channel.AGENT_API));
    }

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

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
