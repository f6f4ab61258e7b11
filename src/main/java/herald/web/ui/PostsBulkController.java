package herald.web.ui;

import herald.publishing.PostId;
import herald.publishing.PostRecovery;
import herald.publishing.PostTags;
import herald.publishing.Posts;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an editor does to several posts of the list at once: cancel them (each that has not started publishing), publish
 * their failed accounts again (after a platform's outage), or add or remove a tag. Each post is handled on its own, and
 * the answer says how many changed and why the others did not.
 */
@Controller
class PostsBulkController {

    /** At most one page of the list. */
    static final int MAX = 50;

    private final Posts posts;
    private final PostTags tags;
    private final PostRecovery recovery;

    PostsBulkController(Posts posts, PostTags tags, PostRecovery recovery) {
        this.posts = posts;
        this.tags = tags;
        this.recovery = recovery;
    }

    @PostMapping("/w/{slug}/posts/bulk")
    String act(
            @RequestParam(name = "ids", required = false) @Nullable List<UUID> ids,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(name = "bulkTag", defaultValue = "") String bulkTag,
            @RequestParam(name = "status", defaultValue = "") String status,
            @RequestParam(name = "q", defaultValue = "") String q,
            @RequestParam(name = "account", defaultValue = "") String account,
            @RequestParam(name = "tag", defaultValue = "") String tag,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        var filters = new LinkedHashMap<String, String>();
        filters.put("status", status);
        filters.put("q", q);
        filters.put("account", account);
        filters.put("tag", tag);
        String back = "redirect:" + new QueryLinks("/w/" + current.workspace().slug() + "/posts", filters).href();
        List<PostId> chosen = ids == null
                ? List.of()
                : ids.stream().distinct().limit(MAX).map(PostId::new).toList();
        if (chosen.isEmpty()) {
            flash.addFlashAttribute("problem", "Select the posts first.");
            return back;
        }
        try {
            switch (action) {
                case "cancel" -> flash.addFlashAttribute("notice", cancel(current, chosen));
                case "retry" -> flash.addFlashAttribute("notice", retry(current, chosen));
                case "tag", "untag" -> {
                    int changed = tags.tagAll(current.id(), chosen, bulkTag, action.equals("untag"));
                    flash.addFlashAttribute(
                            "notice",
                            (action.equals("tag") ? "Tagged " : "Untagged ") + changed + " of " + chosen.size()
                                    + (chosen.size() == 1 ? " post." : " posts.")
                                    + (changed < chosen.size()
                                            ? action.equals("tag")
                                                    ? " The others had it already or have 10 tags."
                                                    : " The others did not have it."
                                            : ""));
                }
                default -> flash.addFlashAttribute("problem", "Choose what to do with the selected posts.");
            }
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return back;
    }

    private String retry(CurrentWorkspace current, List<PostId> chosen) {
        Tally tally = each(chosen, id -> recovery.retry(current.id(), id));
        return "Publishing the failed accounts of " + tally.changed() + " of " + chosen.size()
                + (chosen.size() == 1 ? " post" : " posts") + " again."
                + (tally.refused() > 0 ? " " + tally.refused() + " had no failed account." : "");
    }

    private String cancel(CurrentWorkspace current, List<PostId> chosen) {
        Tally tally = each(chosen, id -> posts.cancel(current.id(), id));
        return "Cancelled " + tally.changed() + " of " + chosen.size() + (chosen.size() == 1 ? " post." : " posts.")
                + (tally.refused() > 0
                        ? " " + tally.refused() + " had already started publishing or finished, or were cancelled."
                        : "");
    }

    /** How a change to each chosen post went: the posts it changed, and those whose state refused it. */
    private record Tally(int changed, int refused) {}

    private static Tally each(List<PostId> chosen, Consumer<PostId> change) {
        int changed = 0;
        int refused = 0;
        for (PostId id : chosen) {
            try {
                change.accept(id);
                changed++;
            } catch (Conflict e) {
                refused++;
            } catch (NotFound e) {
                // Another workspace's id in a tampered form, or a post gone since: nothing to change.
            }
        }
        return new Tally(changed, refused);
    }
}
