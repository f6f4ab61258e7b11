package herald.web.ui;

import herald.identity.SignedInUser;
import herald.web.security.SecondStep;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form. Spring Security processes {@code POST /sign-in}; a failure is forwarded here to be shown. */
@Controller
class SignInController {

    static final String GENERIC_FAILURE = "Signing in did not work. Please try again.";

    /** Why a sign-in that reached the code page has to start again (see {@code SecondStepFilter}). */
    static final Map<String, String> SECOND_STEP_DROPPED = Map.of(
            "expired", "The code was not typed within 5 minutes. Please sign in again.",
            "too-many", "Too many wrong codes. Please sign in again.",
            "locked", "Too many wrong codes for this account. Wait 15 minutes, then sign in again.");

    @GetMapping("/sign-in")
    String form(
            @RequestParam(name = SafeRedirect.PARAMETER, required = false) @Nullable String continueTo,
            @RequestParam(name = "signed-out", required = false) @Nullable String signedOut,
            @RequestParam(name = SecondStep.PARAMETER, required = false) @Nullable String secondStep,
            @AuthenticationPrincipal @Nullable SignedInUser user,
            Model model) {
        if (user != null) {
            return "redirect:" + SafeRedirect.of(continueTo).orElse("/");
        }
        model.addAttribute("signedOut", signedOut != null);
        return page(model, "", continueTo, secondStep == null ? null : SECOND_STEP_DROPPED.get(secondStep));
    }

    /** Reached only by the forward from the failure handler (see {@code UiSecurity.FAILED_SIGN_IN}). */
    @PostMapping("/sign-in/failed")
    String failed(
            HttpServletRequest request,
            @RequestParam(name = "email", required = false) @Nullable String email,
            @RequestParam(name = SafeRedirect.PARAMETER, required = false) @Nullable String continueTo,
            Model model) {
        Object failure = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return page(model, email == null ? "" : email, continueTo, message(failure));
    }

    private static String page(Model model, String email, @Nullable String continueTo, @Nullable String error) {
        model.addAttribute("email", email);
        model.addAttribute("continueTo", SafeRedirect.of(continueTo).orElse(null));
        model.addAttribute("error", error);
        return "account/sign-in";
    }

    /** The identity module words its refusals for people (wrong password, throttled, locked); anything else is not. */
    private static String message(@Nullable Object failure) {
        if (failure instanceof BadCredentialsException
                || failure instanceof LockedException
                || failure instanceof DisabledException) {
            return ((AuthenticationException) failure).getMessage();
        }
        return GENERIC_FAILURE;
    }
}
