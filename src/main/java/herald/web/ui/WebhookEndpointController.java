package herald.web.ui;

import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import herald.webhooks.CreatedWebhookEndpoint;
import herald.webhooks.WebhookDeliveries;
import herald.webhooks.WebhookDelivery;
import herald.webhooks.WebhookDeliveryId;
import herald.webhooks.WebhookEndpoint;
import herald.webhooks.WebhookEndpointChange;
import herald.webhooks.WebhookEndpointId;
import herald.webhooks.WebhookEndpoints;
import herald.webhooks.WebhookEventType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * One webhook endpoint (admins and owners): its settings, its deliveries newest first ({@value #PAGE} a page) with a
 * redelivery for each, and what can be done to it: switch it off and on, send a test event, roll its secret (the new
 * one shown once, in that response) and delete it.
 */
@Controller
class WebhookEndpointController {

    static final int PAGE = 50;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final JsonMapper json;

    WebhookEndpointController(WebhookEndpoints endpoints, WebhookDeliveries deliveries, JsonMapper json) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.json = json;
    }

    @GetMapping("/w/{slug}/webhooks/{id}")
    String show(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String before,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        WebhookEndpoint endpoint = endpoints.require(current.id(), new WebhookEndpointId(id));
        return page(current, model, endpoint, WebhookForm.of(endpoint), new FormErrors(), null, before);
    }

    @PostMapping("/w/{slug}/webhooks/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute WebhookForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        WebhookEndpointId endpoint = new WebhookEndpointId(id);
        try {
            endpoints.change(current.id(), endpoint, form.change());
            flash.addFlashAttribute("notice", "The endpoint was saved.");
            return redirect(current, endpoint);
        } catch (InvalidInput e) {
            // The change was refused and rolled back: the page shows the endpoint as it is, with the form as typed.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            var errors = new FormErrors().add(WebhookForm.field(e.field()), e.getMessage());
            return page(current, model, endpoints.require(current.id(), endpoint), form, errors, null, null);
        }
    }

    @PostMapping("/w/{slug}/webhooks/{id}/enable")
    String enable(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String back,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return switchTo(true, Access.atLeast(request, Role.ADMIN), id, back, flash);
    }

    @PostMapping("/w/{slug}/webhooks/{id}/disable")
    String disable(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String back,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return switchTo(false, Access.atLeast(request, Role.ADMIN), id, back, flash);
    }

    @PostMapping("/w/{slug}/webhooks/{id}/test")
    String test(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        WebhookEndpointId endpoint = new WebhookEndpointId(id);
        endpoints.sendTest(current.id(), endpoint);
        flash.addFlashAttribute(
                "notice", "A test event (webhook.test) is on its way; follow it in the deliveries below.");
        return redirect(current, endpoint);
    }

    @PostMapping("/w/{slug}/webhooks/{id}/roll-secret")
    String rollSecret(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        CreatedWebhookEndpoint rolled = endpoints.rollSecret(current.id(), new WebhookEndpointId(id));
        UiErrors.noStore(response);
        WebhookEndpoint endpoint = rolled.endpoint();
        return page(current, model, endpoint, WebhookForm.of(endpoint), new FormErrors(), rolled, null);
    }

    @PostMapping("/w/{slug}/webhooks/{id}/delete")
    String delete(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        WebhookEndpoint deleted = endpoints.delete(current.id(), new WebhookEndpointId(id));
        flash.addFlashAttribute("notice", "The endpoint " + deleted.url() + " was deleted, with its deliveries.");
        return "redirect:/w/" + current.workspace().slug() + "/webhooks";
    }

    @PostMapping("/w/{slug}/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(
            @PathVariable UUID id,
            @PathVariable UUID deliveryId,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        WebhookEndpointId endpoint = new WebhookEndpointId(id);
        // Only a delivery of this endpoint in this workspace is found: that check needs no read of the endpoint.
        WebhookDelivery copy = deliveries.redeliver(current.id(), endpoint, new WebhookDeliveryId(deliveryId));
        flash.addFlashAttribute(
                "notice",
                "The " + copy.type().value() + " event is sent again as a new delivery, with the same webhook-id.");
        return redirect(current, endpoint);
    }

    /** Switches the endpoint on or off; nothing else changes, and the URL is not checked again. */
    private String switchTo(boolean enabled, CurrentWorkspace current, UUID id, String back, RedirectAttributes flash) {
        WebhookEndpoint endpoint =
                endpoints.change(current.id(), new WebhookEndpointId(id), WebhookEndpointChange.enabled(enabled));
        flash.addFlashAttribute(
                "notice",
                enabled
                        ? "The endpoint " + endpoint.url() + " receives events again."
                        : "The endpoint " + endpoint.url() + " is disabled: it gets no new deliveries, and those"
                                + " still pending fail at their next attempt.");
        return "list".equals(back)
                ? "redirect:/w/" + current.workspace().slug() + "/webhooks"
                : redirect(current, endpoint.id());
    }

    private static String redirect(CurrentWorkspace current, WebhookEndpointId endpoint) {
        return "redirect:/w/" + current.workspace().slug() + "/webhooks/" + endpoint;
    }

    private String page(
            CurrentWorkspace current,
            Model model,
            WebhookEndpoint endpoint,
            WebhookForm form,
            FormErrors errors,
            @Nullable CreatedWebhookEndpoint rolled,
            @Nullable String before) {
        ListingPage<WebhookDelivery> page = ListingPage.of(
                deliveries.recent(current.id(), endpoint.id(), after(before), PAGE + 1),
                PAGE,
                WebhookDelivery::createdAt,
                WebhookDelivery::id);
        model.addAttribute("section", "webhooks");
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("created", rolled);
        model.addAttribute("eventTypes", WebhookEventType.subscribable());
        model.addAttribute(
                "deliveries",
                page.items().stream().map(d -> WebhookDeliveryRow.of(d, json)).toList());
        model.addAttribute("older", before != null);
        model.addAttribute("next", page.next());
        return "webhooks/endpoint";
    }

    /** The last delivery of the page before, as the "Older" link gives it; anything else starts from the newest. */
    private static WebhookDelivery.@Nullable Position after(@Nullable String before) {
        PageCursor cursor = PageCursor.read(before);
        return cursor == null ? null : new WebhookDelivery.Position(cursor.time(), new WebhookDeliveryId(cursor.id()));
    }
}
