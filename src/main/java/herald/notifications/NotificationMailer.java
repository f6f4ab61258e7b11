package herald.notifications;

import herald.database.TenantScope;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import herald.tenancy.Member;
import herald.tenancy.Memberships;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the notification e-mail that is due, member by member: their notifications due at once one e-mail each, those
 * of their digest in one. Each member's rows are claimed first (the attempt counted and the next one set, committed),
 * then sent with no transaction open, then marked sent: a node that dies mid-way leaves them to a later attempt, and
 * two nodes never send the same. What the member can no longer act on is skipped: a notification read meanwhile, a kind
 * muted since or out of their role's reach now, e-mail turned off. A failed send is tried again after the backoff, up to
 * {@code herald.notifications.email.max-attempts}, then given up with a log line that names ids only.
 */
@Component
class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);
    /** Members served per run; the next run, moments later, takes the rest. */
    static final int MEMBERS = 200;
    /** Notifications claimed per member and run: a digest lists at most this many. */
    static final int PER_MEMBER = 100;

    private final EmailOutbox outbox;
    private final EmailWriter writer;
    private final MailServer mail;
    private final TenantScope tenants;
    private final Workspaces workspaces;
    private final Memberships memberships;
    private final NotificationMutes mutes;
    private final NotificationSettings.Email settings;
    private final Clock clock;

    NotificationMailer(
            EmailOutbox outbox,
            EmailWriter writer,
            MailServer mail,
            TenantScope tenants,
            Workspaces workspaces,
            Memberships memberships,
            NotificationMutes mutes,
            NotificationSettings settings,
            Clock clock) {
        this.outbox = outbox;
        this.writer = writer;
        this.mail = mail;
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.mutes = mutes;
        this.settings = settings.email();
        this.clock = clock;
    }

    /** Sends what is due now, in every workspace; returns how many e-mails went out. */
    int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (EmailOutbox.Due due : outbox.due(now, MEMBERS)) {
            try {
                sent += send(due.workspace(), due.user(), now);
            } catch (RuntimeException e) {
                // Herald's own failure (the database away), not the mail server's: tried again on a later run.
                log.warn(
                        "Could not e-mail the notifications of member {} in workspace {}: {}",
                        due.user(),
                        due.workspace(),
                        e.toString());
            }
        }
        return sent;
    }

    private int send(WorkspaceId workspace, UserId user, Instant now) {
        List<EmailOutbox.Claimed> claimed = tenants.call(
                workspace,
                () -> outbox.claim(workspace, user, now, settings.backoff().toMillis(), PER_MEMBER));
        if (claimed.isEmpty()) {
            return 0;
        }
        Optional<Workspace> found = workspaces.find(workspace);
        Optional<Member> member = memberships.find(workspace, user);
        List<EmailOutbox.Claimed> wanted =
                found.isPresent() && member.isPresent() ? wanted(workspace, member.get(), claimed) : List.of();
        var skipped = new ArrayList<>(claimed);
        skipped.removeAll(wanted);
        end(workspace, skipped, "skipped", now);
        int sent = 0;
        var digest = new ArrayList<EmailOutbox.Claimed>();
        for (EmailOutbox.Claimed one : wanted) {
            if (one.delivery() == EmailDelivery.DAILY) {
                digest.add(one);
            } else if (attempt(found.get(), member.get(), List.of(one), false, now)) {
                sent++;
            }
        }
        if (!digest.isEmpty() && attempt(found.get(), member.get(), digest, true, now)) {
            sent++;
        }
        return sent;
    }

    /** What the member still wants and may see: unread, of a kind their role reaches and not muted, e-mail still on. */
    private List<EmailOutbox.Claimed> wanted(WorkspaceId workspace, Member member, List<EmailOutbox.Claimed> claimed) {
        if (tenants.read(workspace, () -> outbox.preferenceOf(workspace, member.user()))
                        .delivery()
                == EmailDelivery.OFF) {
            return List.of();
        }
        Set<NotificationKind> muted = mutes.of(workspace, member.user());
        return claimed.stream()
                .filter(n -> !n.read())
                .filter(n -> n.kind().reaches(member.role()))
                .filter(n -> !muted.contains(n.kind()))
                .toList();
    }

    /** Sends one e-mail of {@code notifications}; whether it went out. */
    private boolean attempt(
            Workspace workspace, Member member, List<EmailOutbox.Claimed> notifications, boolean digest, Instant now) {
        EmailWriter.Email email =
                writer.write(workspace.name(), workspace.slug(), workspace.timezone(), notifications, digest);
        try {
            mail.send(message -> {
                var helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(settings.from());
                helper.setTo(member.email());
                helper.setSubject(email.subject());
                helper.setText(email.text(), email.html());
                message.setHeader("Auto-Submitted", "auto-generated");
                message.setHeader("List-Unsubscribe", "<" + email.settingsUrl() + ">");
            });
        } catch (MailException e) {
            failed(workspace, member, notifications, now, e);
            return false;
        }
        end(workspace.id(), notifications, "sent", now);
        return true;
    }

    private void failed(
            Workspace workspace, Member member, List<EmailOutbox.Claimed> notifications, Instant now, MailException e) {
        List<EmailOutbox.Claimed> spent = notifications.stream()
                .filter(n -> n.attempts() >= settings.maxAttempts())
                .toList();
        int attempts = notifications.stream()
                .mapToInt(EmailOutbox.Claimed::attempts)
                .max()
                .orElse(0);
        if (spent.isEmpty()) {
            log.info(
                    "Could not e-mail {} notification(s) to member {} of workspace {} (attempt {} of {}), trying again"
                            + " in {}: {}",
                    notifications.size(),
                    member.user(),
                    workspace.id(),
                    attempts,
                    settings.maxAttempts(),
                    settings.backoffAfter(attempts),
                    e.getClass().getSimpleName());
            return;
        }
        end(workspace.id(), spent, "failed", now);
        log.warn(
                "Gave up e-mailing {} notification(s) to member {} of workspace {} after {} attempts: {}",
                spent.size(),
                member.user(),
                workspace.id(),
                settings.maxAttempts(),
                e.getClass().getSimpleName());
    }

    private void end(WorkspaceId workspace, List<EmailOutbox.Claimed> notifications, String status, Instant now) {
        if (!notifications.isEmpty()) {
            tenants.run(
                    workspace,
                    () -> outbox.end(
                            workspace,
                            notifications.stream()
                                    .map(EmailOutbox.Claimed::notification)
                                    .toList(),
                            status,
                            now));
        }
    }
}
