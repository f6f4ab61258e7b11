package herald.tenancy;

import herald.shared.Conflict;

/** An invitation link that is unknown, expired, already used, or revoked; the message says which. */
public class InvitationUnusable extends Conflict {

    private final Reason reason;

    public enum Reason {
        UNKNOWN("This invitation link is not valid. Ask for a new one."),
        EXPIRED("This invitation has expired. Ask the person who invited you for a new one."),
        USED("This invitation has already been used. Sign in to reach the workspace, or ask for a new one."),
        REVOKED("This invitation was withdrawn. Ask the workspace's admins for a new one."),
        OTHER_EMAIL("This invitation is for another email address. Sign in with that address to accept it.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    public InvitationUnusable(Reason reason) {
        super("token", reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
