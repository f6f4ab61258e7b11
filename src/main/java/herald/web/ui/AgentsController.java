package herald.web.ui;

import herald.agents.Agent;
import herald.agents.AgentId;
import herald.agents.AgentKeyId;
import herald.agents.AgentKeys;
import herald.agents.Agents;
import herald.agents.Capability;
import herald.agents.Grant;
import herald.agents.Grants;
import herald.agents.IssuedAgentKey;
import herald.agents.NewGrant;
import herald.connections.ConnectionId;
import herald.connections.ConnectionStatus;
import herald.connections.Connections;
import herald.identity.SignedInUser;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A workspace's agents (admins and owners): create one (its first key is shown once), grant it accounts in a matrix
 * of accounts × capabilities with approval and a daily cap per account, issue and revoke keys, pause and resume.
 */
@Controller
class AgentsController {

    private final Agents agents;
    private final AgentKeys keys;
    private final Grants grants;
    private final Connections connections;

    AgentsController(Agents agents, AgentKeys keys, Grants grants, Connections connections) {
        this.agents = agents;
        this.keys = keys;
        this.grants = grants;
        this.connections = connections;
    }

    @GetMapping("/w/{slug}/agents")
    String list(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        return listPage(current, model, "", "", Map.of());
    }

    @PostMapping("/w/{slug}/agents")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        try {
            var created = agents.create(current.id(), name, description, me.id());
            UiErrors.noStore(response);
            return detailPage(current, created.agent().id(), model, created.key());
        } catch (InvalidInput e) {
            response.setStatus(400);
            return listPage(current, model, name, description, Map.of(e.field(), e.getMessage()));
        } catch (Conflict e) {
            response.setStatus(409);
            return listPage(current, model, name, description, Map.of("name", e.getMessage()));
        }
    }

    @GetMapping("/w/{slug}/agents/{id}")
    String detail(@PathVariable UUID id, HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        return detailPage(current, new AgentId(id), model, null);
    }

    @PostMapping("/w/{slug}/agents/{id}/pause")
    String pause(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        Agent agent = agents.pause(current.id(), new AgentId(id));
        flash.addFlashAttribute("notice", agent.name() + " is paused: its keys are refused until you resume it.");
        return back(current, id);
    }

    @PostMapping("/w/{slug}/agents/{id}/resume")
    String resume(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        Agent agent = agents.resume(current.id(), new AgentId(id));
        flash.addFlashAttribute("notice", agent.name() + " is active again.");
        return back(current, id);
    }

    @PostMapping("/w/{slug}/agents/{id}/keys")
    String issueKey(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        IssuedAgentKey issued = keys.issue(current.id(), new AgentId(id));
        UiErrors.noStore(response);
        return detailPage(current, new AgentId(id), model, issued);
    }

    @PostMapping("/w/{slug}/agents/{id}/keys/{keyId}/revoke")
    String revokeKey(
            @PathVariable UUID id, @PathVariable UUID keyId, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        var key = keys.revoke(current.id(), new AgentId(id), new AgentKeyId(keyId));
        flash.addFlashAttribute("notice", "The key " + key.prefix() + "_… was revoked.");
        return back(current, id);
    }

    /** Saves one row of the matrix: no capability ticked takes the account away. */
    @PostMapping("/w/{slug}/agents/{id}/grants")
    String grant(
            @PathVariable UUID id,
            @RequestParam UUID connectionId,
            @RequestParam(required = false) @Nullable List<String> capabilities,
            @RequestParam(defaultValue = "false") boolean requiresApproval,
            @RequestParam(defaultValue = "") String dailyCap,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        AgentId agent = new AgentId(id);
        ConnectionId connection = new ConnectionId(connectionId);
        try {
            if (capabilities == null || capabilities.isEmpty()) {
                grants.find(current.id(), agent, connection).ifPresent(g -> grants.revoke(current.id(), agent, g.id()));
                flash.addFlashAttribute("notice", "The agent no longer has this account.");
            } else {
                var wanted = EnumSet.noneOf(Capability.class);
                capabilities.forEach(c -> wanted.add(Capability.of(c)));
                grants.grant(current.id(), agent, new NewGrant(connection, wanted, requiresApproval, cap(dailyCap)));
                flash.addFlashAttribute("notice", "Grant saved.");
            }
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return back(current, id);
    }

    private static @Nullable Integer cap(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("dailyCap", "The daily cap is a whole number of posts, or empty for none.");
        }
    }

    private static String back(CurrentWorkspace current, UUID id) {
        return "redirect:/w/" + current.workspace().slug() + "/agents/" + id;
    }

    private String listPage(
            CurrentWorkspace current, Model model, String name, String description, Map<String, String> errors) {
        model.addAttribute("section", "agents");
        model.addAttribute("agents", agents.list(current.id()));
        model.addAttribute("name", name);
        model.addAttribute("description", description);
        model.addAttribute("errors", errors);
        return "agents/list";
    }

    private String detailPage(CurrentWorkspace current, AgentId id, Model model, @Nullable IssuedAgentKey issued) {
        Agent agent = agents.require(current.id(), id);
        Map<ConnectionId, Grant> granted = grants.list(current.id(), id).stream()
                .collect(Collectors.toMap(Grant::connection, Function.identity()));
        List<AgentGrantRow> rows = connections.list(current.id()).stream()
                .filter(c -> c.status() != ConnectionStatus.DISCONNECTED)
                .map(c -> new AgentGrantRow(c, granted.get(c.id())))
                .toList();
        model.addAttribute("section", "agents");
        model.addAttribute("agent", agent);
        model.addAttribute("keys", keys.list(current.id(), id));
        model.addAttribute("rows", rows);
        model.addAttribute("capabilities", Capability.values());
        model.addAttribute("issued", issued);
        return "agents/detail";
    }
}
