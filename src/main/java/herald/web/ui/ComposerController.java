package herald.web.ui;

import herald.publishing.Post;
import herald.publishing.PostRejected;
import herald.publishing.Posts;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing a post: editors and up choose accounts, write once (with an optional text per account), pick media, and
 * publish now, schedule it in the workspace's timezone or keep it as a draft. A refused post is shown again with
 * each problem next to its account; nothing was created.
 */
@Controller
class ComposerController {

    private final Posts posts;
    private final ComposerPage page;

    ComposerController(Posts posts, ComposerPage page) {
        this.posts = posts;
        this.page = page;
    }

    @GetMapping("/w/{slug}/compose")
    String compose(HttpServletRequest request, Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        return page.render(current, model, ComposerForm.empty(), ComposerErrors.none());
    }

    @PostMapping("/w/{slug}/compose")
    String create(
            @RequestParam Map<String, String> params,
            @RequestParam(name = "accounts", required = false) @Nullable List<String> accounts,
            @RequestParam(name = "media", required = false) @Nullable List<String> media,
            @RequestParam(name = "action", defaultValue = "publish") String action,
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        ComposerForm form = ComposerForm.read(params, accounts, media);
        boolean draft = "draft".equals(action);
        ComposerErrors errors;
        if (!draft && "later".equals(form.when()) && form.scheduledAt().isBlank()) {
            errors = ComposerErrors.general("Choose the date and time to publish at, or choose “Publish now”.");
        } else {
            try {
                Post post = posts.create(
                        current.id(),
                        form.toNewPost(current.workspace().timezone().getId(), draft));
                flash.addFlashAttribute("notice", notice(post, draft, form));
                return "redirect:/w/" + current.workspace().slug() + "/posts/" + post.id();
            } catch (PostRejected e) {
                errors = ComposerErrors.of(e);
            } catch (InvalidInput | LimitReached e) {
                errors = ComposerErrors.general(e.getMessage());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page.render(current, model, form, errors);
    }

    private static String notice(Post post, boolean draft, ComposerForm form) {
        if (draft) {
            return "Saved as a draft. Nothing is published until you schedule it.";
        }
        int n = post.targets().size();
        String accounts = n == 1 ? "1 account" : n + " accounts";
        return "later".equals(form.when()) ? "Scheduled for " + accounts + "." : "Publishing to " + accounts + " now.";
    }
}
