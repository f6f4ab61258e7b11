package herald.web.api.workspaces;

import herald.tenancy.Provisioning;
import herald.web.api.ApiPaths;
import herald.web.api.InvitationLinks;
import herald.web.api.idempotency.OneTimeSecrets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACES)
@Tag(name = "Operator", description = "Provisioning workspaces with the operator token (HERALD_OPERATOR_TOKEN).")
class ProvisioningController {

    private final Provisioning provisioning;
    private final InvitationLinks links;

    ProvisioningController(Provisioning provisioning, InvitationLinks links) {
        this.provisioning = provisioning;
        this.links = links;
    }

    @PostMapping
    @Operation(
            operationId = "provisionWorkspace",
            summary = "Create a workspace (operator)",
            description = "Creates a workspace with its first owner and an admin API key, all or nothing. The owner"
                    + " joins at once when the email has a Herald account; otherwise the response holds an owner"
                    + " invitation link to send them. The key's token and the link are shown in this response only."
                    + " Needs the operator token; without HERALD_OPERATOR_TOKEN configured this route does not"
                    + " exist (404).",
            security = @SecurityRequirement(name = "operatorToken"))
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ProvisionedWorkspace> provision(
            @Valid @RequestBody ProvisionWorkspace request, HttpServletRequest http) {
        var provisioned = provisioning.provision(new Provisioning.Request(
                request.name(),
                request.ownerEmail(),
                request.plan(),
                request.timezone(),
                request.description() == null ? "" : request.description()));
        OneTimeSecrets.mark(http, "/apiKey/token", "/ownerInvitation/url");
        var body = ProvisionedWorkspace.of(provisioned, links);
        return ResponseEntity.created(URI.create(ApiPaths.WORKSPACES + "/" + body.id()))
                .body(body);
    }
}
