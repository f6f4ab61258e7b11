package herald.web.ui;

import herald.assets.Asset;
import herald.assets.AssetId;
import herald.assets.AssetQuery;
import herald.assets.Assets;
import herald.assets.Folders;
import herald.assets.MediaLinks;
import herald.audit.AuditContext;
import herald.connections.Connection;
import herald.connections.Connections;
import herald.content.Personas;
import herald.content.Tone;
import herald.providers.ContentRules;
import herald.providers.SocialProvider;
import herald.publishing.PostApprovals;
import herald.publishing.PostId;
import herald.publishing.PostTags;
import herald.publishing.PostingSchedule;
import herald.publishing.WorkspaceLinkTagging;
import herald.tenancy.ApprovalRule;
import herald.web.CurrentWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the composer shows: the active accounts grouped by platform with each platform's content rules (which
 * composer.js reads from data attributes to count and warn as the person types), the recent assets for the media
 * picker, and the folders a quick upload may go to.
 */
@Component
class ComposerPage {

    private static final int PICKER_SIZE = 48;

    private final Connections connections;
    private final Assets assets;
    private final Folders folders;
    private final MediaLinks links;
    private final Personas personas;
    private final PostingSchedule schedule;

    private final PostTags tags;
    private final herald.content.Snippets snippets;
    private final WorkspaceLinkTagging linkTagging;

    private final ApprovalRule approvals;
    private final PostApprovals decisions;
    private final herald.tenancy.WorkspaceRules workspaceRules;

    ComposerPage(
            Connections connections,
            Assets assets,
            Folders folders,
            MediaLinks links,
            Personas personas,
            PostingSchedule schedule,
            PostTags tags,
            herald.content.Snippets snippets,
            WorkspaceLinkTagging linkTagging,
            ApprovalRule approvals,
            PostApprovals decisions,
            herald.tenancy.WorkspaceRules workspaceRules) {
        this.workspaceRules = workspaceRules;
        this.approvals = approvals;
        this.decisions = decisions;
        this.linkTagging = linkTagging;
        this.tags = tags;
        this.snippets = snippets;
        this.connections = connections;
        this.assets = assets;
        this.folders = folders;
        this.links = links;
        this.personas = personas;
        this.schedule = schedule;
    }

    public record Platform(
            String id,
            String name,
            ContentRules rules,
            List<Connection> accounts,
            boolean threads,
            boolean stories,
            boolean language) {

        public String mediaKinds() {
            return String.join(" ", rules.mediaKinds());
        }

        /**
         * How composer.js may count while the server check is on its way: {@code code-points} when the platform
         * counts as a browser can, {@code platform} when only the server knows (X's weighted count).
         */
        public String counting() {
            return rules.counter() == ContentRules.CODE_POINTS ? "code-points" : "platform";
        }
    }

    /** A saved post being edited: which one, and its status (drafts and scheduled posts only). */
    public record Editing(String id, String status) {}

    public record Medium(String id, String filename, String kind, long sizeBytes, String thumbnailUrl) {}

    String render(CurrentWorkspace current, Model model, ComposerForm form, ComposerErrors errors) {
        return render(current, model, form, errors, null);
    }

