package herald.web.api.posts;

import herald.assets.Asset;
import herald.assets.AssetId;
import herald.assets.Assets;
import herald.connections.Connection;
import herald.connections.Connections;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.publishing.ContentCheck;
import herald.publishing.LinkTagging;
import herald.publishing.NewPost;
import herald.publishing.PostId;
import herald.publishing.ShortLinks;
import herald.publishing.ThreadContent;
import herald.publishing.WorkspaceLinkTagging;
import herald.shared.WorkspaceId;
import herald.tenancy.WorkspaceRules;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A draft checked against each chosen account's platform while it is written: the length as that platform counts it
 * (X's weighted count, not the characters a browser sees), its limit, and the problems that would refuse it. Saves
 * nothing; creating the post checks everything again. Used by the composer (as the person types) and the API.
 */
@Component
public class PostCheck {

    private final Connections connections;
    private final Providers providers;
    private final Assets assets;
    private final WorkspaceLinkTagging linkTagging;
    private final ShortLinks shortLinks;
    private final WorkspaceRules workspaceRules;

    PostCheck(
            Connections connections,
            Providers providers,
            Assets assets,
            WorkspaceLinkTagging linkTagging,
            ShortLinks shortLinks,
            WorkspaceRules workspaceRules) {
        this.shortLinks = shortLinks;
        this.workspaceRules = workspaceRules;
        this.connections = connections;
        this.providers = providers;
        this.assets = assets;
        this.linkTagging = linkTagging;
    }

    @Schema(name = "PostCheck")
    public record Result(
            @Schema(description = "Problems of the post as a whole (its link, its media).") List<String> problems,
            List<TargetResult> targets) {

        public boolean ok() {
            return problems.isEmpty()
                    && targets.stream().allMatch(t -> t.problems().isEmpty());
        }
    }

    @Schema(name = "PostTargetCheck")
    public record TargetResult(
            UUID connectionId,
            @Schema(description = "The account, e.g. Sandbox @krusty.") String account,
            String provider,
            @Schema(description = "The text's length as the platform counts it.") int length,
            @Schema(description = "The longest text the platform takes, counted the same way.") int limit,
            @Schema(description = "What the platform would refuse, in plain words; empty when it is fine.")
                    List<String> problems,
            @Schema(
                            description = "The text as this platform gets it when the post tags its links (UTM"
                                    + " parameters, {date} as today); null when it does not.",
                            nullable = true)
                    @Nullable
                    String taggedText,
            @Schema(description = "The link field as this platform gets it, tagged; null when untagged or absent.")
                    @Nullable
                    String taggedLink,
            @Schema(
                            description = "The first comment as this platform gets it when the post tags its links;"
                                    + " null when it does not, or without a first comment.",
                            nullable = true)
                    @Nullable
                    String taggedFirstComment) {}

    /**
     * Checks the post for each of {@code targets}; accounts the workspace does not have are left out. With its links
     * tagged ({@code tagLinks}, or the workspace's default when null), or shortened ({@code shortenLinks}, the same),
     * each target is checked as it will be sent. A first comment is checked against each platform's rules for comments, tagged as well when the post is.
     */
    public Result check(
            WorkspaceId workspace,
            String body,
            @Nullable String link,
            List<AssetId> media,
            List<NewPost.NewTarget> targets,
            @Nullable Boolean tagLinks,
            @Nullable Boolean shortenLinks,
            @Nullable String firstComment,
            ThreadContent thread) {
        List<String> problems = new ArrayList<>();
        String cleanLink = link == null || link.isBlank() ? null : link.strip();
        URI uri = cleanLink == null ? null : ContentCheck.webLink(cleanLink).orElse(null);
        if (cleanLink != null && uri == null) {
            problems.add("The link must be an http(s) URL.");
        }
        List<Asset> found = new ArrayList<>();
        for (AssetId id : media) {
            assets.find(workspace, id).ifPresentOrElse(found::add, () -> problems.add("A chosen medium is gone."));
        }
        List<List<Asset>> partMedia = new ArrayList<>();
        for (int p = 0; p < thread.parts().size(); p++) {
            List<Asset> part = new ArrayList<>();
            int number = p + 2;
            for (AssetId id : thread.media().get(p)) {
                assets.find(workspace, id)
                        .ifPresentOrElse(
                                part::add,
                                () -> problems.add("A medium chosen for part " + number + " of the thread is gone."));
            }
            partMedia.add(part);
        }
        List<TargetResult> results = new ArrayList<>();
        var tagging = linkTagging.plan(workspace, tagLinks, PostId.random(), Instant.now());
        var shortening = shortLinks.plan(shortenLinks != null ? shortenLinks : workspaceRules.shortensLinks(workspace));
        var seen = new HashSet<>();
        for (NewPost.NewTarget target : targets) {
            if (!seen.add(target.connection())) {
                continue;
            }
            connections
                    .find(workspace, target.connection())
                    .ifPresent(account -> results.add(checkTarget(
                            account,
                            target,
                            body,
                            cleanLink,
                            uri,
                            found,
                            tagging,
                            shortening,
                            firstComment,
                            thread.parts(),
                            partMedia)));
        }
        return new Result(List.copyOf(problems), List.copyOf(results));
    }

    private TargetResult checkTarget(
            Connection account,
            NewPost.NewTarget target,
            String body,
            @Nullable String link,
            @Nullable URI uri,
            List<Asset> media,
            LinkTagging.@Nullable Plan tagging,
            ShortLinks.@Nullable Plan shortening,
            @Nullable String firstComment,
            List<String> thread,
            List<List<Asset>> partMedia) {
        SocialProvider provider = providers.find(account.provider()).orElse(null);
        String name = (provider == null ? account.provider() : provider.displayName()) + " @" + account.username();
        String text = target.body() == null ? body : target.body();
        LinkTagging.Tagged tagged = null;
        if (tagging != null) {
            tagged = tagging.apply(text, uri == null ? null : link, account.provider(), account.username());
            text = tagged.text();
            uri = tagged.link() == null ? null : URI.create(tagged.link());
        }
        if (shortening != null) {
            // Counted as published: each link as long as the short link it becomes.
            text = shortening.text(text, account.provider());
            String shortened = shortening.link(uri == null ? null : uri.toString(), account.provider());
            uri = shortened == null ? null : URI.create(shortened);
        }
        if (provider == null) {
            return new TargetResult(
                    account.id().value(),
                    name,
                    account.provider(),
                    text.codePointCount(0, text.length()),
                    0,
                    List.of("Herald no longer supports this platform."),
                    null,
                    null,
                    null);
        }
        if (target.story()) {
            return story(account, target, name, provider, media);
        }
        ContentCheck.Result checked = ContentCheck.check(provider, account.externalId(), text, uri, media);
        List<String> problems = new ArrayList<>();
        if (!account.active()) {
            problems.add("The account " + account.status().state() + "; reconnect it or choose another.");
        }
        for (ContentCheck.Problem problem : checked.problems()) {
            if (problem.code().equals("text.length")) {
                int over = checked.length() - checked.limit();
                problems.add(over + (over == 1 ? " character" : " characters") + " too long.");
            } else {
                problems.add(problem.message());
            }
        }
        String comment =
                target.commentOff() ? null : target.firstComment() != null ? target.firstComment() : firstComment;
        if (!thread.isEmpty() && provider.takesThreads()) {
            if (comment != null) {
                problems.add("A thread takes no first comment here; make it the thread's last part.");
                comment = null;
            }
            for (int p = 0; p < thread.size(); p++) {
                String part =
                        ContentCheck.asSent(thread.get(p), tagging, shortening, account.provider(), account.username());
                for (ContentCheck.Problem problem :
                        ContentCheck.threadPart(provider, account.externalId(), part, p + 2, partMedia.get(p))) {
                    String message = problem.message();
                    problems.add(Character.toUpperCase(message.charAt(0)) + message.substring(1));
                }
            }
        }
        if (comment != null && tagging != null) {
            comment = tagging.apply(comment, null, account.provider(), account.username())
                    .text();
        }
        String checkedComment =
                comment == null || shortening == null ? comment : shortening.text(comment, account.provider());
        if (checkedComment != null) {
            for (ContentCheck.Problem problem : ContentCheck.comment(provider, account.externalId(), checkedComment)) {
                String message = problem.message();
                problems.add(Character.toUpperCase(message.charAt(0)) + message.substring(1));
            }
        }
        return new TargetResult(
                account.id().value(),
                name,
                account.provider(),
                checked.length(),
                checked.limit(),
                List.copyOf(problems),
                tagged == null ? null : tagged.text(),
                tagged == null ? null : tagged.link(),
                tagged == null ? null : comment);
    }

    /** A story: its one medium on the platform's rules; no text is published, so none is counted. */
    private static TargetResult story(
            Connection account, NewPost.NewTarget target, String name, SocialProvider provider, List<Asset> media) {
        List<String> problems = new ArrayList<>();
        if (!account.active()) {
            problems.add("The account " + account.status().state() + "; reconnect it or choose another.");
        }
        if (!provider.takesStories()) {
            problems.add("Herald cannot publish stories on " + provider.displayName() + "; make it a post.");
        } else {
            for (ContentCheck.Problem problem : ContentCheck.story(provider, account.externalId(), media)) {
                String message = problem.message();
                problems.add(Character.toUpperCase(message.charAt(0)) + message.substring(1));
            }
        }
        if (target.firstComment() != null) {
            problems.add("A story takes no first comment; leave this account's comment out.");
        }
        return new TargetResult(
                account.id().value(), name, account.provider(), 0, 0, List.copyOf(problems), null, null, null);
    }
}
