package herald.web.ui;

import herald.identity.SignedInUser;
import herald.web.security.SecondStep;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The code page of a sign-in whose password was right, for someone with two-factor on. Spring Security takes the
 * {@code POST} (see {@code SecondStepFilter}); a wrong code is forwarded here to be shown. Anyone else is sent on: home
 * when fully signed in, back to the password when the half sign-in is missing or expired.
 */
@Controller
class TwoFactorSignInController {

    private final Clock clock;

    TwoFactorSignInController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping(SecondStep.PAGE)
    String form(
            @RequestParam(name = SafeRedirect.PARAMETER, required = false) @Nullable String continueTo,
            HttpServletRequest request,
            Model model) {
        return elsewhere(request).orElseGet(() -> page(model, continueTo, null));
    }

    /** Reached only by the forward from the second step's failure handler. */
    @PostMapping(SecondStep.PAGE + "/failed")
    String failed(
            @RequestParam(name = SafeRedirect.PARAMETER, required = false) @Nullable String continueTo,
            HttpServletRequest request,
            Model model) {
        return elsewhere(request).orElseGet(() -> {
            Object failure = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            String message = failure instanceof AuthenticationException e
                    ? e.getMessage()
                    : "That code is not right. Please try again.";
            return page(model, continueTo, message);
        });
    }

    private Optional<String> elsewhere(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Optional<SignedInUser> pending = SecondStep.pending(authentication);
        if (pending.isEmpty()) {
            return Optional.of(
                    authentication != null && authentication.getPrincipal() instanceof SignedInUser
                            ? "redirect:/"
                            : "redirect:/sign-in");
        }
        if (SecondStep.expired(authentication, clock.instant())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return Optional.of("redirect:/sign-in?" + SecondStep.PARAMETER + "=expired");
        }
        return Optional.empty();
    }

    private static String page(Model model, @Nullable String continueTo, @Nullable String error) {
        model.addAttribute("continueTo", SafeRedirect.of(continueTo).orElse(null));
        model.addAttribute("error", error);
        return "account/two-factor";
    }
}
