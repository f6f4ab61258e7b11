package herald.web.api.members;

import herald.identity.ApiKeyScope;
import herald.tenancy.Invitation;
import herald.tenancy.Invitations;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.InvitationLinks;
import herald.web.api.idempotency.OneTimeSecrets;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import herald.web.api.scopes.RequiredScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/invitations")
@RequiredScope(ApiKeyScope.ADMIN)
@Tag(name = "Invitations", description = "Single-use, expiring links that make a person a member.")
class InvitationController {

    private static final String LISTING = "invitations";

    private final Invitations invitations;
    private final InvitationLinks links;

    InvitationController(Invitations invitations, InvitationLinks links) {
        this.invitations = invitations;
        this.links = links;
    }

    @PostMapping
    @Operation(
            operationId = "inviteMember",
            summary = "Invite someone",
            description = "Answers 201 with the invitation link, shown in this response only. Refused with"
                    + " plan-limit (403) when the plan's members are all taken.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<NewInvitation> invite(
            CurrentWorkspace current, @Valid @RequestBody InviteMember request, HttpServletRequest http) {
        var issued = invitations.invite(current.id(), request.email(), Role.of(request.role()), null);
        OneTimeSecrets.mark(http, "/url");
        return ResponseEntity.created(URI.create(
                        http.getRequestURI() + "/" + issued.invitation().id()))
                .body(NewInvitation.of(issued, links.of(issued)));
    }

    @GetMapping
    @Operation(
            operationId = "listInvitations",
            summary = "List open invitations",
            description = "Not yet accepted, revoked or expired; newest first.")
    Page<InvitationView> list(CurrentWorkspace current, @Valid PageRequest page) {
        var after = page.afterTimeAndId(LISTING, Invitations.After::new);
        return page.pageByTimeAndId(
                invitations.pending(current.id(), after, page.fetchSize()),
                InvitationView::of,
                LISTING,
                Invitation::createdAt,
                Invitation::id);
    }

    @DeleteMapping("/{invitationId}")
    @Operation(
            operationId = "revokeInvitation",
            summary = "Revoke an invitation",
            description = "Its link stops working. An invitation already accepted or revoked is not open: 404.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(CurrentWorkspace current, @PathVariable UUID invitationId) {
        invitations.revoke(current.id(), invitationId);
    }
}
