package herald.web.api.vault;

import herald.vault.KeyRotation;
import herald.web.security.OperatorApiSecurity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(VaultOperatorController.PATH)
@Tag(name = "Operator", description = "Provisioning workspaces with the operator token (HERALD_OPERATOR_TOKEN).")
class VaultOperatorController {

    static final String PATH = OperatorApiSecurity.OPERATOR_API + "/vault";

    private final KeyRotation rotation;

    VaultOperatorController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @PostMapping("/rotate")
    @Operation(
            operationId = "rotateVaultKey",
            summary = "Rotate the vault's data key (operator)",
            description = "Adds a new AES-256-GCM primary key to the data keyset that seals every stored secret; every"
                    + " node seals under it within herald.vault.refresh-interval. A background job then re-encrypts"
                    + " every secret still under an older key and disables each old key once nothing uses it; old"
                    + " secrets keep decrypting throughout. Answers 202 with the rotation; follow its progress at"
                    + " GET /api/v1/operator/vault/status. Needs the operator token; without HERALD_OPERATOR_TOKEN"
                    + " configured this route does not exist (404).",
            security = @SecurityRequirement(name = "operatorToken"))
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<VaultViews.RotationView> rotate() {
        var started = VaultViews.RotationView.of(rotation.rotate());
        return ResponseEntity.accepted().location(URI.create(PATH + "/status")).body(started);
    }

    @GetMapping("/status")
    @Operation(
            operationId = "getVaultStatus",
            summary = "The vault's keys and rotation progress (operator)",
            description = "Every key of the data keyset (id, primary / enabled / disabled, creation time, secrets"
                    + " still under it) and the latest rotation's re-encryption progress. Never shows key material."
                    + " Needs the operator token; without HERALD_OPERATOR_TOKEN configured this route does not exist"
                    + " (404).",
            security = @SecurityRequirement(name = "operatorToken"))
    VaultViews.StatusView status() {
        return VaultViews.StatusView.of(rotation.status());
    }
}
