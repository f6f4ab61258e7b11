package herald.web.ui;

import herald.identity.SignedInUser;
import herald.identity.User;
import herald.identity.Users;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.tenancy.InvitationPreview;
import herald.tenancy.Invitations;
import herald.tenancy.SignUp;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import herald.web.security.AuditOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up: an account and, unless the person is on their way to accept an invitation, their own workspace on the free
 * plan. Every field is checked before anything is created; on success the person is signed in at once.
 */
@Controller
class SignUpController {

    static final String PLAN = "free";
    private static final Pattern INVITATION = Pattern.compile("^/invitations/([A-Za-z0-9_-]{1,100})$");

    private final SignUp signUp;
    private final Users users;
    private final Workspaces workspaces;
    private final Invitations invitations;
    // The same places Spring Security itself keeps a context: the request, and the session (in Postgres).
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    SignUpController(SignUp signUp, Users users, Workspaces workspaces, Invitations invitations) {
        this.signUp = signUp;
        this.users = users;
        this.workspaces = workspaces;
        this.invitations = invitations;
    }

    @GetMapping("/sign-up")
    String form(
            @RequestParam(name = SafeRedirect.PARAMETER, required = false) @Nullable String continueTo,
            @AuthenticationPrincipal @Nullable SignedInUser user,
            Model model) {
        if (user != null) {
            return "redirect:" + SafeRedirect.of(continueTo).orElse("/");
        }
        Optional<InvitationPreview> invitation = invitation(continueTo);
        String email = invitation.map(InvitationPreview::invitedEmail).orElse("");
        return page(model, SignUpForm.blank(email == null ? "" : email), continueTo, new FormErrors(), false);
    }

    @PostMapping("/sign-up")
    String signUp(
            @ModelAttribute SignUpForm form,
            @RequestParam(name = SafeRedirect.PARAMETER, required = false) @Nullable String continueTo,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        boolean withWorkspace = invitation(continueTo).isEmpty();
        FormErrors errors = check(form, withWorkspace);
        if (errors.any()) {
            response.setStatus(errors.status());
            return page(model, form.withoutPassword(), continueTo, errors, true);
        }
        SignUp.Result result;
        try {
            result = signUp.signUp(form.toSignUp(withWorkspace), PLAN);
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, form.withoutPassword(), continueTo, errors.add(field(e.field()), e.getMessage()), true);
        } catch (Conflict e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(
                    model, form.withoutPassword(), continueTo, errors.conflict(field(e.field()), e.getMessage()), true);
        }
        signIn(result.user(), request, response);
        Optional<String> next = SafeRedirect.of(continueTo);
        if (next.isPresent()) {
            return "redirect:" + next.get();
        }
        return result.workspace()
                .map(Workspace::slug)
                .map(slug -> "redirect:/w/" + slug)
                .orElse("redirect:/");
    }

    /** Collects what can be told at once: missing fields, then the account's and the workspace's own rules. */
    private FormErrors check(SignUpForm form, boolean withWorkspace) {
        var errors = new FormErrors()
                .requireText("email", form.email(), "Enter your email address.")
                .requireText("displayName", form.displayName(), "Enter your name, as your colleagues know you.")
                .requireText("password", form.password(), "Choose a password.");
        if (form.displayName().length() > 100) {
            errors.add("displayName", "Keep your name under 100 characters.");
        }
        if (withWorkspace) {
            errors.requireText(
                            "workspaceName", form.workspaceName(), "Name your workspace, e.g. your company or brand.")
                    .requireText("timezone", form.timezone(), "Choose your workspace's timezone.");
        }
        if (!form.email().isBlank() && !form.password().isEmpty()) {
            try {
                users.checkRegistration(form.email(), form.password());
            } catch (InvalidInput e) {
                errors.add(field(e.field()), e.getMessage());
            } catch (Conflict e) {
                errors.conflict(field(e.field()), e.getMessage());
            }
        }
        if (withWorkspace && !form.workspaceName().isBlank() && !form.timezone().isBlank()) {
            try {
                workspaces.check(new Workspaces.Details(form.workspaceName(), form.timezone(), ""), PLAN);
            } catch (InvalidInput e) {
                errors.add(field(e.field()), e.getMessage());
            }
        }
        return errors;
    }

    /** The domain names a workspace's name "name"; on this form it is "workspaceName". */
    private static String field(String domainField) {
        return switch (domainField) {
            case "name" -> "workspaceName";
            case "email", "password", "displayName", "timezone" -> domainField;
            default -> FormErrors.FORM;
        };
    }

    private void signIn(User user, HttpServletRequest request, HttpServletResponse response) {
        var principal = new SignedInUser(user.id(), user.email(), user.displayName());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
        authentication.setDetails(AuditOrigin.of(request));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        // A new session id at the moment of authentication, so a planted session cannot be taken over.
        request.getSession(true);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
    }

    private String page(
            Model model, SignUpForm form, @Nullable String continueTo, FormErrors errors, boolean submitted) {
        Optional<InvitationPreview> invitation = invitation(continueTo);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("submitted", submitted);
        model.addAttribute("continueTo", SafeRedirect.of(continueTo).orElse(null));
        model.addAttribute("invitation", invitation.orElse(null));
        model.addAttribute("timezones", Timezones.including(form.timezone()));
        return "account/sign-up";
    }

    /** The invitation a person is signing up to accept, if {@code continue} leads to one that can still be used. */
    private Optional<InvitationPreview> invitation(@Nullable String continueTo) {
        Optional<String> target = SafeRedirect.of(continueTo);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = INVITATION.matcher(target.get());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(invitations.preview(matcher.group(1)));
        } catch (Conflict e) {
            return Optional.empty();
        }
    }
}
