package herald.web.ui;

import herald.identity.SignedInUser;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspace;
import herald.tenancy.WorkspaceMembership;
import herald.tenancy.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Home is where a person lands after signing in (unless they came from a link) and when they open {@code /}: someone
 * with one workspace goes straight into it, someone with several (an agency's people, with many clients) to all
 * workspaces, where they see which need them; someone with none creates one.
 */
@Controller
class HomeController {

    private final Workspaces workspaces;

    HomeController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, RedirectAttributes flash) {
        // A notice meant for home ("You left ...") must survive the redirect onwards.
        Map<String, ?> notices = RequestContextUtils.getInputFlashMap(request);
        if (notices != null) {
            notices.forEach(flash::addFlashAttribute);
        }
        List<WorkspaceMembership> mine = workspaces.of(user.id());
        return switch (mine.size()) {
            case 0 -> "redirect:/workspaces/new";
            case 1 -> "redirect:/w/" + mine.getFirst().slug();
            default -> "redirect:/workspaces";
        };
    }

    @GetMapping("/workspaces/new")
    String form(Model model) {
        return page(model, new WorkspaceForm("", "UTC", ""), new FormErrors(), false);
    }

    @PostMapping("/workspaces")
    String create(
            @ModelAttribute WorkspaceForm form,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        var errors = new FormErrors().requireText("name", form.name(), "Name the workspace, e.g. a client or brand.");
        if (errors.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, form, errors, true);
        }
        try {
            Workspace created =
                    workspaces.create(WorkspaceId.random(), form.details(), SignUpController.PLAN, user.id());
            return "redirect:/w/" + created.slug();
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, form, errors.add(WorkspaceForm.field(e.field()), e.getMessage()), true);
        }
    }

    private static String page(Model model, WorkspaceForm form, FormErrors errors, boolean submitted) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("submitted", submitted);
        model.addAttribute("timezones", Timezones.including(form.timezone()));
        return "workspace/new";
    }
}
