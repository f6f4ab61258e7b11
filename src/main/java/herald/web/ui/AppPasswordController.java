package herald.web.ui;

import herald.connections.AppPasswordConnects;
import herald.connections.ConnectFlow;
import herald.connections.ConnectRefused;
import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.tenancy.Role;
import herald.vault.Secret;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Connecting (or reconnecting) an account of a platform that takes an app password instead of an OAuth consent
 * (Bluesky), from the Connections page. A refusal goes back to the page with the handle kept and the password not.
 */
@Controller
class AppPasswordController {

    private final AppPasswordConnects connects;

    AppPasswordController(AppPasswordConnects connects) {
        this.connects = connects;
    }

    @PostMapping("/w/{slug}/connections/sign-in")
    String signIn(
            @RequestParam String provider,
            @RequestParam(required = false) @Nullable String identifier,
            @RequestParam(required = false) @Nullable String appPassword,
            @RequestParam(required = false) @Nullable UUID reconnect,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        String page = "redirect:/w/" + current.workspace().slug() + "/connections";
        try {
            var completed = connects.connect(
                    current.id(),
                    new AppPasswordConnects.SignIn(
                            provider,
                            identifier == null ? "" : identifier,
                            Secret.of(appPassword == null ? "" : appPassword),
                            ConnectFlow.UI,
                            reconnect == null ? null : new ConnectionId(reconnect)));
            String accounts = completed.connections().stream()
                    .map(Connection::username)
                    .map(username -> "@" + username)
                    .collect(Collectors.joining(", "));
            flash.addFlashAttribute(
                    "notice",
                    (reconnect == null ? "Connected " : "Reconnected ") + accounts
                            + ". Herald keeps its session encrypted and renews it; it did not keep the app password.");
        } catch (InvalidInput | LimitReached | NotFound | ConnectRefused e) {
            flash.addFlashAttribute("problem", e.getMessage());
            flash.addFlashAttribute("signIn", new Attempt(provider, identifier == null ? "" : identifier.strip()));
        }
        return page;
    }

    /**
     * What a refused sign-in keeps for the form: the platform and the handle, never the password. Serializable: flash
     * attributes live in the session, which is stored in the database.
     */
    public record Attempt(String provider, String identifier) implements java.io.Serializable {}
}
