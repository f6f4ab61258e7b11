package herald.web.ui;

import herald.identity.CodeRefused;
import herald.identity.SignedInUser;
import herald.identity.TwoFactor;
import herald.web.security.AuditOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own sign-in security: turning two-factor sign-in on (key shown as a QR code and as text, on only after a
 * right code, recovery codes shown once), off, and replacing the recovery codes. Recovery codes are rendered straight
 * into the response, never put in the session or a flash attribute.
 */
@Controller
class AccountSecurityController {

    static final String PATH = "/account/security";

    private final TwoFactor twoFactor;
    private final OtherSessions otherSessions;

    AccountSecurityController(TwoFactor twoFactor, OtherSessions otherSessions) {
        this.twoFactor = twoFactor;
        this.otherSessions = otherSessions;
    }

    @GetMapping(PATH)
    String page(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "required", required = false) @Nullable String requiredBy,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("status", twoFactor.status(user.id()));
        model.addAttribute(
                "otherSessions", otherSessions.count(user, request.getSession().getId()));
        model.addAttribute("requiredBy", requiredBy);
        return "account/security";
    }

    @GetMapping(PATH + "/two-factor")
    String setup(@AuthenticationPrincipal SignedInUser user, Model model) {
        return enrolment(user, model, null).orElse("redirect:" + PATH);
    }

    @PostMapping(PATH + "/two-factor")
    String enable(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            List<String> codes = twoFactor.enable(user, code, AuditOrigin.of(request));
            return recoveryCodes(model, codes, "Two-factor sign-in is on");
        } catch (CodeRefused e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return enrolment(user, model, e.getMessage()).orElse("redirect:" + PATH);
        }
    }

    @PostMapping(PATH + "/two-factor/disable")
    String disable(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String confirmation,
            HttpServletRequest request,
            RedirectAttributes flash) {
        try {
            twoFactor.disable(user, confirmation, AuditOrigin.of(request));
            flash.addFlashAttribute("notice", "Two-factor sign-in is off. Your password alone signs you in now.");
        } catch (CodeRefused e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + PATH;
    }

    /** Signs the person out of every other browser; this one stays signed in. */
    @PostMapping(PATH + "/sessions/end")
    String endOtherSessions(
            @AuthenticationPrincipal SignedInUser user, HttpServletRequest request, RedirectAttributes flash) {
        int ended = otherSessions.end(user, request.getSession().getId(), AuditOrigin.of(request));
        flash.addFlashAttribute(
                "notice",
                ended == 0
                        ? "You were signed in nowhere else."
                        : "Signed out of " + ended + (ended == 1 ? " other browser." : " other browsers."));
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/recovery-codes")
    String regenerate(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String confirmation,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        try {
            List<String> codes = twoFactor.regenerateRecoveryCodes(user, confirmation, AuditOrigin.of(request));
            return recoveryCodes(model, codes, "New recovery codes");
        } catch (CodeRefused e) {
            flash.addFlashAttribute("problem", e.getMessage());
            return "redirect:" + PATH;
        }
    }

    private Optional<String> enrolment(SignedInUser user, Model model, @Nullable String error) {
        return twoFactor.enrolment(user).map(enrolment -> {
            model.addAttribute("key", enrolment.key());
            model.addAttribute("qrCode", QrCode.svgDataUri(enrolment.uri()));
            model.addAttribute("error", error);
            return "account/two-factor-setup";
        });
    }

    private static String recoveryCodes(Model model, List<String> codes, String heading) {
        model.addAttribute("codes", codes);
        model.addAttribute("heading", heading);
        return "account/recovery-codes";
    }
}
