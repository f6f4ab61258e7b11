package herald.web.ui;

import herald.assets.AssetQuery;
import herald.assets.Assets;
import herald.assets.Folders;
import herald.assets.MediaLinks;
import herald.connections.Connection;
import herald.connections.Connections;
import herald.providers.ContentRules;
import herald.providers.SocialProvider;
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

    ComposerPage(Connections connections, Assets assets, Folders folders, MediaLinks links) {
        this.connections = connections;
        this.assets = assets;
        this.folders = folders;
        this.links = links;
    }

    public record Platform(String id, String name, ContentRules rules, List<Connection> accounts) {

        public String mediaKinds() {
            return String.join(" ", rules.mediaKinds());
        }
    }

    public record Medium(String id, String filename, String kind, long sizeBytes, String thumbnailUrl) {}

    String render(CurrentWorkspace current, Model model, ComposerForm form, ComposerErrors errors) {
        model.addAttribute("section", "compose");
        model.addAttribute("platforms", platforms(current));
        model.addAttribute("media", media(current));
        model.addAttribute("folders", folders.all(current.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", current.workspace().timezone().getId());
        return "posts/compose";
    }

    private List<Platform> platforms(CurrentWorkspace current) {
        List<Platform> platforms = new ArrayList<>();
        List<Connection> active = connections.list(current.id()).stream()
                .filter(Connection::active)
                .toList();
        for (SocialProvider provider : connections.providers()) {
            var accounts = active.stream()
                    .filter(c -> c.provider().equals(provider.id()))
                    .toList();
            if (!accounts.isEmpty()) {
                platforms.add(new Platform(provider.id(), provider.displayName(), provider.contentRules(), accounts));
            }
        }
        return platforms;
    }

    private List<Medium> media(CurrentWorkspace current) {
        return assets.search(current.id(), AssetQuery.all(PICKER_SIZE)).stream()
                .map(a -> new Medium(
                        a.id().toString(),
                        a.filename(),
                        a.type().kind().value(),
                        a.sizeBytes(),
                        links.pageLinks(current.id(), a).thumbnailUrl().toString()))
                .toList();
    }

    static Optional<String> first(Map<String, List<String>> errors, String key) {
        return Optional.ofNullable(errors.get(key)).flatMap(l -> l.stream().findFirst());
    }
}
