package herald.web.api.members;

import herald.identity.ApiKeyScope;
import herald.shared.NotFound;
import herald.shared.UserId;
import herald.tenancy.Member;
import herald.tenancy.Memberships;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import herald.web.api.scopes.RequiredScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/members")
@RequiredScope(ApiKeyScope.ADMIN)
@Tag(name = "Members", description = "Who belongs to the workspace, and with which role.")
class MemberController {

    private static final String LISTING = "members";

    private final Memberships memberships;

    MemberController(Memberships memberships) {
        this.memberships = memberships;
    }

    @GetMapping
    @Operation(operationId = "listMembers", summary = "List members", description = "In the order they joined.")
    Page<MemberView> list(CurrentWorkspace current, @Valid PageRequest page) {
        var after = page.afterTimeAndId(LISTING, (time, id) -> new Memberships.After(time, new UserId(id)));
        return page.pageByTimeAndId(
                memberships.page(current.id(), after, page.fetchSize()),
                MemberView::of,
                LISTING,
                Member::joinedAt,
                Member::user);
    }

    @GetMapping("/{userId}")
    @Operation(operationId = "getMember", summary = "Get a member")
    MemberView get(CurrentWorkspace current, @PathVariable UUID userId) {
        return memberships
                .find(current.id(), new UserId(userId))
                .map(MemberView::of)
                .orElseThrow(() -> new NotFound("This person is not a member of the workspace."));
    }

    @PatchMapping("/{userId}")
    @Operation(
            operationId = "changeMemberRole",
            summary = "Change a member's role",
            description =
                    "An API key acts as an admin: it cannot make or unmake an owner (403 forbidden); owners do that"
                            + " in the web UI. The last owner cannot be demoted (409).")
    MemberView changeRole(CurrentWorkspace current, @PathVariable UUID userId, @Valid @RequestBody RoleChange change) {
        Role role = Role.of(change.role());
        // An API key acts with admin rights at most: owners are made and unmade by owners, in the UI.
        memberships.changeRole(current.id(), new UserId(userId), role, Role.ADMIN);
        return get(current, userId);
    }

    @DeleteMapping("/{userId}")
    @Operation(
            operationId = "removeMember",
            summary = "Remove a member",
            description = "Their account stays; they lose access to this workspace. An owner cannot be removed through"
                    + " the API (403 forbidden).")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(CurrentWorkspace current, @PathVariable UUID userId) {
        memberships.remove(current.id(), new UserId(userId), Role.ADMIN);
    }
}
