package herald.notifications;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How a member's notifications reach them by e-mail in one workspace: at once, in a daily digest at their hour of the
 * workspace's time zone, or not at all ({@link EmailPreference}). A muted kind is never e-mailed, as it is never
 * stored. E-mail is only on when Herald has an SMTP server ({@code spring.mail.host}); without one nothing is queued.
 * A change of choice is audited and applies to what is still waiting to be sent.
 */
@Component
public class NotificationEmails {

    private final EmailOutbox outbox;
    private final MailServer mail;
    private final TenantScope tenants;
    private final Workspaces workspaces;
    private final AuditLog audit;
    private final Clock clock;

    NotificationEmails(
            EmailOutbox outbox,
            MailServer mail,
            TenantScope tenants,
            Workspaces workspaces,
            AuditLog audit,
            Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether this Herald server sends e-mail at all ({@code spring.mail.host} is set). */
    public boolean enabled() {
        return mail.enabled();
    }

    /** The member's choice in the workspace, {@link EmailPreference#DEFAULT} when they never made one. */
    public EmailPreference of(WorkspaceId workspace, UserId user) {
        return tenants.read(workspace, () -> outbox.preferenceOf(workspace, user));
    }

    /** Stores the member's choice and applies it to what is still waiting; a choice that changes nothing is not audited. */
    public void choose(WorkspaceId workspace, UserId user, EmailPreference chosen) {
        tenants.run(workspace, () -> {
            EmailPreference before = outbox.preferenceOf(workspace, user);
            if (before.equals(chosen)) {
                return;
            }
            Instant now = clock.instant();
            outbox.save(workspace, user, chosen, now);
            ZoneId zone = chosen.delivery() == EmailDelivery.DAILY ? zone(workspace) : ZoneOffset.UTC;
            outbox.follow(workspace, user, chosen.delivery(), due(chosen, now, zone));
            audit.record(
                    workspace,
                    "notifications.email",
                    "user",
                    user.toString(),
                    Map.of("email", describe(chosen), "before", describe(before)));
        });
    }

    /**
     * Queues the e-mail of notifications just stored, one per member, inside the transaction that stored them: a
     * notification is e-mailed exactly when it exists. Nothing when e-mail is off on this server or for the member.
     */
    void queue(WorkspaceId workspace, Map<UserId, NotificationId> stored) {
        if (!mail.enabled() || stored.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<UserId, EmailPreference> chosen = outbox.preferences(workspace);
        // The workspace's time zone only matters, and is only read, when someone wants a digest.
        boolean digest = stored.keySet().stream()
                .anyMatch(user ->
                        chosen.getOrDefault(user, EmailPreference.DEFAULT).delivery() == EmailDelivery.DAILY);
        ZoneId zone = digest ? zone(workspace) : ZoneOffset.UTC;
        stored.forEach((user, notification) -> {
            EmailPreference preference = chosen.getOrDefault(user, EmailPreference.DEFAULT);
            Instant due = due(preference, now, zone);
            if (due != null) {
                outbox.queue(workspace, user, notification, preference.delivery(), due);
            }
        });
    }

    /** When e-mail chosen so is due: now, at the next digest hour, or never (null) when it is off. */
    private static @Nullable Instant due(EmailPreference preference, Instant now, ZoneId zone) {
        return switch (preference.delivery()) {
            case IMMEDIATELY -> now;
            case DAILY -> EmailOutbox.nextDigest(now, zone, preference.digestHour());
            case OFF -> null;
        };
    }

    private ZoneId zone(WorkspaceId workspace) {
        return workspaces.find(workspace).map(Workspace::timezone).orElse(ZoneId.of("UTC"));
    }

    private static String describe(EmailPreference preference) {
        return preference.delivery() == EmailDelivery.DAILY
                ? "daily at %02d:00".formatted(preference.digestHour())
                : preference.delivery().value();
    }
}
