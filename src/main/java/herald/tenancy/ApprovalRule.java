package herald.tenancy;

import herald.audit.Actor;
import herald.identity.ApiKeyId;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.shared.NotPermitted;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * Who must have their posts approved, and who may approve, in a workspace. Without the workspace's approval workflow
 * (Settings) nobody waits, and editors and up decide about the posts an agent's grant holds for approval. With it, a
 * post an editor, or an API key without the {@code admin} scope, schedules or changes waits for an owner or admin (or a
 * client through a review link that allows approving), and only they decide. Agents are governed by their grants and
 * Herald's own posts (feeds, the demo) by whoever configured them: neither is asked here.
 */
@Component
public class ApprovalRule {

    private final WorkspaceRules workspaceRules;
    private final Memberships memberships;
    private final ApiKeys keys;

    ApprovalRule(WorkspaceRules workspaceRules, Memberships memberships, ApiKeys keys) {
        this.workspaceRules = workspaceRules;
        this.memberships = memberships;
        this.keys = keys;
    }

    /** Whether what {@code actor} schedules in the workspace waits for someone's approval. */
    public boolean needsApproval(WorkspaceId workspace, Actor actor) {
        return switch (actor.type()) {
            case USER, API_KEY ->
                actor.id() != null && workspaceRules.requiresApproval(workspace) && !approver(workspace, actor);
            case AGENT, SYSTEM, OPERATOR, REVIEWER -> false;
        };
    }

    /** Whether {@code actor} may approve or reject posts waiting for approval (beyond the rights their role needs). */
    public boolean mayDecide(WorkspaceId workspace, Actor actor) {
        return switch (actor.type()) {
            case USER, API_KEY -> !workspaceRules.requiresApproval(workspace) || approver(workspace, actor);
            case SYSTEM, OPERATOR, REVIEWER -> true;
            case AGENT -> false;
        };
    }

    /** @throws NotPermitted unless {@code actor} {@link #mayDecide may decide} */
    public void requireDecider(WorkspaceId workspace, Actor actor) {
        if (!mayDecide(workspace, actor)) {
            throw new NotPermitted(
                    actor.type() == Actor.Type.API_KEY
                            ? "This workspace has its posts approved by owners and admins: approving or rejecting takes"
                                    + " an API key with the admin scope."
                            : "This workspace has its posts approved by owners and admins: ask one of them to decide.");
        }
    }

    /** An owner or admin, or a key with the admin scope: whose posts never wait, and who decides. */
    private boolean approver(WorkspaceId workspace, Actor actor) {
        if (actor.id() == null) {
            return false;
        }
        return switch (actor.type()) {
            case USER ->
                memberships
                        .roleOf(workspace, UserId.of(actor.id()))
                        .map(role -> role.atLeast(Role.ADMIN))
                        .orElse(false);
            case API_KEY ->
                keys.find(workspace, ApiKeyId.of(actor.id()))
                        .map(key -> key.scopes().contains(ApiKeyScope.ADMIN))
                        .orElse(false);
            default -> false;
        };
    }
}
