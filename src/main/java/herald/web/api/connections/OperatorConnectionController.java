package herald.web.api.connections;

import herald.connections.Connections;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspaces;
import herald.web.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.OPERATOR + "/connections")
@Tag(name = "Operator", description = "Provisioning workspaces with the operator token (HERALD_OPERATOR_TOKEN).")
class OperatorConnectionController {

    private final Connections connections;
    private final Workspaces workspaces;
    private final Clock clock;

    OperatorConnectionController(Connections connections, Workspaces workspaces, Clock clock) {
        this.connections = connections;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** A connection as the operator sees it: its workspace too. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "OperatorConnection")
    record OperatorConnectionView(UUID workspaceId, ConnectionView connection) {}

    @GetMapping("/workspaces/{workspaceId}")
    @Operation(
            operationId = "operatorListConnections",
            summary = "A workspace's connections (operator)",
            description = "Every connection of one workspace, with its status and expiry; never a token.",
            security = @SecurityRequirement(name = "operatorToken"))
    List<ConnectionView> ofWorkspace(@PathVariable UUID workspaceId) {
        WorkspaceId id = new WorkspaceId(workspaceId);
        workspaces.find(id).orElseThrow(() -> new NotFound("No such workspace."));
        return connections.list(id).stream().map(ConnectionView::of).toList();
    }

    @GetMapping("/expiring")
    @Operation(
            operationId = "operatorListExpiringConnections",
            summary = "Connections expiring soon (operator)",
            description = "Across all workspaces, connections whose access token expires within `within` (an ISO-8601"
                    + " duration, default PT1H), soonest first, at most `limit` (default 100). Ones Herald cannot refresh"
                    + " are the ones to watch.",
            security = @SecurityRequirement(name = "operatorToken"))
    List<OperatorConnectionView> expiring(
            @RequestParam(defaultValue = "PT1H") String within, @RequestParam(defaultValue = "100") int limit) {
        Duration window;
        try {
            window = Duration.parse(within);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("within", "Give 'within' as an ISO-8601 duration, like PT1H or P1D.");
        }
        return connections.expiringBefore(clock.instant().plus(window), limit).stream()
                .map(c -> new OperatorConnectionView(c.workspace().value(), ConnectionView.of(c)))
                .toList();
    }
}
