package herald.web.ui;

import herald.identity.SignedInUser;
import herald.identity.TwoFactor;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.publishing.BioPage;
import herald.publishing.LinkTagging;
import herald.publishing.ShortLinks;
import herald.publishing.WorkspaceLinkTagging;
import herald.shared.InvalidInput;
import herald.tenancy.Memberships;
import herald.tenancy.Plans;
import herald.tenancy.Role;
import herald.tenancy.WorkspaceRules;
import herald.tenancy.Workspaces;
import herald.web.CurrentWorkspace;
import herald.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A workspace's settings (admins and owners): name, timezone and description, the plan with its usage, link tagging
 * (the UTM parameters of its posts' links, docs/link-tagging.md), and for owners
 * whether two-factor sign-in is required to open it, and the deletion of the whole workspace, confirmed by typing its
 * name.
 */
@Controller
class SettingsController {

    private final Workspaces workspaces;
    private final WorkspaceRules workspaceRules;
    private final Memberships memberships;
    private final Plans plans;
    private final TwoFactor twoFactor;
    private final WorkspaceLinkTagging linkTagging;
    private final PublicUrl publicUrl;

    /** The platforms told a post's language, for people ({@code Bluesky and Mastodon}). */
    private final String languagePlatforms;

    SettingsController(
            Workspaces workspaces,
            WorkspaceRules workspaceRules,
            Memberships memberships,
            Plans plans,
            TwoFactor twoFactor,
            WorkspaceLinkTagging linkTagging,
            PublicUrl publicUrl,
            Providers providers) {
        this.languagePlatforms = UiModel.platformsThat(providers, SocialProvider::takesLanguage);
        this.workspaces = workspaces;
        this.workspaceRules = workspaceRules;
        this.publicUrl = publicUrl;
        this.linkTagging = linkTagging;
        this.memberships = memberships;
        this.plans = plans;
        this.twoFactor = twoFactor;
    }

    @GetMapping("/w/{slug}/settings")
    String settings(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        return page(current, model, WorkspaceForm.of(current.workspace()), new FormErrors(), new FormErrors());
    }

    @PostMapping("/w/{slug}/settings/link-tagging")
    String saveLinkTagging(
            @ModelAttribute LinkTaggingForm tagging,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        try {
            linkTagging.change(current.id(), tagging.setting());
            flash.addFlashAttribute(
                    "notice",
                    Boolean.TRUE.equals(tagging.enabled())
                            ? "Link tagging saved: new posts tag their links unless their author unticks it."
                            : "Link tagging saved: new posts leave their links as written unless their author ticks it.");
            return "redirect:/w/" + current.workspace().slug() + "/settings#link-tagging";
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("tagging", tagging);
            model.addAttribute(
                    "taggingErrors",
                    new FormErrors().add(e.field(), e.getMessage()).asMap());
            return page(current, model, WorkspaceForm.of(current.workspace()), new FormErrors(), new FormErrors());
        }
    }

    @PostMapping("/w/{slug}/settings")
    String save(
            @ModelAttribute WorkspaceForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        var errors = new FormErrors().requireText("name", form.name(), "The workspace needs a name.");
        if (!errors.any()) {
            try {
                workspaces.update(current.id(), form.details());
                flash.addFlashAttribute("notice", "Settings saved.");
                return "redirect:/w/" + current.workspace().slug() + "/settings";
            } catch (InvalidInput e) {
                errors.add(WorkspaceForm.field(e.field()), e.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(current, model, form, errors, new FormErrors());
    }

    /** Owners and admins: whether editors' posts wait for an owner's or admin's approval. */
    @PostMapping("/w/{slug}/settings/approvals")
    String requireApproval(@RequestParam boolean required, HttpServletRequest request, RedirectAttributes flash) {
        return switched(request, flash, "approvals", current -> {
            workspaceRules.requireApproval(current.id(), required);
            return required
                    ? "Approval required: what editors publish or schedule now waits for an owner or admin."
                    : "Approval no longer required: editors publish and schedule on their own. Posts already"
                            + " waiting still wait for a decision.";
        });
    }

    /** Owners and admins: whether new posts publish their links as short links that count clicks. */
    @PostMapping("/w/{slug}/settings/short-links")
    String shortenLinks(@RequestParam boolean shorten, HttpServletRequest request, RedirectAttributes flash) {
        return switched(request, flash, "short-links", current -> {
            workspaceRules.shortenLinks(current.id(), shorten);
            return shorten
                    ? "Short links on: the links of posts created from now on are published short, and their"
                            + " clicks counted."
                    : "Short links off: posts created from now on publish their links as written. Posts already"
                            + " created keep their short links, and published short links keep working.";
        });
    }

    /** Owners and admins: the language the workspace's posts are written in (empty: not told to platforms). */
    @PostMapping("/w/{slug}/settings/post-language")
    String postLanguage(
            @RequestParam(defaultValue = "") String language, HttpServletRequest request, RedirectAttributes flash) {
        return switched(request, flash, "post-language", current -> {
            workspaceRules.postLanguage(current.id(), language);
            return language.isBlank()
                    ? "Posts no longer tell platforms their language."
                    : "Posts now tell " + languagePlatforms + " they are in "
                            + PostLanguages.name(WorkspaceRules.language(language)) + ".";
        });
    }

    /** Owners and admins: whether the workspace's link-in-bio page is up. */
    @PostMapping("/w/{slug}/settings/bio-page")
    String showBioPage(@RequestParam boolean shown, HttpServletRequest request, RedirectAttributes flash) {
        return switched(request, flash, "bio-page", current -> {
            workspaceRules.showBioPage(current.id(), shown);
            return shown
                    ? "Link-in-bio page up at " + bioAddress(current) + "."
                    : "Link-in-bio page taken down: its address now answers “not found”.";
        });
    }

    /** Owners and admins: the few words at the top of the link-in-bio page (blank removes them). */
    @PostMapping("/w/{slug}/settings/bio-page-text")
    String bioPageText(
            @RequestParam(defaultValue = "") String text, HttpServletRequest request, RedirectAttributes flash) {
        return switched(request, flash, "bio-page", current -> {
            workspaceRules.bioPageText(current.id(), text);
            return text.isBlank()
                    ? "The link-in-bio page shows no text of its own."
                    : "The link-in-bio page's text is saved.";
        });
    }

    /**
     * An owner's or admin's change of a workspace-wide setting: {@code change} makes it and says what it means now, or
     * refuses a value (nothing changed), shown back on the setting's {@code card} of the page.
     */
    private String switched(
            HttpServletRequest request,
            RedirectAttributes flash,
            String card,
            java.util.function.Function<CurrentWorkspace, String> change) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        try {
            flash.addFlashAttribute("notice", change.apply(current));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/settings#" + card;
    }

    private String bioAddress(CurrentWorkspace current) {
        return publicUrl.resolve(BioPage.PATH + current.workspace().slug());
    }

    /** Owners only; an owner must have it on themselves first, so the rule never shuts out the one who set it. */
    @PostMapping("/w/{slug}/settings/two-factor")
    String requireTwoFactor(
            @RequestParam boolean required,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.OWNER);
        if (required && !twoFactor.isOn(me.id())) {
            flash.addFlashAttribute("problem", "Turn on two-factor sign-in for yourself first (Sign-in security).");
        } else {
            workspaceRules.requireTwoFactor(current.id(), required);
            flash.addFlashAttribute(
                    "notice",
                    required
                            ? "Two-factor sign-in is now required to open this workspace."
                            : "Two-factor sign-in is no longer required.");
        }
        return "redirect:/w/" + current.workspace().slug() + "/settings";
    }

    @PostMapping("/w/{slug}/settings/delete")
    String delete(
            @RequestParam(required = false) @Nullable String confirmation,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.OWNER);
        try {
            workspaces.delete(current.id(), confirmation == null ? "" : confirmation, me.id());
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            var errors = new FormErrors().add("confirmation", e.getMessage());
            return page(current, model, WorkspaceForm.of(current.workspace()), new FormErrors(), errors);
        }
        flash.addFlashAttribute(
                "notice", "The workspace \u201c" + current.workspace().name() + "\u201d was deleted.");
        return "redirect:/";
    }

    private String page(
            CurrentWorkspace current, Model model, WorkspaceForm form, FormErrors errors, FormErrors deleteErrors) {
        model.addAttribute("section", "settings");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("deleteErrors", deleteErrors.asMap());
        model.addAttribute("timezones", Timezones.including(form.timezone()));
        model.addAttribute("usage", Usage.of(plans.get(current.workspace().plan()), memberships.count(current.id())));
        model.addAttribute("twoFactorRequired", workspaceRules.requiresTwoFactor(current.id()));
        model.addAttribute("approvalRequired", workspaceRules.requiresApproval(current.id()));
        model.addAttribute("shortLinks", workspaceRules.shortensLinks(current.id()));
        model.addAttribute("bioPage", workspaceRules.hasBioPage(current.id()));
        model.addAttribute("bioAddress", bioAddress(current));
        model.addAttribute("bioText", workspaceRules.bioPageText(current.id()).orElse(""));
        model.addAttribute("bioTextMax", WorkspaceRules.MAX_BIO_TEXT);
        String language = workspaceRules.postLanguage(current.id()).orElse("");
        model.addAttribute("postLanguage", language);
        model.addAttribute("postLanguages", PostLanguages.including(language));
        model.addAttribute("shortLinkExample", publicUrl.resolve(ShortLinks.PATH + "x7Kq2mP9aB"));
        if (!model.containsAttribute("tagging")) {
            model.addAttribute("tagging", LinkTaggingForm.of(linkTagging.get(current.id())));
            model.addAttribute("taggingErrors", new FormErrors().asMap());
        }
        model.addAttribute("placeholders", String.join(" ", LinkTagging.PLACEHOLDERS));
        return "workspace/settings";
    }
}