    String render(
            CurrentWorkspace current,
            Model model,
            ComposerForm form,
            ComposerErrors errors,
            @org.jspecify.annotations.Nullable Editing editing) {
        String base = "/w/" + current.workspace().slug();
        model.addAttribute("section", editing == null ? "compose" : "posts");
        model.addAttribute("editing", editing);
        // A draft a decider sent back: their note, in sight while the author changes it.
        model.addAttribute(
                "sentBack",
                editing != null && "draft".equals(editing.status())
                        ? decisions
                                .sentBack(current.id(), new PostId(java.util.UUID.fromString(editing.id())))
                                .orElse(null)
                        : null);
        model.addAttribute("repeats", herald.publishing.Repeat.Every.values());
        // The workspace's approval workflow holds what this member schedules: the buttons say so.
        model.addAttribute("needsApproval", approvals.needsApproval(current.id(), AuditContext.actor()));
        model.addAttribute(
                "queueNext",
                editing == null
                        ? schedule.nextFree(current.id(), List.of(), 1).stream()
                                .findFirst()
                                .orElse(null)
                        : null);
        model.addAttribute(
                "formAction", editing == null ? base + "/compose" : base + "/posts/" + editing.id() + "/edit");
        model.addAttribute("checkUrl", base + "/compose/check");
        model.addAttribute("linkCardUrl", base + "/compose/link-card");
        List<Platform> platforms = platforms(current, form);
        model.addAttribute("platforms", platforms);
        // Asked only when an account's platform is told it; a post's own language is kept either way.
        model.addAttribute("languageAsked", platforms.stream().anyMatch(Platform::language));
        model.addAttribute("media", media(current, form));
        model.addAttribute("folders", folders.all(current.id()));
        model.addAttribute("form", form);
        model.addAttribute("snippets", snippets.all(current.id()));
        model.addAttribute(
                "tagSuggestions",
                tags.all(current.id()).stream()
                        .map(PostTags.Count::tag)
                        .limit(100)
                        .toList());
        model.addAttribute("errors", errors);
        model.addAttribute("utm", linkTagging.get(current.id()).values().describe());
        // Whether the workspace shortens new posts' links: their box starts ticked, and the hint says so.
        model.addAttribute("workspaceShortens", workspaceRules.shortensLinks(current.id()));
        model.addAttribute(
                "workspaceLanguage",
                workspaceRules
                        .postLanguage(current.id())
                        .map(PostLanguages::name)
                        .orElse(null));
        model.addAttribute("postLanguages", PostLanguages.including(form.language()));
        model.addAttribute("zone", current.workspace().timezone().getId());
        // The caption generator (CaptionGeneratorController): its personas, tones and post types.
        model.addAttribute("captionsUrl", base + "/compose/captions");
        model.addAttribute("personas", personas.all(current.id()));
        model.addAttribute("tones", Tone.names());
        model.addAttribute("postTypes", CaptionGeneratorController.POST_TYPES);
        return "posts/compose";
    }

    /** The active accounts, and any inactive one the post being edited already has (so it is not dropped unseen). */
    private List<Platform> platforms(CurrentWorkspace current, ComposerForm form) {
        List<Platform> platforms = new ArrayList<>();
        List<Connection> active = connections.list(current.id()).stream()
                .filter(c -> c.active() || form.chosen(c.id().value()))
                .toList();
        for (SocialProvider provider : connections.providers()) {
            var accounts = active.stream()
                    .filter(c -> c.provider().equals(provider.id()))
                    .toList();
            if (!accounts.isEmpty()) {
                platforms.add(new Platform(
                        provider.id(),
                        provider.displayName(),
                        provider.contentRules(),
                        accounts,
                        provider.takesThreads(),
                        provider.takesStories(),
                        provider.takesLanguage()));
            }
        }
        return platforms;
    }

    /** The most recent assets, and the ones the form has picked even when they are older. */
    private List<Medium> media(CurrentWorkspace current, ComposerForm form) {
        List<Asset> shown = new ArrayList<>(assets.search(current.id(), AssetQuery.all(PICKER_SIZE)));
        List<String> chosen = new ArrayList<>(form.media());
        chosen.addAll(form.thread().allMedia());
        for (String picked : chosen) {
            boolean listed = shown.stream().anyMatch(a -> a.id().toString().equals(picked));
            if (!listed) {
                parse(picked).flatMap(id -> assets.find(current.id(), id)).ifPresent(a -> shown.add(0, a));
            }
        }
        return shown.stream()
                .map(a -> new Medium(
                        a.id().toString(),
                        a.filename(),
                        a.type().kind().value(),
                        a.sizeBytes(),
                        links.pageLinks(current.id(), a).thumbnailUrl().toString()))
                .toList();
    }

    private static Optional<AssetId> parse(String id) {
        try {
            return Optional.of(new AssetId(java.util.UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<String> first(Map<String, List<String>> errors, String key) {
        return Optional.ofNullable(errors.get(key)).flatMap(l -> l.stream().findFirst());
    }
}
