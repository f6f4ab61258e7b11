package herald.web.ui;

import herald.publishing.Evergreen;
import herald.publishing.EvergreenFill;
import herald.publishing.PostId;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evergreen library's page (every member reads it; owners and admins set the refill) and the post page's buttons
 * that keep a published post in it or take it out (editors). See {@link Evergreen}, docs/evergreen.md.
 */
@Controller
class EvergreenController {

    /** The choices the page offers for "at most every N days". */
    static final List<Integer> EVERY = List.of(7, 14, 30, 60, 90, 180);

    private final Evergreen evergreen;
    private final EvergreenFill fill;

    EvergreenController(Evergreen evergreen, EvergreenFill fill) {
        this.evergreen = evergreen;
        this.fill = fill;
    }

    @GetMapping("/w/{slug}/evergreen")
    String page(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.member(request);
        Integer every = evergreen.every(current.id());
        model.addAttribute("section", "queue");
        List<Evergreen.Entry> entries = evergreen.list(current.id());
        model.addAttribute("entries", entries);
        var limitTexts = new java.util.HashMap<PostId, String>();
        entries.forEach(e -> limitTexts.put(e.post(), limits(e.limits())));
        model.addAttribute("limitTexts", limitTexts);
        model.addAttribute("every", every);
        model.addAttribute("choices", every == null || EVERY.contains(every) ? EVERY : withChoice(every));
        model.addAttribute("time", new WorkspaceTime(current.workspace().timezone()));
        model.addAttribute("today", LocalDate.now(current.workspace().timezone()));
        return "posts/evergreen";
    }

    /** Owners and admins: refill the queue from the library with at most one share of a post every so many days. */
    @PostMapping("/w/{slug}/evergreen/refill")
    String refill(
            @RequestParam(required = false) @Nullable Integer every,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.ADMIN);
        try {
            evergreen.every(current.id(), every == null || every == 0 ? null : every);
            flash.addFlashAttribute(
                    "notice",
                    every == null || every == 0
                            ? "Refilling stopped: evergreen posts stay in the library, and are not queued again."
                            : "Refilling on: free slots of the next day get evergreen posts, each at most every "
                                    + every + " days." + queuedNow(current));
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/evergreen";
    }

    /** Editors keep a published post in the library, or take it out, from its page. */
    @PostMapping("/w/{slug}/posts/{id}/evergreen")
    String keep(
            @PathVariable UUID id, @RequestParam boolean kept, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        PostId post = new PostId(id);
        try {
            if (kept) {
                evergreen.add(current.id(), post);
                flash.addFlashAttribute(
                        "notice",
                        evergreen.every(current.id()) == null
                                ? "Kept in the evergreen library. Turn on refilling there to have it queued again."
                                : "Kept in the evergreen library: it is queued again when a slot is free."
                                        + queuedNow(current));
            } else {
                evergreen.remove(current.id(), post);
                flash.addFlashAttribute("notice", "Taken out of the evergreen library; its copies stay as they are.");
            }
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id + "#evergreen";
    }

    /**
     * Editors limit how long a kept post is shared: at most so many copies, none after a day (either blank: no
     * limit). A post done with its limits is queued again once the new ones allow.
     */
    @PostMapping("/w/{slug}/posts/{id}/evergreen/limits")
    String limit(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer maxShares,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate until,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            var entry = evergreen.add(current.id(), new PostId(id), new Evergreen.Limits(maxShares, until));
            flash.addFlashAttribute(
                    "notice",
                    (maxShares == null && until == null
                                    ? "No limits: it is shared again for as long as it stays in the library."
                                    : "Limits saved: " + limits(entry.limits()) + ".")
                            + (entry.done() ? " It has reached them, so it is not queued again." : ""));
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/evergreen";
    }

    /** "at most 5 times, until 31 Mar 2027", as the page and its notices say a post's limits. */
    static String limits(Evergreen.Limits limits) {
        var parts = new java.util.ArrayList<String>();
        if (limits.maxShares() != null) {
            parts.add("at most " + limits.maxShares() + (limits.maxShares() == 1 ? " time" : " times"));
        }
        if (limits.until() != null) {
            parts.add("until " + UNTIL.format(limits.until()));
        }
        return String.join(", ", parts);
    }

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** Fills the free slots at once rather than at the next round of the fill, and says what that queued. */
    private String queuedNow(CurrentWorkspace current) {
        int queued = fill.fill(current.id()).size();
        return queued == 0 ? "" : " " + queued + (queued == 1 ? " copy was" : " copies were") + " queued just now.";
    }

    private static List<Integer> withChoice(int every) {
        var choices = new java.util.ArrayList<>(EVERY);
        choices.add(every);
        choices.sort(null);
        return choices;
    }
}
