package herald.web.api.workspaces;

import herald.tenancy.Provisioning;
import herald.web.api.InvitationLinks;
import herald.web.api.keys.NewApiKey;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A new workspace with its admin API key (the token is shown only here) and how its owner gets in. */
record ProvisionedWorkspace(
        UUID id,
        String name,
        String slug,
        String plan,
        String timezone,
        Instant createdAt,
        @Schema(description = "An admin-scoped key for the integrator. Its token is shown in this response only.")
                NewApiKey apiKey,
        ProvisionedOwner owner,
        @Schema(description = "Present when the owner has no account yet: send them this link.", nullable = true)
                @Nullable
                OwnerInvitation ownerInvitation) {

    /** The owner: already a {@code member}, or {@code invited}. */
    record ProvisionedOwner(String email, String status, @Nullable UUID userId) {}

    /** The single-use link that makes the invited person the owner; shown only here. */
    record OwnerInvitation(UUID id, String url, Instant expiresAt) {}

    static ProvisionedWorkspace of(Provisioning.Provisioned provisioned, InvitationLinks links) {
        var workspace = provisioned.workspace();
        ProvisionedOwner owner = provisioned
                .owner()
                .map(user ->
                        new ProvisionedOwner(user.email(), "member", user.id().value()))
                .orElse(new ProvisionedOwner(provisioned.ownerEmail(), "invited", null));
        OwnerInvitation invitation = provisioned
                .ownerInvitation()
                .map(issued -> new OwnerInvitation(
                        issued.invitation().id(),
                        links.of(issued),
                        issued.invitation().expiresAt()))
                .orElse(null);
        return new ProvisionedWorkspace(
                workspace.id().value(),
                workspace.name(),
                workspace.slug(),
                workspace.plan(),
                workspace.timezone().getId(),
                workspace.createdAt(),
                NewApiKey.of(provisioned.apiKey()),
                owner,
                invitation);
    }
}
