package herald.web.ui;

import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.PostRejected;
import herald.publishing.PostTags;
import herald.publishing.Posts;
import herald.publishing.WorkspaceLinkTagging;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.tenancy.Role;
import herald.tenancy.WorkspaceRules;
import herald.web.CurrentWorkspace;
import herald.web.api.posts.PostCheck;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing a post: editors and up choose accounts, write once (with an optional text per account), pick media, and
 * publish now, schedule it in the workspace's timezone or keep it as a draft. The same composer edits a saved draft or
 * scheduled post. A refused post is shown again with each problem next to its account; nothing was saved. As the
 * person types, composer.js asks {@code compose/check} how each platform counts the text.
 */
@Controller
class ComposerController {

    /** "Publish now" on a post that had a time: a moment ahead, since a time already past is refused. */
    private static final java.time.Duration NOW = java.time.Duration.ofSeconds(3);

    private final Posts posts;
    private final ComposerPage page;
    private final PostCheck checks;
    private final PostTags tags;
    private final WorkspaceLinkTagging linkTagging;
    private final herald.publishing.PostRepeats repeats;
    private final WorkspaceRules workspaceRules;
    private final Clock clock;

    ComposerController(
            Posts posts,
            ComposerPage page,
            PostCheck checks,
            PostTags tags,
            WorkspaceLinkTagging linkTagging,
            herald.publishing.PostRepeats repeats,
            WorkspaceRules workspaceRules,
            Clock clock) {
        this.repeats = repeats;
        this.workspaceRules = workspaceRules;
        this.posts = posts;
        this.linkTagging = linkTagging;
        this.tags = tags;
        this.page = page;
        this.checks = checks;
        this.clock = clock;
    }

