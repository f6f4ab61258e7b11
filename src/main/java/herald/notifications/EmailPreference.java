package herald.notifications;

import herald.shared.InvalidInput;

/**
 * A member's choice of e-mail in one workspace.
 *
 * @param digestHour the hour of the daily digest in the workspace's time zone, 0 to 23; kept when the delivery is not
 *     the digest, so that switching back finds it
 */
public record EmailPreference(EmailDelivery delivery, int digestHour) {

    /** The hour of the digest unless a member chooses another: 08:00 in the workspace's time zone. */
    public static final int DEFAULT_DIGEST_HOUR = 8;

    /**
     * What a member has who never chose: e-mail at once. Everything that notifies needs someone soon (a failed post, a
     * post awaiting approval, an account to reconnect), is coalesced and can be muted per kind; a digest would hold it
     * back for up to a day. Members from before e-mail existed have "off" instead (V135).
     */
    public static final EmailPreference DEFAULT = new EmailPreference(EmailDelivery.IMMEDIATELY, DEFAULT_DIGEST_HOUR);

    public EmailPreference {
        if (digestHour < 0 || digestHour > 23) {
            throw new InvalidInput("digestHour", "Choose an hour from 00:00 to 23:00 for the digest.");
        }
    }
}
