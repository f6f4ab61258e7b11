package herald.web.ui;

import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.identity.SignedInUser;
import herald.reviews.IssuedReviewLink;
import herald.reviews.ReviewLinkDraft;
import herald.reviews.ReviewLinkId;
import herald.reviews.ReviewLinks;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import herald.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A workspace's review links (editors and above): make one for a client, see the full link once in the response that
 * made it (like an API key), list them with their state and last use, revoke.
 */
@Controller
class ReviewLinksController {

    private final ReviewLinks links;
    private final Connections connections;
    private final PublicUrl publicUrl;
    private final Clock clock;

    ReviewLinksController(ReviewLinks links, Connections connections, PublicUrl publicUrl, Clock clock) {
        this.links = links;
        this.connections = connections;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @GetMapping("/w/{slug}/review-links")
    String list(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        WorkspaceTime time = new WorkspaceTime(current.workspace().timezone());
        LocalDate today = time.today(clock.instant());
        var blank = ReviewLinkForm.blank(today.toString(), today.plusWeeks(4).toString());
        return page(current, model, blank, new FormErrors(), null);
    }

    @PostMapping("/w/{slug}/review-links")
    String create(
            @ModelAttribute ReviewLinkForm form,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        var errors = new FormErrors();
        try {
            IssuedReviewLink issued = links.create(current.id(), draft(current, form), me.id());
            UiErrors.noStore(response);
            WorkspaceTime time = new WorkspaceTime(current.workspace().timezone());
            LocalDate today = time.today(clock.instant());
            return page(
                    current,
                    model,
                    ReviewLinkForm.blank(today.toString(), today.plusWeeks(4).toString()),
                    errors,
                    issued);
        } catch (InvalidInput e) {
            errors.add(field(e.field()), e.getMessage());
        }
        response.setStatus(errors.status());
        return page(current, model, form, errors, null);
    }

    @PostMapping("/w/{slug}/review-links/{id}/revoke")
    String revoke(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        var link = links.revoke(current.id(), new ReviewLinkId(id));
        flash.addFlashAttribute("notice", "The review link \u201c" + link.label() + "\u201d no longer works.");
        return "redirect:/w/" + current.workspace().slug() + "/review-links";
    }

    /** The days are whole days in the workspace's zone: from the start of the first to the end of the last. */
    private static ReviewLinkDraft draft(CurrentWorkspace current, ReviewLinkForm form) {
        WorkspaceTime time = new WorkspaceTime(current.workspace().timezone());
        Instant from = day(form.from(), "from", "Choose the first day of the posts to show.", time, 0);
        Instant to = day(form.to(), "to", "Choose the last day of the posts to show.", time, 1);
        Integer days;
        try {
            days = Integer.valueOf(form.expiresInDays());
        } catch (NumberFormatException e) {
            throw new InvalidInput("expiresInDays", "Say for how many days the link works, from 1 to 90.");
        }
        List<ConnectionId> accounts;
        try {
            accounts = form.accounts().stream()
                    .map(a -> new ConnectionId(UUID.fromString(a)))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("accounts", "Choose accounts from the list.");
        }
        return new ReviewLinkDraft(form.label(), from, to, accounts, form.tag(), form.approving(), days);
    }

    private static Instant day(String value, String field, String message, WorkspaceTime time, int plus) {
        if (value.isEmpty()) {
            throw new InvalidInput(field, message);
        }
        try {
            return time.startOf(LocalDate.parse(value).plusDays(plus));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "Enter the day as a date, like 2027-01-31.");
        }
    }

    private static String field(String domainField) {
        return switch (domainField) {
            case "label", "from", "to", "accounts", "tag", "expiresInDays", "mayApprove" -> domainField;
            default -> FormErrors.FORM;
        };
    }

    private String page(
            CurrentWorkspace current,
            Model model,
            ReviewLinkForm form,
            FormErrors errors,
            @Nullable IssuedReviewLink issued) {
        model.addAttribute("section", "review-links");
        var shown = links.page(current.id(), null, 200);
        model.addAttribute("links", shown);
        model.addAttribute("now", clock.instant());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("issued", issued);
        model.addAttribute("issuedUrl", issued == null ? null : publicUrl.resolve("/review/" + issued.token()));
        List<AccountOption> accounts = AccountOption.of(connections, current.id());
        model.addAttribute("accounts", accounts);
        // Each link's accounts by name, as its row shows them ("" for all accounts).
        var names = new java.util.HashMap<ReviewLinkId, String>();
        for (var link : shown) {
            names.put(
                    link.id(),
                    String.join(
                            ", ",
                            link.accounts().stream()
                                    .map(a -> accounts.stream()
                                            .filter(o -> o.connection().id().equals(a))
                                            .map(AccountOption::name)
                                            .findFirst()
                                            .orElse("a removed account"))
                                    .toList()));
        }
        model.addAttribute("accountsOf", names);
        return "workspace/review-links";
    }
}
