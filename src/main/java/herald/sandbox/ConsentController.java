package herald.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The authorization endpoint: a consent page listing the Sandbox's accounts, and its form. An unknown client or a
 * redirect URI that is not registered exactly is never redirected to (it could be an attacker's); every other problem
 * goes back to the client as {@code error=...}.
 */
@Controller
@RequestMapping("/sandbox/oauth/authorize")
class ConsentController {

    private final Clients clients;
    private final Accounts accounts;
    private final AuthorizationCodes codes;

    ConsentController(Clients clients, Accounts accounts, AuthorizationCodes codes) {
        this.clients = clients;
        this.accounts = accounts;
        this.codes = codes;
    }

    @GetMapping
    String consent(HttpServletRequest request, HttpServletResponse response, Model model) {
        var authorization = AuthorizationRequest.of(request);
        var client = trusted(authorization, response, model);
        if (client.isEmpty()) {
            return "sandbox/error";
        }
        var error = authorization.redirectableError();
        if (error.isPresent()) {
            return "redirect:" + authorization.redirect("error", error.get());
        }
        return page(model, client.get(), authorization, Set.of(), null);
    }

    @PostMapping
    String decide(
            HttpServletRequest request,
            HttpServletResponse response,
            @RequestParam(name = "account", required = false) @Nullable List<String> chosen,
            @RequestParam(name = "decision", required = false) @Nullable String decision,
            Model model) {
        var authorization = AuthorizationRequest.of(request);
        var client = trusted(authorization, response, model);
        if (client.isEmpty()) {
            return "sandbox/error";
        }
        var error = authorization.redirectableError();
        if (error.isPresent()) {
            return "redirect:" + authorization.redirect("error", error.get());
        }
        if (!"approve".equals(decision)) {
            return "redirect:" + authorization.redirect("error", "access_denied");
        }
        Set<String> handles = new LinkedHashSet<>();
        for (String handle : chosen == null ? List.<String>of() : chosen) {
            String value = handle.strip().toLowerCase(java.util.Locale.ROOT);
            if (value.startsWith("@")) {
                value = value.substring(1);
            }
            if (!value.isEmpty()) {
                handles.add(value);
            }
        }
        if (handles.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, client.get(), authorization, handles, "Choose at least one account, or create one.");
        }
        for (String handle : handles) {
            if (!Account.isHandle(handle)) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return page(
                        model,
                        client.get(),
                        authorization,
                        handles,
                        "\"" + handle + "\" is not a handle: use 2 to 30 lowercase letters, digits or underscores.");
            }
        }
        List<UUID> granted = new ArrayList<>();
        handles.forEach(handle -> granted.add(accounts.findOrCreate(handle).id()));
        String code = codes.issue(
                client.get().id(),
                authorization.redirectUri(),
                authorization.scope(),
                authorization.codeChallenge(),
                granted);
        return "redirect:" + authorization.redirect("code", code);
    }

    private Optional<Clients.Client> trusted(
            AuthorizationRequest authorization, HttpServletResponse response, Model model) {
        var client = clients.byId(authorization.clientId());
        if (client.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("message", "The application asking for access (client_id) is not registered here.");
            return Optional.empty();
        }
        if (!client.get().allows(authorization.redirectUri())) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute(
                    "message",
                    "The address to return to (redirect_uri) is not registered for "
                            + client.get().name() + ".");
            return Optional.empty();
        }
        return client;
    }

    private String page(
            Model model,
            Clients.Client client,
            AuthorizationRequest authorization,
            Set<String> chosen,
            @Nullable String error) {
        model.addAttribute("clientName", client.name());
        model.addAttribute("authorization", authorization);
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("chosen", chosen);
        model.addAttribute("error", error);
        return "sandbox/consent";
    }
}
