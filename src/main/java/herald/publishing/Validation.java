package herald.publishing;

import herald.assets.Asset;
import herald.assets.AssetId;
import herald.assets.Assets;
import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.publishing.PostRejected.Violation;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a post against the rules of every target's platform and collects every violation at once, each naming the
 * target and the rule, so a person fixes them all in one go.
 */
@Component
class Validation {

    /** The longest first comment Herald keeps, whatever the platforms take (V139); a thread's part too. */
    static final int MAX_COMMENT = 10_000;

    /** The most media a thread's part carries for Herald (V160), whatever its platforms take (X: 4 images). */
    static final int MAX_PART_MEDIA = 10;

    /** The most parts a thread has after the post's own text (V156): a thread of 25 posts, as X's composer allows. */
    static final int MAX_THREAD = 24;

    private final Connections connections;
    private final Providers providers;
    private final Assets assets;

    Validation(Connections connections, Providers providers, Assets assets) {
        this.connections = connections;
        this.providers = providers;
        this.assets = assets;
    }

    /**
     * The targets as they will be stored. A draft only needs its connections and media to exist. With {@code tagging},
     * each target's rules are checked on its text and link as tagged for its platform and account: tagging makes a
     * text longer everywhere but on X (which counts every link as 23 characters), and a post accepted untagged could
     * then be refused by LinkedIn or Instagram when it is published. A first comment must suit every target's
     * platform: one that takes comments, within its length for them and its rules for them, checked as tagged too.
     * With {@code shortening}, links are checked as the short links they are published as ({@link ShortLinks}). A
     * {@code thread}'s parts are checked, each as a post of its own, on the targets whose platform has threads (the
     * others publish the post alone), with their media ({@link ThreadChecks}); such a target takes no first comment,
     * which would answer the post beside the thread's second part. A target asked as a story is held to its
     * platform's rules for a story instead ({@link ContentCheck#story}): its text, link, thread and the post's first
     * comment are not published there.
     */
    List<TargetRows.NewTargetRow> check(
            WorkspaceId workspace,
            String body,
            @Nullable String link,
            List<AssetId> media,
            List<NewPost.NewTarget> targets,
            boolean draft,
            LinkTagging.@Nullable Plan tagging,
            ShortLinks.@Nullable Plan shortening,
            @Nullable String firstComment,
            ThreadContent content) {
        List<String> thread = content.parts();
        List<Violation> violations = new ArrayList<>();
        List<List<Asset>> partMedia = ThreadChecks.shape(assets, workspace, content, violations);
        if (link != null && ContentCheck.webLink(link).isEmpty()) {
            violations.add(new Violation("link", null, "link.invalid", "The link must be an http(s) URL."));
        }
        Map<AssetId, Asset> found = new LinkedHashMap<>();
        for (int i = 0; i < media.size(); i++) {
            AssetId id = media.get(i);
            Optional<Asset> asset = assets.find(workspace, id);
            if (asset.isEmpty()) {
                violations.add(new Violation(
                        "mediaIds[" + i + "]", null, "media.not_found", "The asset library has no asset " + id + "."));
            } else {
                found.put(id, asset.get());
            }
        }
        if (!draft && targets.isEmpty()) {
            violations.add(new Violation("targets", null, "targets.empty", "Choose at least one account to post to."));
        }
        List<TargetRows.NewTargetRow> rows = new ArrayList<>();
        var seen = new HashSet<ConnectionId>();
        boolean postCommentWeighed = false;
        for (int i = 0; i < targets.size(); i++) {
            NewPost.NewTarget target = targets.get(i);
            String field = "targets[" + i + "]";
            if (!seen.add(target.connection())) {
                violations.add(new Violation(
                        field + ".connectionId",
                        target.connection(),
                        "targets.duplicate",
                        "The account " + target.connection() + " is chosen twice."));
                continue;
            }
            Optional<Connection> connection = connections.find(workspace, target.connection());
            if (connection.isEmpty()) {
                violations.add(new Violation(
                        field + ".connectionId",
                        target.connection(),
                        "connection.not_found",
                        "This workspace has no connection " + target.connection() + "."));
                continue;
            }
            Connection account = connection.get();
            SocialProvider provider = providers.find(account.provider()).orElse(null);
            String name = (provider == null ? account.provider() : provider.displayName()) + " @" + account.username();
            // A story is its one medium alone: no thread answers it.
            boolean threaded = !thread.isEmpty() && provider != null && provider.takesThreads() && !target.story();
            rows.add(new TargetRows.NewTargetRow(
                    TargetId.random(),
                    account.id(),
                    account.provider(),
                    name,
                    account.username(),
                    target.body(),
                    target.firstComment(),
                    threaded ? Math.min(thread.size(), MAX_THREAD) : 0,
                    target.format(),
                    target.commentOff()));
            boolean weighed = !draft && account.active() && provider != null;
            if (!weighed && tooLong(target.firstComment())) {
                violations.add(new Violation(
                        field + ".firstComment",
                        account.id(),
                        "comment.length",
                        name + ": a first comment is at most 10,000 characters."));
            }
            if (target.story() && (provider == null || !provider.takesStories())) {
                violations.add(new Violation(
                        field + ".format",
                        account.id(),
                        "format.unsupported",
                        name + ": Herald cannot publish stories there; make it a post, or leave this account out."));
                continue;
            }
            if (draft) {
                continue;
            }
            if (!weighed) {
                violations.add(new Violation(
                        field + ".connectionId",
                        account.id(),
                        "connection.inactive",
                        name + ": the account " + account.status().state() + "; reconnect it or choose another."));
                continue;
            }
            if (target.story()) {
                violations.addAll(story(field, target, account, name, provider, found.values()));
                continue;
            }
            String text = target.body() == null ? body : target.body();
            String textField = target.body() == null ? "body" : field + ".body";
            String sent = link;
            if (tagging != null) {
                LinkTagging.Tagged tagged = tagging.apply(text, link, account.provider(), account.username());
                text = tagged.text();
                sent = tagged.link();
            }
            if (shortening != null) {
                text = shortening.text(text, account.provider());
                sent = shortening.link(sent, account.provider());
            }
            URI uri = sent == null ? null : ContentCheck.webLink(sent).orElse(null);
            for (ContentCheck.Problem problem : ContentCheck.check(
                            provider, account.externalId(), text, uri, found.values())
                    .problems()) {
                String where =
                        switch (problem.where()) {
                            case TEXT -> textField;
                            case LINK -> "link";
                            case MEDIA -> "mediaIds";
                        };
                violations.add(new Violation(where, account.id(), problem.code(), name + ": " + problem.message()));
            }
            // An account that asked for no first comment gets none, and none is checked for it.
            String comment =
                    target.commentOff() ? null : target.firstComment() != null ? target.firstComment() : firstComment;
            if (threaded) {
                if (comment != null) {
                    violations.add(new Violation(
                            target.firstComment() != null ? field + ".firstComment" : "firstComment",
                            account.id(),
                            "thread.comment",
                            name + ": a thread takes no first comment (it would answer the post beside the thread);"
                                    + " make it the thread's last part, or leave this account's comment out."));
                    comment = null;
                }
                violations.addAll(
                        ThreadChecks.onAccount(thread, partMedia, provider, account, name, tagging, shortening));
            }
            if (comment != null) {
                postCommentWeighed |= target.firstComment() == null && provider.takesComments();
                String commentField = target.firstComment() != null ? field + ".firstComment" : "firstComment";
                // Checked as it is written: tagged as the post's text is, for this platform and account.
                comment = ContentCheck.asSent(comment, tagging, shortening, account.provider(), account.username());
                for (ContentCheck.Problem problem : ContentCheck.comment(provider, account.externalId(), comment)) {
                    violations.add(
                            new Violation(commentField, account.id(), problem.code(), name + ": " + problem.message()));
                }
            }
        }
        if (!postCommentWeighed && tooLong(firstComment)) {
            violations.add(new Violation(
                    "firstComment", null, "comment.length", "A first comment is at most 10,000 characters."));
        }
        if (!violations.isEmpty()) {
            throw new PostRejected(violations);
        }
        return rows;
    }

    /**
     * Over the cap Herald keeps. A comment that goes through {@link ContentCheck#comment} is not checked here: that
     * check names the account with the comment's length and the platform's limit, which is never above this cap, so a
     * comment too long for Herald is reported once, in the words that say how short it must be.
     */
    /**
     * A story's problems: its one medium on the platform's rules ({@link ContentCheck#story}); a first comment of its
     * own is {@code story.comment} (the post's first comment goes to its other accounts only).
     */
    private static List<Violation> story(
            String field,
            NewPost.NewTarget target,
            Connection account,
            String name,
            SocialProvider provider,
            Collection<Asset> media) {
        List<Violation> violations = new ArrayList<>();
        for (ContentCheck.Problem problem : ContentCheck.story(provider, account.externalId(), media)) {
            violations.add(new Violation("mediaIds", account.id(), problem.code(), name + ": " + problem.message()));
        }
        if (target.firstComment() != null) {
            violations.add(new Violation(
                    field + ".firstComment",
                    account.id(),
                    "story.comment",
                    name + ": a story takes no first comment; leave this account's comment out."));
        }
        return violations;
    }

    private static boolean tooLong(@Nullable String comment) {
        return comment != null && comment.length() > MAX_COMMENT;
    }
}
