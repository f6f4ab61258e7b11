package herald.web.api.workspaces;

import herald.identity.ApiKeyScope;
import herald.publishing.BioPage;
import herald.publishing.Evergreen;
import herald.publishing.LinkTaggingSetting;
import herald.publishing.WorkspaceLinkTagging;
import herald.shared.InvalidInput;
import herald.tenancy.Memberships;
import herald.tenancy.Plans;
import herald.tenancy.Workspace;
import herald.tenancy.WorkspaceRules;
import herald.tenancy.Workspaces;
import herald.web.CurrentWorkspace;
import herald.web.PublicUrl;
import herald.web.api.ApiPaths;
import herald.web.api.scopes.RequiredScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Workspace", description = "The workspace of the calling API key.")
class WorkspaceController {

    private final Workspaces workspaces;
    private final WorkspaceRules workspaceRules;
    private final Plans plans;
    private final Memberships memberships;
    private final WorkspaceLinkTagging linkTagging;
    private final PublicUrl publicUrl;
    private final Evergreen evergreen;

    WorkspaceController(
            Workspaces workspaces,
            WorkspaceRules workspaceRules,
            Plans plans,
            Memberships memberships,
            WorkspaceLinkTagging linkTagging,
            PublicUrl publicUrl,
            Evergreen evergreen) {
        this.publicUrl = publicUrl;
        this.evergreen = evergreen;
        this.workspaces = workspaces;
        this.workspaceRules = workspaceRules;
        this.plans = plans;
        this.memberships = memberships;
        this.linkTagging = linkTagging;
    }

    @GetMapping(ApiPaths.WORKSPACES)
    @Operation(
            operationId = "listWorkspaces",
            summary = "List the key's workspace",
            description = "The workspace of the calling API key, as a list of one: how a program that holds only a"
                    + " key finds the id every other path names. Agent keys use /api/v1/agent instead, and the"
                    + " operator token lists nothing here (404).")
    List<WorkspaceView> list(CurrentWorkspace current) {
        return List.of(view(current.workspace()));
    }

    @GetMapping(ApiPaths.WORKSPACE)
    @Operation(
            operationId = "getWorkspace",
            summary = "Get the workspace",
            description = "Its settings, its plan's limits and its member count.")
    WorkspaceView get(CurrentWorkspace current) {
        return view(current.workspace());
    }

    @PatchMapping(ApiPaths.WORKSPACE)
    @RequiredScope(ApiKeyScope.ADMIN)
    @Operation(
            operationId = "updateWorkspace",
            summary = "Change the workspace's settings",
            description =
                    "Changes any of name, timezone, description, linkTagging (the UTM parameters of its"
                            + " posts' links, see docs/link-tagging.md), approvalRequired (editors' posts wait for an owner's"
                            + " or admin's approval, see docs/approvals.md) shortenLinks (new posts' links are"
                            + " published short and count clicks, see docs/short-links.md) bioPage and bioPageText (the"
                            + " public link-in-bio page and its words, see docs/bio-page.md) and evergreenEveryDays (refilling the queue from"
                            + " the evergreen library, 0 to stop, see docs/evergreen.md) and postLanguage (the language"
                            + " told to Bluesky and Mastodon); fields left out keep their value, inside"
                            + " linkTagging too. A refused value changes nothing. The plan is changed by the operator, not here.")
    WorkspaceView change(CurrentWorkspace current, @RequestBody WorkspaceChanges changes) {
        if (changes.isEmpty()) {
            throw new InvalidInput(
                    "",
                    "Send at least one of name, timezone, description, linkTagging, approvalRequired, shortenLinks, bioPage,"
                            + " bioPageText, evergreenEveryDays and postLanguage.");
        }
        @Nullable LinkTaggingSetting tagging = null;
        if (changes.linkTagging() != null) {
            tagging = changes.linkTagging().applyTo(linkTagging.get(current.id()));
            try {
                tagging.values().checked(); // before anything changes
            } catch (InvalidInput e) {
                throw new InvalidInput("linkTagging." + e.field(), e.getMessage());
            }
        }
        String bioText = changes.bioPageText() == null ? null : WorkspaceRules.bioText(changes.bioPageText());
        Integer days = changes.evergreenEveryDays();
        if (days != null && (days < 0 || days > 365)) {
            // Checked before anything changes, as every refused value is.
            throw new InvalidInput(
                    "evergreenEveryDays", "Share an evergreen post at most every 1 to 365 days, or send 0 to stop.");
        }
        String language = changes.postLanguage() == null ? null : WorkspaceRules.language(changes.postLanguage());
        Workspace before = workspaces.require(current.id());
        Workspace after = before;
        if (changes.changesDetails()) {
            var details = new Workspaces.Details(
                    changes.name() == null ? before.name() : changes.name(),
                    changes.timezone() == null ? before.timezone().getId() : changes.timezone(),
                    changes.description() == null ? before.description() : changes.description());
            after = workspaces.update(current.id(), details);
        }
        if (tagging != null) {
            linkTagging.change(current.id(), tagging);
        }
        if (changes.approvalRequired() != null) {
            workspaceRules.requireApproval(current.id(), changes.approvalRequired());
        }
        if (changes.shortenLinks() != null) {
            workspaceRules.shortenLinks(current.id(), changes.shortenLinks());
        }
        if (changes.bioPage() != null) {
            workspaceRules.showBioPage(current.id(), changes.bioPage());
        }
        if (changes.bioPageText() != null) {
            workspaceRules.bioPageText(current.id(), bioText);
        }
        if (days != null) {
            evergreen.every(current.id(), days == 0 ? null : days);
        }
        if (changes.postLanguage() != null) {
            workspaceRules.postLanguage(current.id(), language);
        }
        return view(after);
    }

    private WorkspaceView view(Workspace workspace) {
        return WorkspaceView.of(
                workspace,
                plans.get(workspace.plan()).limits(),
                memberships.count(workspace.id()),
                linkTagging.get(workspace.id()),
                workspaceRules.requiresApproval(workspace.id()),
                workspaceRules.shortensLinks(workspace.id()),
                workspaceRules.hasBioPage(workspace.id()),
                publicUrl.resolve(BioPage.PATH + workspace.slug()),
                workspaceRules.bioPageText(workspace.id()).orElse(null),
                evergreen.every(workspace.id()),
                workspaceRules.postLanguage(workspace.id()).orElse(null));
    }
}
