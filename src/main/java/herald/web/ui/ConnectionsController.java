package herald.web.ui;

import herald.connections.ConnectFlow;
import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.ConnectionStatus;
import herald.connections.Connections;
import herald.connections.Initiator;
import herald.connections.OAuthFlows;
import herald.identity.SignedInUser;
import herald.providers.ConnectMethod;
import herald.providers.SocialProvider;
import herald.publishing.Pausing;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A workspace's connected accounts. Connecting opens the platform's consent in a popup (connections.js), or, when the
 * popup is blocked or without JavaScript, in the whole window; the callback ({@link OAuthCallbackController}) tells
 * this page how it went. Every member sees the list; admins and owners connect, reconnect and disconnect.
 */
@Controller
class ConnectionsController {

    private final Connections connections;
    private final OAuthFlows flows;
    private final Pausing pausing;
    private final Clock clock;

    ConnectionsController(Connections connections, OAuthFlows flows, Pausing pausing, Clock clock) {
        this.connections = connections;
        this.flows = flows;
        this.pausing = pausing;
        this.clock = clock;
    }

    @GetMapping("/w/{slug}/connections")
    String page(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.member(request);
        model.addAttribute("section", "connections");
        model.addAttribute("providers", connections.providers());
        list(current, model);
        return "workspace/connections";
    }

    /** The list alone, which the page reloads when a popup reports back. */
    @GetMapping("/w/{slug}/connections/list")
    String listFragment(HttpServletRequest request, Model model) {
        list(Access.member(request), model);
        return "workspace/connections :: list";
    }

    private void list(CurrentWorkspace current, Model model) {
        var all = connections.list(current.id());
        model.addAttribute("connections", all);
        model.addAttribute(
                "needsReconnect",
                all.stream()
                        .filter(c -> c.status() == ConnectionStatus.NEEDS_RECONNECT)
                        .toList());
        model.addAttribute("reconnectSoon", connections.reconnectSoon(current.id()));
        model.addAttribute("paused", all.stream().filter(Connection::paused).toList());
        model.addAttribute("running", all.stream().anyMatch(c -> !c.paused()));
        // A connection names its platform by id ("linkedin"); people read the platform's own name ("LinkedIn").
        model.addAttribute(
                "platformNames",
                connections.providers().stream()
                        .collect(Collectors.toMap(SocialProvider::id, SocialProvider::displayName)));
        // Those reconnect with the account's app password, in a form of their own, not through a consent popup.
        model.addAttribute("appPasswordPlatforms", connectingBy(ConnectMethod.APP_PASSWORD));
        // Those reconnect at the account's own server, which the connection's handle names (alice@mastodon.social).
        model.addAttribute("serverPlatforms", connectingBy(ConnectMethod.SERVER_OAUTH));
        model.addAttribute("now", clock.instant());
    }

    /** The ids of the platforms whose accounts connect by {@code method}. */
    private java.util.Set<String> connectingBy(ConnectMethod method) {
        return connections.providers().stream()
                .filter(provider -> provider.connectMethod() == method)
                .map(SocialProvider::id)
                .collect(Collectors.toSet());
    }

    /**
     * Starts a connect. Scripts ask for JSON and open the URL in their popup; a plain form post is redirected to the
     * platform.
     */
    @PostMapping("/w/{slug}/connections/connect")
    Object connect(
            @RequestParam String provider,
            @RequestParam String accountType,
            @RequestParam(required = false) @Nullable UUID reconnect,
            @RequestParam(required = false) @Nullable String server,
            @RequestHeader(name = "Accept", required = false) @Nullable String accept,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
        try {
            var session = flows.start(
                    current.id(),
                    new OAuthFlows.Start(
                            provider,
                            accountType,
                            ConnectFlow.UI,
                            reconnect == null ? null : new ConnectionId(reconnect),
                            server),
                    Initiator.user(me.id().toString(), me.email()));
            String url = session.authorizationUrl().toString();
            return json ? ResponseEntity.ok(Map.of("authorizationUrl", url)) : "redirect:" + url;
        } catch (InvalidInput | LimitReached | NotFound e) {
            if (json) {
                return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
            }
            flash.addFlashAttribute("problem", e.getMessage());
            return "redirect:/w/" + current.workspace().slug() + "/connections";
        }
    }

    @PostMapping("/w/{slug}/connections/{id}/disconnect")
    String disconnect(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        var connection = connections.disconnect(current.id(), new ConnectionId(id));
        flash.addFlashAttribute(
                "notice",
                "Disconnected @" + connection.username() + ". Herald deleted its tokens; its history stays here.");
        return "redirect:/w/" + current.workspace().slug() + "/connections";
    }

    @PostMapping("/w/{slug}/connections/{id}/pause")
    String pause(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        return paused(current, flash, () -> pausing.pause(current.id(), new ConnectionId(id)));
    }

    @PostMapping("/w/{slug}/connections/pause-all")
    String pauseAll(HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        return paused(current, flash, () -> pausing.pauseAll(current.id()));
    }

    @PostMapping("/w/{slug}/connections/{id}/resume")
    String resume(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String overdue,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        return resumed(
                current, flash, () -> pausing.resume(current.id(), new ConnectionId(id), Pausing.Overdue.of(overdue)));
    }

    @PostMapping("/w/{slug}/connections/resume-all")
    String resumeAll(
            @RequestParam(required = false) @Nullable String overdue,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        return resumed(current, flash, () -> pausing.resumeAll(current.id(), Pausing.Overdue.of(overdue)));
    }

    private String paused(CurrentWorkspace current, RedirectAttributes flash, Supplier<Pausing.Paused> pause) {
        try {
            Pausing.Paused paused = pause.get();
            String them = paused.connections().size() == 1 ? "it" : "them";
            String held = paused.held() == 0
                    ? "Nothing was scheduled for " + them + "; any new post for " + them + " waits"
                    : count(paused.held(), "scheduled post waits", "scheduled posts wait") + ", and so will any new"
                            + " post for " + them + ",";
            flash.addFlashAttribute(
                    "notice",
                    "Paused publishing to " + handles(paused.connections()) + ". " + held + " until you resume " + them
                            + ".");
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/connections";
    }

    private String resumed(CurrentWorkspace current, RedirectAttributes flash, Supplier<Pausing.Resumed> resume) {
        try {
            Pausing.Resumed resumed = resume.get();
            List<String> outcomes = new ArrayList<>();
            if (resumed.scheduled() > 0) {
                outcomes.add(count(
                        resumed.scheduled(),
                        "scheduled post waits for its time again",
                        "scheduled posts wait for their time again"));
            }
            if (resumed.publishedNow() > 0) {
                outcomes.add(count(
                        resumed.publishedNow(),
                        "overdue post is being published now",
                        "overdue posts are being" + " published now"));
            }
            if (resumed.skipped() > 0) {
                outcomes.add(count(resumed.skipped(), "overdue post was skipped", "overdue posts were skipped"));
            }
            flash.addFlashAttribute(
                    "notice",
                    "Resumed publishing to " + handles(resumed.connections()) + ". "
                            + (outcomes.isEmpty() ? "No post was waiting" : String.join("; ", outcomes)) + ".");
        } catch (Conflict | InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/connections";
    }

    private static String handles(List<Connection> connections) {
        return connections.stream().map(c -> "@" + c.username()).collect(Collectors.joining(", "));
    }

    private static String count(int count, String one, String many) {
        return count == 1 ? "1 " + one : count + " " + many;
    }
}