    /**
     * The composer, empty, or with {@code ?from=} a copy of another post of the workspace (any status) to adjust, or
     * with {@code ?at=} a local time (an open slot of the queue) and {@code ?account=} an account already chosen.
     */
    @GetMapping("/w/{slug}/compose")
    String compose(
            @RequestParam(name = "from", required = false) @Nullable UUID from,
            @RequestParam(name = "at", required = false) @Nullable String at,
            @RequestParam(name = "account", required = false) @Nullable UUID account,
            HttpServletRequest request,
            Model model) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        if (from == null) {
            boolean tagLinks = linkTagging.get(current.id()).enabled();
            boolean shortenLinks = workspaceRules.shortensLinks(current.id());
            return page.render(
                    current,
                    model,
                    ComposerForm.startingWith(at, account, tagLinks, shortenLinks),
                    ComposerErrors.none());
        }
        Post original = posts.get(current.id(), new PostId(from));
        model.addAttribute("copiedFrom", original.id().value());
        return page.render(current, model, ComposerForm.copyOf(original), ComposerErrors.none());
    }

    @PostMapping("/w/{slug}/compose")
    String create(
            @RequestParam Map<String, String> params,
            @RequestParam(name = "accounts", required = false) @Nullable List<String> accounts,
            @RequestParam(name = "media", required = false) @Nullable List<String> media,
            @RequestParam(name = "thread", required = false) @Nullable List<String> thread,
            @RequestParam(name = "threadMedia", required = false) @Nullable List<String> threadMedia,
            @RequestParam(name = "action", defaultValue = "publish") String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        ComposerForm form = ComposerForm.read(params, accounts, media, thread, threadMedia);
        boolean draft = "draft".equals(action);
        return save(
                current,
                form,
                draft,
                null,
                response,
                model,
                flash,
                () -> posts.create(
                        current.id(),
                        ComposerCommands.toNewPost(
                                form, current.workspace().timezone().getId(), draft)));
    }

    @GetMapping("/w/{slug}/posts/{id}/edit")
    String edit(@PathVariable UUID id, HttpServletRequest request, Model model, RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        Post post = posts.get(current.id(), new PostId(id));
        if (!post.status().editable()) {
            flash.addFlashAttribute("problem", readOnly(post));
            return "redirect:/w/" + current.workspace().slug() + "/posts/" + id;
        }
        var repeat = repeats.of(current.id(), post.id())
                .filter(herald.publishing.PostRepeats.Series::open)
                .map(herald.publishing.PostRepeats.Series::repeat)
                .orElse(herald.publishing.Repeat.NEVER);
        ComposerForm form = ComposerForm.of(post, time(current), repeat);
        return page.render(current, model, form, ComposerErrors.none(), editing(post));
    }

    @PostMapping("/w/{slug}/posts/{id}/edit")
    String update(
            @PathVariable UUID id,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "accounts", required = false) @Nullable List<String> accounts,
            @RequestParam(name = "media", required = false) @Nullable List<String> media,
            @RequestParam(name = "thread", required = false) @Nullable List<String> thread,
            @RequestParam(name = "threadMedia", required = false) @Nullable List<String> threadMedia,
            @RequestParam(name = "action", defaultValue = "publish") String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        Post post = posts.get(current.id(), new PostId(id));
        if (!post.status().editable()) {
            flash.addFlashAttribute("problem", readOnly(post));
            return "redirect:/w/" + current.workspace().slug() + "/posts/" + id;
        }
        ComposerForm form = ComposerForm.read(params, accounts, media, thread, threadMedia);
        boolean draft = "draft".equals(action);
        String zone = current.workspace().timezone().getId();
        return save(current, form, draft, editing(post), response, model, flash, () -> {
            // Tags are read first, so that a bad one changes nothing; they change apart from the edit.
            List<String> tagged = PostTags.read(form.tags());
            Post edited = posts.edit(
                    current.id(),
                    post.id(),
                    ComposerCommands.toChanges(
                            form,
                            post,
                            time(current),
                            zone,
                            draft,
                            clock.instant().plus(NOW)));
            if (!tagged.equals(post.tags())) {
                tags.replace(current.id(), post.id(), tagged);
                return posts.get(current.id(), post.id());
            }
            return edited;
        });
    }

    /** What each chosen platform makes of the form as it stands: JSON for composer.js. Saves nothing. */
    @PostMapping("/w/{slug}/compose/check")
    @ResponseBody
    PostCheck.Result check(
            @RequestParam Map<String, String> params,
            @RequestParam(name = "accounts", required = false) @Nullable List<String> accounts,
            @RequestParam(name = "media", required = false) @Nullable List<String> media,
            @RequestParam(name = "thread", required = false) @Nullable List<String> thread,
            @RequestParam(name = "threadMedia", required = false) @Nullable List<String> threadMedia,
            HttpServletRequest request) {
        CurrentWorkspace current = Access.atLeast(request, Role.EDITOR);
        ComposerForm form = ComposerForm.read(params, accounts, media, thread, threadMedia);
        var post =
                ComposerCommands.toNewPost(form, current.workspace().timezone().getId(), true);
        return checks.check(
                current.id(),
                post.body(),
                post.link(),
                post.media(),
                post.targets(),
                post.tagLinks(),
                post.shortenLinks(),
                post.firstComment(),
                post.threadContent());
    }

    private String save(
            CurrentWorkspace current,
            ComposerForm form,
            boolean draft,
            ComposerPage.@Nullable Editing editing,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash,
            Supplier<Post> saving) {
        ComposerErrors errors;
        if (!draft && "later".equals(form.when()) && form.scheduledAt().isBlank()) {
            errors = ComposerErrors.general("Choose the date and time to publish at, or choose “Publish now”.");
        } else {
            try {
                Post post = saving.get();
                herald.publishing.Repeat repeat = ComposerCommands.repeating(form);
                flash.addFlashAttribute(
                        "notice",
                        notice(post, draft, form, editing != null, time(current))
                                + (repeat.repeats() ? " It repeats " + repeat.words() + "." : ""));
                return "redirect:/w/" + current.workspace().slug() + "/posts/" + post.id();
            } catch (PostRejected e) {
                errors = ComposerErrors.of(e);
            } catch (InvalidInput | LimitReached | Conflict e) {
                errors = ComposerErrors.general(e.getMessage());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page.render(current, model, form, errors, editing);
    }

    private static ComposerPage.Editing editing(Post post) {
        return new ComposerPage.Editing(post.id().toString(), post.status().value());
    }

    private static WorkspaceTime time(CurrentWorkspace current) {
        return new WorkspaceTime(current.workspace().timezone());
    }

    private static String readOnly(Post post) {
        return "This post is " + post.status().value().replace('_', ' ')
                + "; only drafts and scheduled posts can be edited.";
    }

    private static String notice(Post post, boolean draft, ComposerForm form, boolean edited, WorkspaceTime time) {
        int n = post.targets().size();
        String accounts = n == 1 ? "1 account" : n + " accounts";
        if (post.status() == herald.publishing.PostStatus.PENDING_APPROVAL) {
            return edited
                    ? "Saved: it waits for approval (under Approvals) before anything is published."
                    : "Submitted for approval: an owner or admin approves it before it is published"
                            + (post.scheduledAt() == null ? "." : " (due " + time.local(post.scheduledAt()) + ").");
        }
        if ("queue".equals(form.when())) {
            return (draft
                            ? "Saved as a draft for the queue's next free slot, "
                            : "Added to the queue for " + accounts + ": it publishes ")
                    + time.local(post.scheduledAt()) + ".";
        }
        if (draft) {
            return "Saved as a draft. Nothing is published until you schedule it.";
        }
        if ("later".equals(form.when())) {
            return (edited ? "Saved. Scheduled for " : "Scheduled for ") + accounts + ".";
        }
        return "Publishing to " + accounts + " now.";
    }
}
