package herald.web.api.webhooks;

import herald.identity.ApiKeyScope;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import herald.web.api.scopes.RequiredScope;
import herald.webhooks.CreatedWebhookEndpoint;
import herald.webhooks.WebhookDeliveries;
import herald.webhooks.WebhookDelivery;
import herald.webhooks.WebhookDeliveryId;
import herald.webhooks.WebhookEndpointChange;
import herald.webhooks.WebhookEndpointDraft;
import herald.webhooks.WebhookEndpointId;
import herald.webhooks.WebhookEndpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/webhooks")
@RequiredScope(ApiKeyScope.ADMIN)
@Tag(
        name = "Webhooks",
        description = "Endpoints that receive the workspace's events, signed the Standard Webhooks way, with the"
                + " delivery log. See docs/webhooks.md.")
class WebhookController {

    private static final String DELIVERIES = "webhook-deliveries";

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    WebhookController(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @GetMapping
    @Operation(operationId = "listWebhookEndpoints", summary = "List webhook endpoints", description = "Oldest first.")
    Page<WebhookViews.Endpoint> list(CurrentWorkspace current) {
        return new Page<>(
                endpoints.all(current.id()).stream()
                        .map(WebhookViews.Endpoint::of)
                        .toList(),
                null);
    }

    @PostMapping
    @Operation(
            operationId = "createWebhookEndpoint",
            summary = "Add a webhook endpoint",
            description = "Answers the signing secret this once. The URL must be public https; at most 10 endpoints"
                    + " by default (herald.webhooks.max-endpoints).")
    ResponseEntity<WebhookViews.WithSecret> create(
            CurrentWorkspace current, @RequestBody WebhookRequests.Create request, HttpServletRequest http) {
        CreatedWebhookEndpoint created = endpoints.create(
                current.id(),
                new WebhookEndpointDraft(
                        request.url(),
                        request.events(),
                        request.description(),
                        !Boolean.FALSE.equals(request.enabled())));
        return ResponseEntity.created(URI.create(
                        http.getRequestURI() + "/" + created.endpoint().id()))
                .body(WebhookViews.WithSecret.of(created));
    }

    @GetMapping("/{endpointId}")
    @Operation(operationId = "getWebhookEndpoint", summary = "Get a webhook endpoint")
    WebhookViews.Endpoint get(CurrentWorkspace current, @PathVariable UUID endpointId) {
        return WebhookViews.Endpoint.of(endpoints.require(current.id(), new WebhookEndpointId(endpointId)));
    }

    @PatchMapping("/{endpointId}")
    @Operation(
            operationId = "changeWebhookEndpoint",
            summary = "Change a webhook endpoint",
            description = "Only the fields given. A disabled endpoint gets no new deliveries, and its pending ones"
                    + " fail at their next attempt.")
    WebhookViews.Endpoint change(
            CurrentWorkspace current, @PathVariable UUID endpointId, @RequestBody WebhookRequests.Change change) {
        return WebhookViews.Endpoint.of(endpoints.change(
                current.id(),
                new WebhookEndpointId(endpointId),
                new WebhookEndpointChange(change.url(), change.events(), change.description(), change.enabled())));
    }

    @DeleteMapping("/{endpointId}")
    @Operation(
            operationId = "deleteWebhookEndpoint",
            summary = "Delete a webhook endpoint",
            description = "With its delivery log; pending deliveries are not sent.")
    ResponseEntity<Void> delete(CurrentWorkspace current, @PathVariable UUID endpointId) {
        endpoints.delete(current.id(), new WebhookEndpointId(endpointId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{endpointId}/roll-secret")
    @Operation(
            operationId = "rollWebhookSecret",
            summary = "Replace an endpoint's signing secret",
            description = "The old secret stops at once; the new one is answered this once.")
    WebhookViews.WithSecret rollSecret(CurrentWorkspace current, @PathVariable UUID endpointId) {
        return WebhookViews.WithSecret.of(endpoints.rollSecret(current.id(), new WebhookEndpointId(endpointId)));
    }

    @PostMapping("/{endpointId}/test")
    @Operation(
            operationId = "testWebhookEndpoint",
            summary = "Send a test event",
            description = "Queues a webhook.test delivery (sent even to a disabled endpoint); follow it in the"
                    + " deliveries.")
    ResponseEntity<WebhookViews.Delivery> test(CurrentWorkspace current, @PathVariable UUID endpointId) {
        WebhookDelivery delivery = endpoints.sendTest(current.id(), new WebhookEndpointId(endpointId));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(WebhookViews.Delivery.of(delivery));
    }

    @GetMapping("/{endpointId}/deliveries")
    @RequiredScope(ApiKeyScope.READ)
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "List an endpoint's deliveries",
            description = "Newest first, kept for herald.webhooks.retention (30 days) after they end.")
    Page<WebhookViews.Delivery> deliveries(
            CurrentWorkspace current, @PathVariable UUID endpointId, @Valid PageRequest page) {
        WebhookEndpointId id = new WebhookEndpointId(endpointId);
        endpoints.require(current.id(), id);
        WebhookDelivery.@Nullable Position after = page.afterTimeAndId(
                DELIVERIES, (time, delivery) -> new WebhookDelivery.Position(time, new WebhookDeliveryId(delivery)));
        return page.pageByTimeAndId(
                deliveries.recent(current.id(), id, after, page.fetchSize()),
                WebhookViews.Delivery::of,
                DELIVERIES,
                WebhookDelivery::createdAt,
                WebhookDelivery::id);
    }

    @GetMapping("/{endpointId}/deliveries/{deliveryId}")
    @RequiredScope(ApiKeyScope.READ)
    @Operation(operationId = "getWebhookDelivery", summary = "Get a delivery")
    WebhookViews.Delivery delivery(
            CurrentWorkspace current, @PathVariable UUID endpointId, @PathVariable UUID deliveryId) {
        return WebhookViews.Delivery.of(
                deliveries.require(current.id(), new WebhookEndpointId(endpointId), new WebhookDeliveryId(deliveryId)));
    }

    @PostMapping("/{endpointId}/deliveries/{deliveryId}/redeliver")
    @Operation(
            operationId = "redeliverWebhook",
            summary = "Send a delivery's event again",
            description = "A new delivery with the same event id and body, whatever became of the first.")
    ResponseEntity<WebhookViews.Delivery> redeliver(
            CurrentWorkspace current, @PathVariable UUID endpointId, @PathVariable UUID deliveryId) {
        WebhookDelivery copy = deliveries.redeliver(
                current.id(), new WebhookEndpointId(endpointId), new WebhookDeliveryId(deliveryId));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(WebhookViews.Delivery.of(copy));
    }
}
