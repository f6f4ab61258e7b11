package herald.web.api.connections;

import herald.connections.AppPasswordConnects;
import herald.connections.ConnectFlow;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.connections.Initiator;
import herald.connections.OAuthFlows;
import herald.identity.ApiKeyPrincipal;
import herald.identity.ApiKeyScope;
import herald.vault.Secret;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.idempotency.OneTimeSecrets;
import herald.web.api.scopes.RequiredScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/connections")
@Tag(
        name = "Connections",
        description = "The workspace's connected social accounts. Tokens never leave Herald: no response shows one.")
class ConnectionController {

    private final Connections connections;
    private final OAuthFlows flows;
    private final AppPasswordConnects appPasswords;

    ConnectionController(Connections connections, OAuthFlows flows, AppPasswordConnects appPasswords) {
        this.connections = connections;
        this.flows = flows;
        this.appPasswords = appPasswords;
    }

    @PostMapping("/oauth-sessions")
    @RequiredScope(ApiKeyScope.ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "startOAuthSession",
            summary = "Start connecting an account",
            description = "Answers an authorize URL for a person to open in a browser within 10 minutes. After they"
                    + " consent, the platform's callback stores every account they granted as a connection of this"
                    + " workspace (one consent may grant several) and shows \"connected, you can close this window\"."
                    + " The plan's connection limit is checked here, before the round trip. Give"
                    + " reconnectConnectionId to reconnect an account that needs it. The URL and state are shown in"
                    + " this response only (an idempotent replay shows them as null).")
    OAuthSessionView start(
            CurrentWorkspace current,
            @Valid @RequestBody StartOAuthSession request,
            @AuthenticationPrincipal ApiKeyPrincipal key,
            HttpServletRequest http) {
        var session = flows.start(
                current.id(),
                new OAuthFlows.Start(
                        request.provider(),
                        request.accountType(),
                        ConnectFlow.API,
                        request.reconnectConnectionId() == null
                                ? null
                                : new ConnectionId(request.reconnectConnectionId()),
                        request.server()),
                Initiator.apiKey(key.id().toString(), key.name()));
        OneTimeSecrets.mark(http, "/authorizationUrl", "/state");
        return OAuthSessionView.of(session);
    }

    @PostMapping("/app-password-sign-ins")
    @RequiredScope(ApiKeyScope.ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "signInWithAppPassword",
            summary = "Connect an account with an app password",
            description = "For a platform whose connectMethod is app_password (Bluesky): Herald signs in as the"
                    + " account with its handle and an app password the person made for Herald, stores the session's"
                    + " tokens encrypted (and renews them) and forgets the password. Answers the connection, new or"
                    + " reconnected (give reconnectConnectionId to sign an account that needs it in again). The plan's"
                    + " connection limit applies. A handle or password the platform refuses is a 422"
                    + " (connect-refused) that says why; nothing is stored.")
    ConnectionView signIn(CurrentWorkspace current, @Valid @RequestBody SignInWithAppPassword request) {
        var completed = appPasswords.connect(
                current.id(),
                new AppPasswordConnects.SignIn(
                        request.provider(),
                        request.identifier(),
                        Secret.of(request.appPassword()),
                        ConnectFlow.API,
                        request.reconnectConnectionId() == null
                                ? null
                                : new ConnectionId(request.reconnectConnectionId())));
        return ConnectionView.of(completed.connections().getFirst());
    }

    @GetMapping("/platforms")
    @Operation(
            operationId = "listPlatforms",
            summary = "List the platforms",
            description = "Every platform this Herald knows, whether it is configured (an unconfigured one cannot be"
                    + " connected until an operator sets what missingSettings names) and what one post may carry.")
    List<PlatformView> platforms() {
        return connections.providers().stream().map(PlatformView::of).toList();
    }

    @GetMapping
    @Operation(
            operationId = "listConnections",
            summary = "List connections",
            description = "Every connection, disconnected ones included, oldest first. Not paged: a plan caps how"
                    + " many a workspace has.")
    List<ConnectionView> list(CurrentWorkspace current) {
        return connections.list(current.id()).stream().map(ConnectionView::of).toList();
    }

    @GetMapping("/{connectionId}")
    @Operation(operationId = "getConnection", summary = "Get a connection")
    ConnectionView get(CurrentWorkspace current, @PathVariable UUID connectionId) {
        return ConnectionView.of(connections.require(current.id(), new ConnectionId(connectionId)));
    }

    @PatchMapping("/{connectionId}")
    @RequiredScope(ApiKeyScope.ADMIN)
    @Operation(operationId = "renameConnection", summary = "Rename a connection", description = "Changes its label.")
    ConnectionView rename(
            CurrentWorkspace current, @PathVariable UUID connectionId, @Valid @RequestBody RenameConnection request) {
        return ConnectionView.of(connections.rename(current.id(), new ConnectionId(connectionId), request.label()));
    }

    @DeleteMapping("/{connectionId}")
    @RequiredScope(ApiKeyScope.ADMIN)
    @Operation(
            operationId = "disconnectConnection",
            summary = "Disconnect a connection",
            description = "Revokes its tokens at the platform where possible and deletes them from Herald. The"
                    + " connection and its history stay, as disconnected; connecting the same account again reuses it."
                    + " Disconnecting twice changes nothing. Answers the connection.")
    ConnectionView disconnect(CurrentWorkspace current, @PathVariable UUID connectionId) {
        return ConnectionView.of(connections.disconnect(current.id(), new ConnectionId(connectionId)));
    }

    @GetMapping("/{connectionId}/health")
    @Operation(
            operationId = "getConnectionHealth",
            summary = "How a connection's tokens stand",
            description = "valid, expiring, expired, needs_reconnect or disconnected, with the expiry, the last refresh"
                    + " and the last error.")
    HealthView health(CurrentWorkspace current, @PathVariable UUID connectionId) {
        return HealthView.of(connections.health(current.id(), new ConnectionId(connectionId)));
    }

    @GetMapping("/{connectionId}/refresh-history")
    @Operation(
            operationId = "listConnectionRefreshes",
            summary = "A connection's token refreshes",
            description = "The latest attempts, newest first (at most 200).")
    List<RefreshAttemptView> history(
            CurrentWorkspace current, @PathVariable UUID connectionId, @RequestParam(defaultValue = "50") int limit) {
        return connections.refreshHistory(current.id(), new ConnectionId(connectionId), limit).stream()
                .map(RefreshAttemptView::of)
                .toList();
    }
}
