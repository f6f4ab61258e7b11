package herald.web.ui;

import herald.identity.SignedInUser;
import herald.notifications.EmailDelivery;
import herald.notifications.EmailPreference;
import herald.notifications.Notification;
import herald.notifications.NotificationEmails;
import herald.notifications.NotificationId;
import herald.notifications.NotificationKind;
import herald.notifications.NotificationMutes;
import herald.notifications.Notifications;
import herald.shared.InvalidInput;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's notifications in the workspace, newest first with the unread ones marked, and the kinds they want. Every
 * member has the page; a viewer, whom nothing reaches, finds it empty and says so.
 */
@Controller
class NotificationsController {

    static final int PAGE = 20;

    private final Notifications notifications;
    private final NotificationMutes mutes;
    private final NotificationEmails emails;

    NotificationsController(Notifications notifications, NotificationMutes mutes, NotificationEmails emails) {
        this.notifications = notifications;
        this.mutes = mutes;
        this.emails = emails;
    }

    /** A kind on the preferences form: whether the member gets it. */
    public record Preference(NotificationKind kind, boolean wanted) {}

    /** An hour the digest can be sent at, as the form shows it. */
    public record Hour(int value, String label) {}

    private static final List<Hour> HOURS = IntStream.range(0, 24)
            .mapToObj(h -> new Hour(h, "%02d:00".formatted(h)))
            .toList();

    @GetMapping("/w/{slug}/notifications")
    String list(
            @RequestParam(required = false) @Nullable String before,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.member(request);
        PageCursor cursor = PageCursor.read(before);
        ListingPage<Notification> page = ListingPage.of(
                notifications.recent(current.id(), me.id(), position(cursor), PAGE + 1),
                PAGE,
                Notification::createdAt,
                Notification::id);
        Set<NotificationKind> muted = mutes.of(current.id(), me.id());
        model.addAttribute("section", "notifications");
        model.addAttribute("notifications", page.items());
        model.addAttribute("older", cursor != null);
        model.addAttribute("cursor", cursor == null ? null : cursor.text());
        model.addAttribute("retentionDays", notifications.retention().toDays());
        model.addAttribute("next", page.next());
        model.addAttribute(
                "preferences",
                reachable(current).stream()
                        .map(kind -> new Preference(kind, !muted.contains(kind)))
                        .toList());
        model.addAttribute("emailEnabled", emails.enabled());
        model.addAttribute("email", emails.of(current.id(), me.id()));
        model.addAttribute("deliveries", EmailDelivery.values());
        model.addAttribute("hours", HOURS);
        model.addAttribute("zone", current.workspace().timezone().getId());
        model.addAttribute("emailAddress", me.email());
        return "workspace/notifications";
    }

    /** Marks the notification read and goes where it points. */
    @GetMapping("/w/{slug}/notifications/{id}/open")
    String open(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me, HttpServletRequest request) {
        CurrentWorkspace current = Access.member(request);
        Notification read = notifications.markRead(current.id(), me.id(), new NotificationId(id));
        return "redirect:" + SafeRedirect.of(read.link()).orElse(base(current) + "/notifications");
    }

    @PostMapping("/w/{slug}/notifications/{id}/read")
    String markRead(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String before,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.member(request);
        notifications.markRead(current.id(), me.id(), new NotificationId(id));
        flash.addFlashAttribute("notice", "Marked as read.");
        return back(current, before);
    }

    @PostMapping("/w/{slug}/notifications/read")
    String markAllRead(@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.member(request);
        int read = notifications.markAllRead(current.id(), me.id());
        flash.addFlashAttribute(
                "notice",
                switch (read) {
                    case 0 -> "Nothing was unread.";
                    case 1 -> "Marked 1 notification as read.";
                    default -> "Marked " + read + " notifications as read.";
                });
        return back(current, null);
    }

    /**
     * The kinds the member wants: every kind their role reaches that is not among {@code wanted} is muted. The form
     * sends {@code wanted} once per ticked box (none when all are cleared).
     */
    @PostMapping("/w/{slug}/notifications/preferences")
    String choose(
            @RequestParam(name = "wanted", required = false) @Nullable List<String> wanted,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.member(request);
        Set<NotificationKind> reachable = reachable(current);
        try {
            var kept = EnumSet.noneOf(NotificationKind.class);
            for (String name : wanted == null ? List.<String>of() : wanted) {
                NotificationKind kind = NotificationKind.of(name);
                if (!reachable.contains(kind)) {
                    throw new InvalidInput(
                            "wanted", "Your role does not receive “" + kind.label() + "”, so it cannot be chosen.");
                }
                kept.add(kind);
            }
            var muted = EnumSet.noneOf(NotificationKind.class);
            muted.addAll(reachable);
            muted.removeAll(kept);
            mutes.choose(current.id(), me.id(), muted);
            flash.addFlashAttribute("notice", "Notification preferences saved.");
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return back(current, null) + "#preferences";
    }

    /** How the member's notifications reach them by email in this workspace. */
    @PostMapping("/w/{slug}/notifications/email")
    String chooseEmail(
            @RequestParam(required = false) @Nullable String delivery,
            @RequestParam(required = false) @Nullable Integer digestHour,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.member(request);
        try {
            if (!emails.enabled()) {
                throw new InvalidInput(
                        "delivery", "Email is not set up on this Herald server, so it cannot be chosen.");
            }
            if (reachable(current).isEmpty()) {
                throw new InvalidInput(
                        "delivery", "As a viewer you are not notified of anything, so nothing is emailed.");
            }
            EmailPreference before = emails.of(current.id(), me.id());
            var chosen = new EmailPreference(
                    EmailDelivery.of(delivery == null ? "" : delivery),
                    digestHour == null ? before.digestHour() : digestHour);
            emails.choose(current.id(), me.id(), chosen);
            flash.addFlashAttribute(
                    "notice",
                    switch (chosen.delivery()) {
                        case IMMEDIATELY -> "Email settings saved: an email for each notification.";
                        case DAILY -> "Email settings saved: a daily digest at %02d:00.".formatted(chosen.digestHour());
                        case OFF -> "Email settings saved: no email.";
                    });
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return back(current, null) + "#email";
    }

    /** The kinds that reach the member's role, in their order. */
    private static Set<NotificationKind> reachable(CurrentWorkspace current) {
        var kinds = EnumSet.noneOf(NotificationKind.class);
        Arrays.stream(NotificationKind.values())
                .filter(kind -> current.roleAtLeast(kind.audience()))
                .forEach(kinds::add);
        return kinds;
    }

    private static String back(CurrentWorkspace current, @Nullable String before) {
        PageCursor cursor = PageCursor.read(before);
        return "redirect:" + base(current) + "/notifications" + (cursor == null ? "" : "?before=" + cursor.text());
    }

    /** The last notification of the page before, as the "Older" link gives it; none starts from the newest. */
    private static Notification.@Nullable Position position(@Nullable PageCursor cursor) {
        return cursor == null ? null : new Notification.Position(cursor.time(), new NotificationId(cursor.id()));
    }

    private static String base(CurrentWorkspace current) {
        return "/w/" + current.workspace().slug();
    }
}
