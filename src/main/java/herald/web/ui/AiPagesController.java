package herald.web.ui;

import herald.content.AiEndpointCheck;
import herald.content.AiEndpointChecks;
import herald.content.AiGeneration;
import herald.content.AiGenerations;
import herald.content.AiMonthUsage;
import herald.content.AiUsageMeter;
import herald.content.AiWriter;
import herald.content.WorkspaceAiEndpoints;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The AI pages: the month's usage against the plan with a chart of the last twelve months, the generation log with
 * each call's prompts and answer, and (for owners and admins) the workspace's own endpoint with its key masked.
 */
@Controller
class AiPagesController {

    static final int PAGE = 50;

    private final WorkspaceAiEndpoints endpoints;
    private final AiEndpointChecks checks;
    private final AiWriter ai;
    private final AiGenerations generations;
    private final AiUsageMeter usage;

    AiPagesController(
            WorkspaceAiEndpoints endpoints,
            AiEndpointChecks checks,
            AiWriter ai,
            AiGenerations generations,
            AiUsageMeter usage) {
        this.endpoints = endpoints;
        this.checks = checks;
        this.ai = ai;
        this.generations = generations;
        this.usage = usage;
    }

    @GetMapping("/w/{slug}/ai")
    String usage(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.member(request);
        List<AiMonthUsage> months = usage.months(current.id(), 12);
        model.addAttribute("section", "ai");
        model.addAttribute("months", months);
        model.addAttribute("current", months.getLast());
        model.addAttribute("chart", AiUsageChart.of(months));
        model.addAttribute("availability", ai.availability(current.id()));
        return "ai/usage";
    }

    @GetMapping("/w/{slug}/ai/generations")
    String generations(
            @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String before,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.member(request);
        String filter = purpose == null || purpose.isBlank() || !purpose.matches("[a-z_]{1,40}") ? null : purpose;
        AiGenerations.After after = after(before);
        ListingPage<AiGeneration> page = ListingPage.of(
                generations.page(current.id(), filter, null, after, PAGE + 1),
                PAGE,
                AiGeneration::createdAt,
                AiGeneration::id);
        model.addAttribute("section", "ai");
        model.addAttribute("generations", page.items());
        model.addAttribute("purpose", filter);
        model.addAttribute("next", page.next());
        return "ai/generations";
    }

    @GetMapping("/w/{slug}/ai/generations/{id}")
    String generation(@PathVariable UUID id, HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.member(request);
        model.addAttribute("section", "ai");
        model.addAttribute(
                "generation",
                generations.find(current.id(), id).orElseThrow(() -> new NotFound("No such generation.")));
        return "ai/generation";
    }

    @GetMapping("/w/{slug}/ai/settings")
    String settings(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        return settingsPage(current, model, null, new FormErrors(), null);
    }

    @PostMapping("/w/{slug}/ai/settings")
    String save(
            @ModelAttribute AiSettingsForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        var errors = new FormErrors();
        try {
            endpoints.save(current.id(), form.change());
            flash.addFlashAttribute("notice", "AI settings saved. Test the endpoint to be sure it answers.");
            return "redirect:/w/" + current.workspace().slug() + "/ai/settings";
        } catch (InvalidInput e) {
            errors.add(field(e.field()), e.getMessage());
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return settingsPage(current, model, form.withoutKey(), errors, null);
    }

    @PostMapping("/w/{slug}/ai/settings/delete")
    String delete(HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        if (endpoints.find(current.id()).isPresent()) {
            endpoints.delete(current.id());
            flash.addFlashAttribute("notice", "The workspace's own AI endpoint and its key were deleted.");
        }
        return "redirect:/w/" + current.workspace().slug() + "/ai/settings";
    }

    @PostMapping("/w/{slug}/ai/settings/test")
    String test(
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        AiEndpointCheck check = checks.check(current.id());
        if (htmx != null) {
            model.addAttribute("check", check);
            return "ai/settings :: test-result";
        }
        return settingsPage(current, model, null, new FormErrors(), check);
    }

    private String settingsPage(
            CurrentWorkspace current,
            Model model,
            @Nullable AiSettingsForm form,
            FormErrors errors,
            @Nullable AiEndpointCheck check) {
        var own = endpoints.find(current.id());
        model.addAttribute("section", "ai");
        model.addAttribute("own", own.orElse(null));
        model.addAttribute("form", form != null ? form : AiSettingsForm.of(own.orElse(null)));
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("availability", ai.availability(current.id()));
        model.addAttribute("check", check);
        return "ai/settings";
    }

    private static AiGenerations.@Nullable After after(@Nullable String before) {
        PageCursor cursor = PageCursor.read(before);
        return cursor == null ? null : new AiGenerations.After(cursor.time(), cursor.id());
    }

    private static String field(String domainField) {
        return switch (domainField) {
            case "baseUrl", "model", "apiKey", "promptPricePer1k", "completionPricePer1k" -> domainField;
            default -> FormErrors.FORM;
        };
    }
}
