package herald.web.ui;

import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.PostRecovery;
import herald.publishing.PostRepeats;
import herald.publishing.PostTags;
import herald.publishing.Posts;
import herald.publishing.TargetId;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What editors and up do from a post's page ({@link PostsController}): cancel it, retry its failed accounts, settle
 * the targets Herald could not know the outcome of, move it, retag it, stop its series. Each comes back to the page
 * with a notice, or the refusal's words.
 */
@Controller
class PostActionsController {

    private final Posts posts;
    private final PostRecovery recovery;
    private final PostTags tags;
    private final PostRepeats repeats;

    PostActionsController(Posts posts, PostRecovery recovery, PostTags tags, PostRepeats repeats) {
        this.posts = posts;
        this.recovery = recovery;
        this.tags = tags;
        this.repeats = repeats;
    }

    /** Ends the post's series: no post is made after its latest (editors). */
    @PostMapping("/w/{slug}/posts/{id}/stop-repeating")
    String stopRepeating(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            repeats.stop(current.id(), new PostId(id));
            flash.addFlashAttribute(
                    "notice", "It no longer repeats: Herald makes no post after the latest of the series.");
        } catch (Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id;
    }

    /** Takes one coming day out of the post's series, or puts it back (editors). */
    @PostMapping("/w/{slug}/posts/{id}/skip")
    String skip(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "false") boolean restore,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            LocalDate day = day(date);
            if (restore) {
                repeats.unskip(current.id(), new PostId(id), day);
                flash.addFlashAttribute("notice", "Put back: the series posts on " + day + " again.");
            } else {
                repeats.skip(current.id(), new PostId(id), day);
                flash.addFlashAttribute("notice", "Skipped: the series makes no post on " + day + ".");
            }
        } catch (Conflict | InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id;
    }

    private static LocalDate day(String date) {
        try {
            return LocalDate.parse(date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput("date", "Give the day as 2026-12-24.");
        }
    }

    @PostMapping("/w/{slug}/posts/{id}/cancel")
    String cancel(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        return act(
                request,
                id,
                flash,
                "Cancelled. Nothing more will be published.",
                current -> () -> posts.cancel(current.id(), new PostId(id)));
    }

    @PostMapping("/w/{slug}/posts/{id}/publish-now")
    String publishNow(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        return act(
                request,
                id,
                flash,
                "Publishing now: it goes out within seconds.",
                current -> () -> posts.publishNow(current.id(), new PostId(id)));
    }

    @PostMapping("/w/{slug}/posts/{id}/retry")
    String retry(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes flash) {
        return act(
                request,
                id,
                flash,
                "Publishing the failed accounts again now.",
                current -> () -> recovery.retry(current.id(), new PostId(id)));
    }

    @PostMapping("/w/{slug}/posts/{id}/targets/{target}/mark-published")
    String markPublished(
            @PathVariable UUID id,
            @PathVariable UUID target,
            @RequestParam(defaultValue = "") String url,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return act(request, id, flash, "Marked as published.", current -> () -> {
            URI link = PostLinks.read(url);
            return recovery.markPublished(current.id(), new PostId(id), new TargetId(target), link);
        });
    }

    @PostMapping("/w/{slug}/posts/{id}/targets/{target}/publish-again")
    String publishAgain(
            @PathVariable UUID id, @PathVariable UUID target, HttpServletRequest request, RedirectAttributes flash) {
        return act(
                request,
                id,
                flash,
                "Publishing it again now.",
                current -> () -> recovery.publishAgain(current.id(), new PostId(id), new TargetId(target)));
    }

    @PostMapping("/w/{slug}/posts/{id}/targets/{target}/comment/write-again")
    String writeCommentAgain(
            @PathVariable UUID id, @PathVariable UUID target, HttpServletRequest request, RedirectAttributes flash) {
        return act(
                request,
                id,
                flash,
                "Writing the first comment again now.",
                current -> () -> recovery.writeCommentAgain(current.id(), new PostId(id), new TargetId(target)));
    }

    @PostMapping("/w/{slug}/posts/{id}/targets/{target}/comment/confirm")
    String confirmComment(
            @PathVariable UUID id, @PathVariable UUID target, HttpServletRequest request, RedirectAttributes flash) {
        return act(
                request,
                id,
                flash,
                "Marked the first comment as there.",
                current -> () -> recovery.confirmComment(current.id(), new PostId(id), new TargetId(target)));
    }

    @PostMapping("/w/{slug}/posts/{id}/reschedule")
    String reschedule(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String scheduledAt,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return act(
                request,
                id,
                flash,
                "Rescheduled.",
                current -> () -> PostMoves.to(posts, current, new PostId(id), scheduledAt));
    }

    @PostMapping("/w/{slug}/posts/{id}/tags")
    String retag(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String tags,
            HttpServletRequest request,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        try {
            var now = this.tags.replace(current.id(), new PostId(id), PostTags.read(tags));
            flash.addFlashAttribute("notice", now.isEmpty() ? "Tags removed." : "Tags saved.");
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + current.workspace().slug() + "/posts/" + id;
    }

    private String act(
            HttpServletRequest request,
            UUID id,
            RedirectAttributes flash,
            String done,
            Function<CurrentWorkspace, Supplier<Post>> action) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        String back = "redirect:/w/" + current.workspace().slug() + "/posts/" + id;
        try {
            action.apply(current).get();
            flash.addFlashAttribute("notice", done);
        } catch (NotFound e) {
            throw e;
        } catch (Conflict | InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return back;
    }
}
