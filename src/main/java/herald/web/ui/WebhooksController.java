package herald.web.ui;

import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import herald.webhooks.CreatedWebhookEndpoint;
import herald.webhooks.WebhookEndpoints;
import herald.webhooks.WebhookEventType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A workspace's webhook endpoints (admins and owners): the list, and the form that adds one. A new endpoint's signing
 * secret is shown once, in the response that created it, never stored by the browser; the list shows its hint only.
 * One endpoint's settings and deliveries are {@link WebhookEndpointController}'s.
 */
@Controller
class WebhooksController {

    private final WebhookEndpoints endpoints;

    WebhooksController(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping("/w/{slug}/webhooks")
    String list(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        return page(current, model, WebhookForm.blank(), new FormErrors(), null);
    }

    @PostMapping("/w/{slug}/webhooks")
    String create(
            @ModelAttribute WebhookForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        var errors = new FormErrors();
        try {
            CreatedWebhookEndpoint created = endpoints.create(current.id(), form.draft(true));
            UiErrors.noStore(response);
            return page(current, model, WebhookForm.blank(), errors, created);
        } catch (InvalidInput e) {
            errors.add(WebhookForm.field(e.field()), e.getMessage());
        } catch (LimitReached e) {
            errors.conflict(FormErrors.FORM, e.getMessage());
        }
        response.setStatus(errors.status());
        return page(current, model, form, errors, null);
    }

    private String page(
            CurrentWorkspace current,
            Model model,
            WebhookForm form,
            FormErrors errors,
            @Nullable CreatedWebhookEndpoint created) {
        model.addAttribute("section", "webhooks");
        model.addAttribute("endpoints", endpoints.all(current.id()));
        model.addAttribute("limit", endpoints.limit());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("created", created);
        model.addAttribute("eventTypes", WebhookEventType.subscribable());
        return "webhooks/list";
    }
}
