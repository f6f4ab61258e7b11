package herald.web.ui;

import herald.identity.ApiKey;
import herald.identity.ApiKeyId;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.identity.IssuedApiKey;
import herald.identity.SignedInUser;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import herald.web.PublicUrl;
import herald.web.api.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A workspace's API keys (admins and owners). A new key's token is shown once, in the response that created it; the
 * list shows prefixes only. Revoking from the list is an htmx request that swaps the key's row.
 */
@Controller
class ApiKeysController {

    private final ApiKeys apiKeys;
    private final Clock clock;
    private final PublicUrl publicUrl;

    ApiKeysController(ApiKeys apiKeys, Clock clock, PublicUrl publicUrl) {
        this.apiKeys = apiKeys;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/w/{slug}/api-keys")
    String list(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        return page(current, model, ApiKeyForm.blank(), new FormErrors(), null);
    }

    @PostMapping("/w/{slug}/api-keys")
    String create(
            @ModelAttribute ApiKeyForm form,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        var errors = new FormErrors().requireText("name", form.name(), "Name the key after what uses it.");
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        Instant expiresAt = null;
        try {
            form.scopes().stream().map(ApiKeyScope::of).forEach(scopes::add);
            expiresAt = expiry(current, form.expires());
        } catch (InvalidInput e) {
            errors.add(field(e.field()), e.getMessage());
        }
        if (!errors.any()) {
            try {
                IssuedApiKey issued = apiKeys.create(current.id(), form.name(), scopes, expiresAt, me.id());
                UiErrors.noStore(response);
                return page(current, model, ApiKeyForm.blank(), errors, issued);
            } catch (InvalidInput e) {
                errors.add(field(e.field()), e.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(current, model, form, errors, null);
    }

    @PostMapping("/w/{slug}/api-keys/{id}/revoke")
    String revoke(
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        ApiKey key = apiKeys.revoke(current.id(), new ApiKeyId(id));
        if (htmx != null) {
            // The row fragment iterates over "keys"; here it draws just the revoked one.
            model.addAttribute("keys", List.of(key));
            model.addAttribute("now", clock.instant());
            return "workspace/api-keys :: row";
        }
        flash.addFlashAttribute("notice", "The key \u201c" + key.name() + "\u201d was revoked.");
        return "redirect:/w/" + current.workspace().slug() + "/api-keys";
    }

    /** The key stays valid through the whole chosen day, in the workspace's timezone. */
    private @Nullable Instant expiry(CurrentWorkspace current, String expires) {
        if (expires.isEmpty()) {
            return null;
        }
        try {
            LocalDate last = LocalDate.parse(expires);
            return new WorkspaceTime(current.workspace().timezone()).startOf(last.plusDays(1));
        } catch (DateTimeParseException e) {
            throw new InvalidInput("expiresAt", "Enter the expiry as a date, like 2027-01-31.");
        }
    }

    private static String field(String domainField) {
        return switch (domainField) {
            case "name", "scopes" -> domainField;
            case "expiresAt" -> "expires";
            default -> FormErrors.FORM;
        };
    }

    private String page(
            CurrentWorkspace current, Model model, ApiKeyForm form, FormErrors errors, @Nullable IssuedApiKey issued) {
        Instant now = clock.instant();
        model.addAttribute("section", "api-keys");
        model.addAttribute("keys", apiKeys.list(current.id()));
        model.addAttribute("now", now);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("issued", issued);
        model.addAttribute("scopes", ApiKeyScope.values());
        // Every API path names the workspace by its id, which the UI shows nowhere else.
        model.addAttribute("apiBase", publicUrl.resolve(ApiPaths.WORKSPACES + "/" + current.id()));
        model.addAttribute(
                "minExpiry",
                new WorkspaceTime(current.workspace().timezone()).today(now).toString());
        return "workspace/api-keys";
    }
}
