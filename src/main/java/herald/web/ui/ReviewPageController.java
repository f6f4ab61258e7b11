package herald.web.ui;

import herald.publishing.PostRejected;
import herald.reviews.Review;
import herald.reviews.ReviewLinkUnusable;
import herald.reviews.Reviewer;
import herald.reviews.Reviews;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.NotPermitted;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page a client opens from a review link, without signing in: the workspace's posts in the link's scope, and
 * forms to comment and (when the link allows it) approve or request changes. The reviewer gives a name once; it is
 * kept in their browser session only. A link that does not work answers one 404 page, whatever the reason.
 */
@Controller
class ReviewPageController {

    /** The reviewer's name in their session. */
    static final String NAME = "herald.reviewer.name";

    private final Reviews reviews;

    ReviewPageController(Reviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/review/{token}")
    String show(@PathVariable String token, HttpSession session, Model model) {
        Review review = reviews.open(token);
        model.addAttribute("review", review);
        model.addAttribute("time", new WorkspaceTime(review.zone()));
        model.addAttribute("reviewer", session.getAttribute(NAME));
        model.addAttribute("here", "/review/" + token);
        return "review/page";
    }

    @PostMapping("/review/{token}/name")
    String name(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String name,
            HttpSession session,
            RedirectAttributes flash) {
        reviews.open(token);
        try {
            session.setAttribute(NAME, new Reviewer(name).name());
        } catch (InvalidInput e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/review/" + token;
    }

    @PostMapping("/review/{token}/posts/{ref}/notes")
    String comment(
            @PathVariable String token,
            @PathVariable String ref,
            @RequestParam(defaultValue = "") String body,
            HttpSession session,
            RedirectAttributes flash) {
        return act(token, ref, session, flash, body, reviewer -> {
            reviews.comment(token, ref, reviewer, body);
            return "Comment added. Thank you!";
        });
    }

    @PostMapping("/review/{token}/posts/{ref}/approve")
    String approve(
            @PathVariable String token, @PathVariable String ref, HttpSession session, RedirectAttributes flash) {
        return act(token, ref, session, flash, null, reviewer -> {
            reviews.approve(token, ref, reviewer);
            return "Approved: the post is scheduled.";
        });
    }

    @PostMapping("/review/{token}/posts/{ref}/request-changes")
    String requestChanges(
            @PathVariable String token,
            @PathVariable String ref,
            @RequestParam(defaultValue = "") String note,
            HttpSession session,
            RedirectAttributes flash) {
        return act(token, ref, session, flash, note, reviewer -> {
            reviews.requestChanges(token, ref, reviewer, note);
            return "Changes requested: the post will not be published, and the team has your note.";
        });
    }

    /** One page for unknown, expired and revoked links alike. */
    @ExceptionHandler(ReviewLinkUnusable.class)
    ModelAndView unusable(ReviewLinkUnusable e, HttpServletResponse response) {
        var page = new ModelAndView("review/unusable");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("problem", e.getMessage());
        return page;
    }

    private interface Action {
        String run(Reviewer reviewer);
    }

    private static String act(
            String token,
            String ref,
            HttpSession session,
            RedirectAttributes flash,
            @Nullable String draft,
            Action action) {
        Object name = session.getAttribute(NAME);
        if (!(name instanceof String given)) {
            flash.addFlashAttribute("problem", "Tell us your name first, so the team knows who wrote.");
            flash.addFlashAttribute("draft", draft);
            flash.addFlashAttribute("draftFor", ref);
            return "redirect:/review/" + token;
        }
        try {
            flash.addFlashAttribute("notice", action.run(new Reviewer(given)));
        } catch (PostRejected e) {
            flash.addFlashAttribute(
                    "problem", "Not approved: the post no longer passes a platform's rules (" + e.getMessage() + ").");
        } catch (InvalidInput | Conflict | NotPermitted | LimitReached | NotFound e) {
            flash.addFlashAttribute("problem", e.getMessage());
            flash.addFlashAttribute("draft", draft);
            flash.addFlashAttribute("draftFor", ref);
        }
        return "redirect:/review/" + token + "#post-" + ref;
    }
}
