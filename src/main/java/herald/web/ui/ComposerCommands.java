package herald.web.ui;

import herald.assets.AssetId;
import herald.connections.ConnectionId;
import herald.providers.PostFormat;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.PostChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a {@link ComposerForm} asks publishing for: a new post, or the edit of a saved one, and how the post repeats.
 * A field that names nothing real, or a repeat that is not one, is refused as {@link herald.shared.InvalidInput}.
 */
final class ComposerCommands {

    private ComposerCommands() {}

    static NewPost toNewPost(ComposerForm form, String zone, boolean draft) {
        List<NewPost.NewTarget> targets = new ArrayList<>();
        for (String account : form.accounts()) {
            String own = form.overrides().get(account);
            targets.add(new NewPost.NewTarget(
                    new ConnectionId(uuid(account)),
                    own,
                    form.comments().get(account),
                    form.stories().contains(account) ? PostFormat.STORY : PostFormat.POST,
                    form.noComments().contains(account)));
        }
        String at = "later".equals(form.when()) && !form.scheduledAt().isBlank() ? form.scheduledAt() : null;
        if ("queue".equals(form.when())) {
            at = NewPost.QUEUE;
        }
        return new NewPost(
                form.body(),
                form.link().isBlank() ? null : form.link().strip(),
                form.media().stream().map(id -> new AssetId(uuid(id))).toList(),
                targets,
                at,
                at == null || NewPost.QUEUE.equals(at) ? null : zone,
                draft,
                List.of(form.tags().split(",")),
                form.tagLinks(),
                form.firstComment(),
                repeating(form),
                form.shortenLinks(),
                form.thread().content().parts(),
                form.thread().content().media(),
                form.language());
    }

    /**
     * How the form asks the post to repeat: {@link herald.publishing.Repeat#NEVER} when it does not.
     *
     * @throws herald.shared.InvalidInput for an interval or a last day that is not one
     */
    static herald.publishing.Repeat repeating(ComposerForm form) {
        if (form.repeat().isBlank()) {
            return herald.publishing.Repeat.NEVER;
        }
        java.time.LocalDate until = null;
        if (!form.repeatUntil().isBlank()) {
            try {
                until = java.time.LocalDate.parse(form.repeatUntil());
            } catch (java.time.format.DateTimeParseException e) {
                throw new herald.shared.InvalidInput(
                        "repeatUntil", "Choose the last day as a date, or leave it empty.");
            }
        }
        return new herald.publishing.Repeat(herald.publishing.Repeat.Every.of(form.repeat()), until);
    }

    /**
     * The edit of {@code current} this form asks for. An unchanged time stays exactly as it was (seconds and zone
     * included); "publish now" on a post that had a time moves it to {@code soon}.
     */
    static PostChanges toChanges(
            ComposerForm form, Post current, WorkspaceTime time, String zone, boolean draft, java.time.Instant soon) {
        NewPost post = toNewPost(form, zone, draft);
        String at;
        if ("later".equals(form.when())) {
            at = form.scheduledAt().equals(time.field(current.scheduledAt())) ? null : form.scheduledAt();
        } else {
            at = current.scheduledAt() == null || draft ? null : soon.toString();
        }
        return new PostChanges(
                post.body(),
                form.link().strip(),
                post.media(),
                post.targets(),
                at,
                at == null || !"later".equals(form.when()) ? null : zone,
                draft,
                form.tagLinks(),
                // Blank removes it: the field is always sent.
                form.firstComment().strip(),
                repeating(form),
                form.shortenLinks(),
                post.thread(),
                post.threadMedia(),
                // Blank goes back to the workspace's language: the field is always sent.
                form.language());
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new herald.shared.InvalidInput(
                    "accounts", "The form named something that does not exist: reload it.");
        }
    }
}
