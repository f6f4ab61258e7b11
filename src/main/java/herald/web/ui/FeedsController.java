package herald.web.ui;

import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.feeds.Feed;
import herald.feeds.FeedCheck;
import herald.feeds.FeedId;
import herald.feeds.FeedItem;
import herald.feeds.Feeds;
import herald.publishing.PostTags;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workspace's feeds: every member sees them and what they made; editors add, pause, check and delete them. */
@Controller
class FeedsController {

    static final int RECENT = 5;

    /** A feed with its newest items, as the page lists it. */
    record Row(Feed feed, List<FeedItem> items, List<String> accounts) {}

    private final Feeds feeds;
    private final Connections connections;

    FeedsController(Feeds feeds, Connections connections) {
        this.feeds = feeds;
        this.connections = connections;
    }

    @GetMapping("/w/{slug}/feeds")
    String list(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.member(request);
        List<AccountOption> options = AccountOption.of(connections, current.id());
        model.addAttribute("section", "feeds");
        model.addAttribute("accounts", options);
        model.addAttribute(
                "feeds",
                feeds.all(current.id()).stream()
                        .map(f -> new Row(
                                f,
                                feeds.recentItems(current.id(), f.id(), RECENT),
                                f.accounts().stream()
                                        .map(id -> {
                                            AccountOption o = AccountOption.find(options, id.toString());
                                            return o == null ? "a removed account" : o.name();
                                        })
                                        .toList()))
                        .toList());
        model.addAttribute("canEdit", current.roleAtLeast(Role.EDITOR));
        return "feeds/list";
    }

    @PostMapping("/w/{slug}/feeds")
    String add(
            @RequestParam(defaultValue = "") String url,
            @RequestParam(name = "accounts", required = false) List<String> accounts,
            @RequestParam(defaultValue = "draft") String mode,
            @RequestParam(defaultValue = "") String template,
            @RequestParam(defaultValue = "") String tags,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            Feed feed = feeds.add(
                    current.id(), url, new Feeds.Settings(ids(accounts), mode, template, PostTags.read(tags)));
            flash.addFlashAttribute(
                    "notice",
                    "Feed “" + feed.name() + "” added. Its current items are marked as seen; new ones will become "
                            + (feed.mode().value().equals("draft") ? "drafts." : "queued posts."));
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
            flash.addFlashAttribute("draftUrl", url);
            flash.addFlashAttribute("draftTemplate", template);
            flash.addFlashAttribute("draftTags", tags);
        }
        return back(current);
    }

    /** Changes what a feed's new items become: its accounts, drafts or queued posts, the template and tags. */
    @PostMapping("/w/{slug}/feeds/{id}")
    String change(
            @PathVariable UUID id,
            @RequestParam(name = "accounts", required = false) List<String> accounts,
            @RequestParam(defaultValue = "draft") String mode,
            @RequestParam(defaultValue = "") String template,
            @RequestParam(defaultValue = "") String tags,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            Feed feed = feeds.change(
                    current.id(),
                    new FeedId(id),
                    new Feeds.Settings(ids(accounts), mode, template, PostTags.read(tags)));
            flash.addFlashAttribute("notice", "Feed “" + feed.name() + "” saved; its next new items follow it.");
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return back(current);
    }

    @PostMapping("/w/{slug}/feeds/{id}/check")
    String check(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            FeedCheck check = feeds.checkNow(current.id(), new FeedId(id));
            switch (check.result()) {
                case "failed" -> flash.addFlashAttribute("problem", "The check failed: " + check.error());
                case "not_modified" -> flash.addFlashAttribute("notice", "Checked: the feed has not changed.");
                default ->
                    flash.addFlashAttribute(
                            "notice",
                            "Checked: " + check.newItems() + " new item" + (check.newItems() == 1 ? "" : "s") + ", "
                                    + check.posted() + " posted"
                                    + (check.skipped() > 0 ? ", " + check.skipped() + " could not be posted." : "."));
            }
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return back(current);
    }

    /** Pauses a feed, or resumes it. */
    @PostMapping("/w/{slug}/feeds/{id}/{action:pause|resume}")
    String pauseOrResume(
            @PathVariable UUID id, @PathVariable String action, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        boolean resume = action.equals("resume");
        Feed feed = feeds.setEnabled(current.id(), new FeedId(id), resume);
        flash.addFlashAttribute("notice", "Feed “" + feed.name() + "” " + (resume ? "resumed." : "paused."));
        return back(current);
    }

    @PostMapping("/w/{slug}/feeds/{id}/delete")
    String delete(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        String name = feeds.require(current.id(), new FeedId(id)).name();
        feeds.delete(current.id(), new FeedId(id));
        flash.addFlashAttribute("notice", "Feed “" + name + "” deleted; the posts it made stay.");
        return back(current);
    }

    private static List<ConnectionId> ids(List<String> accounts) {
        if (accounts == null) {
            return List.of();
        }
        try {
            return accounts.stream()
                    .map(a -> new ConnectionId(UUID.fromString(a)))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("accounts", "Choose the feed's accounts from the list.");
        }
    }

    private static String back(CurrentWorkspace current) {
        return "redirect:/w/" + current.workspace().slug() + "/feeds";
    }
}
