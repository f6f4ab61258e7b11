package herald.web.ui;

import herald.connections.Connections;
import herald.database.Keyset;
import herald.inbox.Inbox;
import herald.inbox.InboxComment;
import herald.inbox.InboxCommentId;
import herald.inbox.ReplyRefused;
import herald.providers.SocialProvider;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox: every member reads the comments under the workspace's posts; editors and above answer them as the
 * account, mark them done, open them again and ask for a check now.
 */
@Controller
class InboxController {

    static final int PAGE = 25;

    private final Inbox inbox;
    private final Connections connections;

    InboxController(Inbox inbox, Connections connections) {
        this.inbox = inbox;
        this.connections = connections;
    }

    @GetMapping("/w/{slug}/inbox")
    String list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String account,
            @RequestParam(required = false) @Nullable String before,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.member(request);
        Inbox.Status wanted;
        try {
            wanted = Inbox.Status.read(status, "status");
        } catch (InvalidInput e) {
            wanted = Inbox.Status.OPEN;
        }
        List<AccountOption> accounts = AccountOption.of(connections, current.id());
        @Nullable AccountOption chosen = AccountOption.find(accounts, account);
        PageCursor cursor = PageCursor.read(before);
        ListingPage<InboxComment> page = ListingPage.of(
                inbox.list(
                        current.id(),
                        new Inbox.Query(
                                wanted,
                                chosen == null ? null : chosen.connection().id(),
                                cursor == null ? null : new Keyset.After(cursor.time(), cursor.id()),
                                PAGE + 1)),
                PAGE,
                InboxComment::writtenAt,
                c -> c.id().value());
        Map<String, String> platforms = connections.providers().stream()
                .collect(Collectors.toMap(SocialProvider::id, SocialProvider::displayName, (a, b) -> a));
        model.addAttribute("section", "inbox");
        model.addAttribute("comments", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("older", cursor != null);
        model.addAttribute("status", wanted.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("accounts", accounts);
        model.addAttribute(
                "account", chosen == null ? null : chosen.connection().id().toString());
        model.addAttribute("platforms", platforms);
        model.addAttribute("readPlatforms", inbox.readPlatforms());
        model.addAttribute("canAnswer", current.roleAtLeast(Role.EDITOR));
        return "workspace/inbox";
    }

    @PostMapping("/w/{slug}/inbox/{id}/reply")
    String reply(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) @Nullable String back,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            InboxComment answered = inbox.reply(current.id(), new InboxCommentId(id), text);
            flash.addFlashAttribute("notice", "Answer sent to " + answered.authorName() + ".");
        } catch (InvalidInput | Conflict | ReplyRefused e) {
            flash.addFlashAttribute("problem", e.getMessage());
            flash.addFlashAttribute("draftFor", id.toString());
            flash.addFlashAttribute("draftText", text);
        }
        return back(current, back, id);
    }

    /** Marks a comment done, or open again: back to the listing, at the comment when it stays in view. */
    @PostMapping("/w/{slug}/inbox/{id}/{action:done|reopen}")
    String setDone(
            @PathVariable UUID id,
            @PathVariable String action,
            @RequestParam(required = false) @Nullable String back,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        boolean done = action.equals("done");
        InboxComment changed = inbox.setDone(current.id(), new InboxCommentId(id), done);
        flash.addFlashAttribute(
                "notice",
                done
                        ? "Marked done: " + changed.authorName() + "’s comment."
                        : changed.authorName() + "’s comment is open again.");
        return back(current, back, done ? null : id);
    }

    @PostMapping("/w/{slug}/inbox/check")
    String check(
            @RequestParam(required = false) @Nullable String back,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            Inbox.Check check = inbox.check(current.id());
            flash.addFlashAttribute(
                    "notice",
                    "Checked " + plural(check.read(), "post") + ": " + plural(check.found(), "new comment")
                            + (check.failed() == 0 ? "." : "; " + check.failed() + " could not be read."));
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return back(current, back, null);
    }

    /** Back to the listing the form was on (its filters kept), at the comment when one is named. */
    private static String back(CurrentWorkspace current, @Nullable String back, @Nullable UUID at) {
        String base = "/w/" + current.workspace().slug() + "/inbox";
        String target = back != null
                        && (back.equals(base) || back.startsWith(base + "?"))
                        && SafeRedirect.of(back).isPresent()
                ? back
                : base;
        return "redirect:"
                + UriComponentsBuilder.fromUriString(target)
                        .fragment(at == null ? null : "comment-" + at)
                        .build()
                        .toUriString();
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
