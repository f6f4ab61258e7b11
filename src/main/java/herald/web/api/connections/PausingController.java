package herald.web.api.connections;

import herald.connections.ConnectionId;
import herald.publishing.Pausing;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pausing and resuming publishing to one account or to all of them (docs/pausing.md). */
@RestController
@RequestMapping(ApiPaths.WORKSPACE)
@Tag(
        name = "Pausing",
        description = "Stops everything about to go out to an account (or every account) at once, without editing"
                + " any post, and resumes it later. While paused, its scheduled posts wait (their target's status is"
                + " held), new posts for it are accepted and wait too, and posts already being published finish.")
class PausingController {

    private static final String OVERDUE = "What happens to the posts whose time passed while publishing was paused:"
            + " publish (they go out now) or skip (they are cancelled, each saying why). Required.";

    @Schema(name = "Resume")
    record ResumeRequest(
            @Schema(
                            description = OVERDUE,
                            allowableValues = {"publish", "skip"},
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    @Nullable
                    String overdue) {}

    @Schema(name = "Pause")
    record PauseView(
            @Schema(description = "The accounts this paused.") List<ConnectionView> connections,
            @Schema(description = "How many scheduled posts of theirs now wait.") int held) {

        static PauseView of(Pausing.Paused paused) {
            return new PauseView(
                    paused.connections().stream().map(ConnectionView::of).toList(), paused.held());
        }
    }

    @Schema(name = "ResumeOutcome")
    record ResumeView(
            @Schema(description = "The accounts this resumed.") List<ConnectionView> connections,
            @Schema(description = "Held posts scheduled again at their time.") int scheduled,
            @Schema(description = "Held posts whose time had passed, published now (overdue: publish).")
                    int publishedNow,
            @Schema(description = "Held posts whose time had passed, cancelled (overdue: skip).") int skipped) {

        static ResumeView of(Pausing.Resumed resumed) {
            return new ResumeView(
                    resumed.connections().stream().map(ConnectionView::of).toList(),
                    resumed.scheduled(),
                    resumed.publishedNow(),
                    resumed.skipped());
        }
    }

    private final Pausing pausing;

    PausingController(Pausing pausing) {
        this.pausing = pausing;
    }

    @PostMapping("/connections/{connectionId}/pause")
    @Operation(
            operationId = "pauseConnection",
            summary = "Pause publishing to an account",
            description = "Its scheduled posts wait until it is resumed; posts being published finish. 409 when it is"
                    + " paused already.")
    PauseView pause(CurrentWorkspace current, @PathVariable UUID connectionId) {
        return PauseView.of(pausing.pause(current.id(), new ConnectionId(connectionId)));
    }

    @PostMapping("/connections/{connectionId}/resume")
    @Operation(
            operationId = "resumeConnection",
            summary = "Resume publishing to an account",
            description = "Its waiting posts are published at their time. " + OVERDUE + " 409 when it is not paused.")
    ResumeView resume(CurrentWorkspace current, @PathVariable UUID connectionId, @RequestBody ResumeRequest request) {
        Pausing.Overdue overdue = Pausing.Overdue.of(request.overdue());
        return ResumeView.of(pausing.resume(current.id(), new ConnectionId(connectionId), overdue));
    }

    @PostMapping("/publishing/pause")
    @Operation(
            operationId = "pausePublishing",
            summary = "Pause publishing to every account",
            description = "Pauses every account of the workspace not paused yet. 409 when all are paused already.")
    PauseView pauseAll(CurrentWorkspace current) {
        return PauseView.of(pausing.pauseAll(current.id()));
    }

    @PostMapping("/publishing/resume")
    @Operation(
            operationId = "resumePublishing",
            summary = "Resume publishing to every paused account",
            description = OVERDUE + " 409 when no account is paused.")
    ResumeView resumeAll(CurrentWorkspace current, @RequestBody ResumeRequest request) {
        return ResumeView.of(pausing.resumeAll(current.id(), Pausing.Overdue.of(request.overdue())));
    }
}
