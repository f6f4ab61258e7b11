package herald.web.api.agents;

import herald.agents.AgentId;
import herald.agents.AgentKeyId;
import herald.agents.AgentKeys;
import herald.agents.Agents;
import herald.agents.GrantId;
import herald.agents.Grants;
import herald.identity.ApiKeyScope;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.idempotency.OneTimeSecrets;
import herald.web.api.scopes.RequiredScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/agents")
@RequiredScope(ApiKeyScope.ADMIN)
@Tag(
        name = "Agents",
        description = "Programs that post as the workspace with its accounts: each has its own keys (shown once) and"
                + " grants (account × capabilities, optionally behind a member's approval and a daily cap). Every"
                + " change is in the audit log. Agents call the agent API (/api/v1/agent) and the MCP server (/mcp).")
class AgentController {

    private final Agents agents;
    private final AgentKeys keys;
    private final Grants grants;

    AgentController(Agents agents, AgentKeys keys, Grants grants) {
        this.agents = agents;
        this.keys = keys;
        this.grants = grants;
    }

    @GetMapping
    @Operation(operationId = "listAgents", summary = "List agents", description = "By name, with keys and grants.")
    List<AgentViews.AgentView> list(CurrentWorkspace current) {
        return agents.list(current.id()).stream()
                .map(agent -> view(current, agent.id()))
                .toList();
    }

    @PostMapping
    @Operation(
            operationId = "createAgent",
            summary = "Create an agent",
            description = "Answers 201 with the agent and its first key, whose token is in this response only. The"
                    + " agent can do nothing until it is granted accounts.")
    ResponseEntity<AgentViews.NewAgentView> create(
            CurrentWorkspace current, @Valid @RequestBody AgentRequests.CreateAgent request, HttpServletRequest http) {
        var created = agents.create(current.id(), request.name(), request.description(), null);
        OneTimeSecrets.mark(http, "/key/token");
        var agent = created.agent();
        return ResponseEntity.created(URI.create(http.getRequestURI() + "/" + agent.id()))
                .body(new AgentViews.NewAgentView(
                        agent.id().value(),
                        agent.name(),
                        agent.description(),
                        agent.status(),
                        AgentViews.NewKeyView.of(created.key())));
    }

    @GetMapping("/{agentId}")
    @Operation(operationId = "getAgent", summary = "Get an agent with its keys and grants")
    AgentViews.AgentView get(CurrentWorkspace current, @PathVariable UUID agentId) {
        return view(current, new AgentId(agentId));
    }

    @PostMapping("/{agentId}/pause")
    @Operation(
            operationId = "pauseAgent",
            summary = "Pause an agent",
            description = "Every call with its keys is refused (403) until it is resumed. Posts it already created"
                    + " stay as they are.")
    AgentViews.AgentView pause(CurrentWorkspace current, @PathVariable UUID agentId) {
        agents.pause(current.id(), new AgentId(agentId));
        return view(current, new AgentId(agentId));
    }

    @PostMapping("/{agentId}/resume")
    @Operation(operationId = "resumeAgent", summary = "Resume a paused agent")
    AgentViews.AgentView resume(CurrentWorkspace current, @PathVariable UUID agentId) {
        agents.resume(current.id(), new AgentId(agentId));
        return view(current, new AgentId(agentId));
    }

    @PostMapping("/{agentId}/keys")
    @Operation(
            operationId = "createAgentKey",
            summary = "Issue another key for an agent",
            description = "Answers 201 with the key and its token, which is in this response only.")
    ResponseEntity<AgentViews.NewKeyView> createKey(
            CurrentWorkspace current, @PathVariable UUID agentId, HttpServletRequest http) {
        var issued = keys.issue(current.id(), new AgentId(agentId));
        OneTimeSecrets.mark(http, "/token");
        return ResponseEntity.created(
                        URI.create(http.getRequestURI() + "/" + issued.key().id()))
                .body(AgentViews.NewKeyView.of(issued));
    }

    @DeleteMapping("/{agentId}/keys/{keyId}")
    @Operation(
            operationId = "revokeAgentKey",
            summary = "Revoke an agent's key",
            description = "The key stops working at once; revoking a revoked key changes nothing.")
    AgentViews.KeyView revokeKey(CurrentWorkspace current, @PathVariable UUID agentId, @PathVariable UUID keyId) {
        return AgentViews.KeyView.of(keys.revoke(current.id(), new AgentId(agentId), new AgentKeyId(keyId)));
    }

    @GetMapping("/{agentId}/grants")
    @Operation(operationId = "listAgentGrants", summary = "List an agent's grants")
    List<AgentViews.GrantView> grants(CurrentWorkspace current, @PathVariable UUID agentId) {
        agents.require(current.id(), new AgentId(agentId));
        return grants.list(current.id(), new AgentId(agentId)).stream()
                .map(AgentViews.GrantView::of)
                .toList();
    }

    @PostMapping("/{agentId}/grants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "grantAgent",
            summary = "Grant an agent an account",
            description = "Replaces what the agent had on that account. Capabilities: POST_CREATE (publish now),"
                    + " POST_SCHEDULE (publish later), POST_READ, ANALYTICS_READ, ASSET_READ, ASSET_UPLOAD,"
                    + " CAPTION_GENERATE, COMMENT_READ (the comments under the account's posts), COMMENT_REPLY (answer"
                    + " them as the account).")
    AgentViews.GrantView grant(
            CurrentWorkspace current,
            @PathVariable UUID agentId,
            @Valid @RequestBody AgentRequests.CreateGrant request) {
        return AgentViews.GrantView.of(grants.grant(current.id(), new AgentId(agentId), request.toGrant()));
    }

    @DeleteMapping("/{agentId}/grants/{grantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteAgentGrant", summary = "Take an account away from an agent")
    void deleteGrant(CurrentWorkspace current, @PathVariable UUID agentId, @PathVariable UUID grantId) {
        grants.revoke(current.id(), new AgentId(agentId), new GrantId(grantId));
    }

    private AgentViews.AgentView view(CurrentWorkspace current, AgentId id) {
        var agent = agents.require(current.id(), id);
        return AgentViews.AgentView.of(agent, keys.list(current.id(), id), grants.list(current.id(), id));
    }
}
