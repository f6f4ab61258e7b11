package herald.tenancy;

import herald.audit.Actor;
import herald.audit.AuditContext;
import herald.audit.AuditLog;
import herald.identity.OtherSessionsEnded;
import herald.identity.RecoveryCodeUsed;
import herald.identity.RecoveryCodesRegenerated;
import herald.identity.RequestOrigin;
import herald.identity.SecondStepFailed;
import herald.identity.SignInFailed;
import herald.identity.TwoFactorDisabled;
import herald.identity.TwoFactorEnabled;
import herald.identity.UserSignedIn;
import herald.identity.UserSignedOut;
import herald.shared.UserId;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records sign-ins, failed sign-ins and sign-outs, and the changes and failures of two-factor sign-in, in the audit log
 * of every workspace the person belongs to, so each workspace's admins see who came and went. No code is ever part of
 * an entry.
 */
@Component
class SignInAuditor {

    private final Workspaces workspaces;
    private final AuditLog audit;

    SignInAuditor(Workspaces workspaces, AuditLog audit) {
        this.workspaces = workspaces;
        this.audit = audit;
    }

    @EventListener
    void on(UserSignedIn event) {
        record(event.user(), event.email(), event.origin(), "user.signed_in", Map.of());
    }

    @EventListener
    void on(SignInFailed event) {
        record(event.user(), event.email(), event.origin(), "user.sign_in_failed", Map.of("reason", event.reason()));
    }

    @EventListener
    void on(SecondStepFailed event) {
        record(
                event.user(),
                event.email(),
                event.origin(),
                "user.second_step_failed",
                Map.of("reason", event.reason()));
    }

    @EventListener
    void on(RecoveryCodeUsed event) {
        record(event.user(), event.email(), event.origin(), "user.recovery_code_used", Map.of());
    }

    @EventListener
    void on(TwoFactorEnabled event) {
        record(event.user(), event.email(), event.origin(), "user.two_factor_enabled", Map.of());
    }

    @EventListener
    void on(TwoFactorDisabled event) {
        record(event.user(), event.email(), event.origin(), "user.two_factor_disabled", Map.of());
    }

    @EventListener
    void on(RecoveryCodesRegenerated event) {
        record(event.user(), event.email(), event.origin(), "user.recovery_codes_regenerated", Map.of());
    }

    @EventListener
    void on(OtherSessionsEnded event) {
        record(
                event.user(),
                event.email(),
                event.origin(),
                "user.other_sessions_ended",
                Map.of("sessions", String.valueOf(event.sessions())));
    }

    @EventListener
    void on(UserSignedOut event) {
        record(event.user(), event.email(), event.origin(), "user.signed_out", Map.of());
    }

    private void record(UserId user, String email, RequestOrigin from, String action, Map<String, String> details) {
        var origin = new AuditContext.Origin(
                new Actor(Actor.Type.USER, user.toString(), email), from.ip(), from.userAgent());
        for (var membership : workspaces.of(user)) {
            audit.record(membership.id(), origin, action, "user", user.toString(), details);
        }
    }
}
