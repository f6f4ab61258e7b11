package herald.web.ui;

import herald.agents.Approvals;
import herald.audit.AuditContext;
import herald.identity.SignedInUser;
import herald.publishing.Post;
import herald.publishing.PostChanges;
import herald.publishing.PostId;
import herald.publishing.PostRejected;
import herald.publishing.PostStatus;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotPermitted;
import herald.tenancy.ApprovalRule;
import herald.tenancy.Role;
import herald.tenancy.WorkspaceRules;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approval queue (editors and above): posts an agent wrote through a grant that needs approval, and with the
 * workspace's approval workflow on, what its editors scheduled, with the first comments they will write, so the member
 * sees everything that goes out. With the workflow on only owners and admins decide; editors read the queue. A member approves one as it is, edits its
 * text and approves, or rejects it with a note; a rejected post is its author's draft again, or cancelled when an agent
 * or a program wrote it. Refusals (the post
 * changed meanwhile, the edit breaks a platform's rule) come back as a notice.
 */
@Controller
class ApprovalsController {

    private final Approvals approvals;
    private final ApprovalRule rule;
    private final WorkspaceRules workspaceRules;

    ApprovalsController(Approvals approvals, ApprovalRule rule, WorkspaceRules workspaceRules) {
        this.approvals = approvals;
        this.rule = rule;
        this.workspaceRules = workspaceRules;
    }

    @GetMapping("/w/{slug}/approvals")
    String queue(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        model.addAttribute("section", "approvals");
        model.addAttribute("approvalRequired", workspaceRules.requiresApproval(current.id()));
        model.addAttribute("mayDecide", rule.mayDecide(current.id(), AuditContext.actor()));
        model.addAttribute("sentBack", approvals.sentBack(current.id(), 20));
        model.addAttribute(
                "pending",
                approvals.pending(current.id(), 100).stream()
                        .map(p -> new Item(p.post(), p.agent(), FirstCommentShown.of(p.post())))
                        .toList());
        return "agents/approvals";
    }

    /** A post waiting for a decision, with the first comments it will write under its posts. */
    record Item(Post post, @Nullable String agent, List<FirstCommentShown> firstComments) {}

    @PostMapping("/w/{slug}/approvals/{postId}/approve")
    String approve(
            @PathVariable UUID postId,
            @RequestParam(required = false) @Nullable String body,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        PostChanges changes = body == null ? null : new PostChanges(body, null, null, null, null, null, false);
        try {
            approvals.approve(current.id(), new PostId(postId), me.id(), changes);
            flash.addFlashAttribute(
                    "notice",
                    changes == null
                            ? "Approved: the post is scheduled."
                            : "Edited and approved: the post is scheduled.");
        } catch (PostRejected | Conflict | LimitReached e) {
            flash.addFlashAttribute("problem", "Not approved: " + e.getMessage());
        } catch (InvalidInput | NotPermitted e) {
            flash.addFlashAttribute("problem", "Not approved: " + e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/approvals";
    }

    @PostMapping("/w/{slug}/approvals/{postId}/reject")
    String reject(
            @PathVariable UUID postId,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            Post rejected = approvals.reject(current.id(), new PostId(postId), me.id(), note);
            flash.addFlashAttribute(
                    "notice",
                    rejected.status() == PostStatus.DRAFT
                            ? "Sent back: it is its author’s draft again, with your note, to change and submit again."
                            : "Rejected: the post will not be published.");
        } catch (InvalidInput | Conflict | NotPermitted e) {
            flash.addFlashAttribute("problem", "Not rejected: " + e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/approvals";
    }
}
