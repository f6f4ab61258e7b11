package herald.web.ui;

import herald.connections.CompletedConnect;
import herald.connections.ConnectFlow;
import herald.connections.ConnectRefused;
import herald.connections.Connection;
import herald.connections.OAuthFlows;
import herald.identity.SignedInUser;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Where platforms send the browser back after consent: {@code ${herald.public-url}/connections/callback/{provider}},
 * exactly the redirect URI registered with each platform. Open to everyone: a connect started through the API
 * completes here without a Herald session. A connect started in the UI completes only for the person who started it;
 * the page then reports to the window that opened it ({@code postMessage} to Herald's exact origin) and closes, or,
 * when it was not opened as a popup, returns to the Connections page.
 */
@Controller
class OAuthCallbackController {

    static final String RESULT_PARAMETER = "connect";

    private final OAuthFlows flows;
    private final Workspaces workspaces;
    private final String origin;

    OAuthCallbackController(OAuthFlows flows, Workspaces workspaces, @Value("${herald.public-url}") String publicUrl) {
        this.flows = flows;
        this.workspaces = workspaces;
        this.origin = origin(publicUrl);
    }

    @GetMapping(OAuthFlows.CALLBACK_PATH + "{provider}")
    String callback(
            @PathVariable String provider,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(name = "error_description", required = false) @Nullable String errorDescription,
            @AuthenticationPrincipal @Nullable SignedInUser me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        UiErrors.noStore(response);
        model.addAttribute("origin", origin);
        try {
            CompletedConnect done = flows.complete(
                    provider,
                    new OAuthFlows.Callback(state, code, error, errorDescription),
                    me == null ? null : me.id());
            String accounts = done.connections().stream()
                    .map(Connection::username)
                    .map(name -> "@" + name)
                    .collect(Collectors.joining(", "));
            String message = "Connected " + accounts + ".";
            return result(true, message, done.flow(), done.workspace(), request, response, model);
        } catch (ConnectRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return result(false, refused.getMessage(), refused.flow(), refused.workspace(), request, response, model);
        }
    }

    private String result(
            boolean ok,
            String message,
            @Nullable ConnectFlow flow,
            @Nullable WorkspaceId workspace,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String returnPath = flow == ConnectFlow.UI && workspace != null
                ? workspaces
                        .find(workspace)
                        .map(w -> "/w/" + w.slug() + "/connections")
                        .orElse(null)
                : null;
        if (returnPath != null) {
            // For the whole-window flow: the Connections page shows the outcome once, when the script returns there.
            FlashMap flash = new FlashMap();
            flash.put(ok ? "notice" : "problem", message);
            flash.setTargetRequestPath(returnPath);
            flash.addTargetRequestParam(RESULT_PARAMETER, "done");
            RequestContextUtils.getFlashMapManager(request).saveOutputFlashMap(flash, request, response);
        }
        model.addAttribute("ok", ok);
        model.addAttribute("message", message);
        model.addAttribute("flow", flow == null ? "unknown" : flow.value());
        model.addAttribute("returnUrl", returnPath == null ? null : returnPath + "?" + RESULT_PARAMETER + "=done");
        return "connections/callback";
    }

    /** scheme://host[:port] of the public URL: the only origin the popup reports to. */
    static String origin(String publicUrl) {
        URI uri = URI.create(publicUrl);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
