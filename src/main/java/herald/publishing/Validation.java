package herald.publishing;

import herald.assets.Asset;
import herald.assets.AssetId;
import herald.assets.Assets;
import herald.connections.Connection;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.providers.ContentRules;
import herald.providers.Providers;
import herald.providers.PublishRequest;
import herald.providers.SocialProvider;
import herald.publishing.PostRejected.Violation;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.util.ArrayList;
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

    private final Connections connections;
    private final Providers providers;
    private final Assets assets;

    Validation(Connections connections, Providers providers, Assets assets) {
        this.connections = connections;
        this.providers = providers;
        this.assets = assets;
    }

    /** The targets as they will be stored. A draft only needs its connections and media to exist. */
    List<PostRows.NewTargetRow> check(
            WorkspaceId workspace,
            String body,
            @Nullable String link,
            List<AssetId> media,
            List<NewPost.NewTarget> targets,
            boolean draft) {
        List<Violation> violations = new ArrayList<>();
        if (link != null && !validLink(link)) {
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
        List<PostRows.NewTargetRow> rows = new ArrayList<>();
        var seen = new HashSet<ConnectionId>();
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
            rows.add(new PostRows.NewTargetRow(
                    TargetId.random(), account.id(), account.provider(), name, account.username(), target.body()));
            if (draft) {
                continue;
            }
            if (!account.active() || provider == null) {
                violations.add(new Violation(
                        field + ".connectionId",
                        account.id(),
                        "connection.inactive",
                        name + ": the account is "
                                + account.status().name().toLowerCase().replace('_', ' ')
                                + "; reconnect it or choose another."));
                continue;
            }
            String text = target.body() == null ? body : target.body();
            String textField = target.body() == null ? "body" : field + ".body";
            checkContent(provider.contentRules(), name, text, textField, link, found, account.id(), violations);
            List<PublishRequest.Media> described = found.values().stream()
                    .map(asset -> new PublishRequest.Media(
                            URI.create("asset:" + asset.id()),
                            asset.contentType(),
                            asset.type().kind().value(),
                            asset.sizeBytes(),
                            asset.altText()))
                    .toList();
            for (String problem : provider.contentProblems(
                    text, link == null || !validLink(link) ? null : URI.create(link), described)) {
                violations.add(new Violation(textField, account.id(), "platform.rule", name + ": " + problem));
            }
        }
        if (!violations.isEmpty()) {
            throw new PostRejected(violations);
        }
        return rows;
    }

    private static void checkContent(
            ContentRules rules,
            String name,
            String text,
            String field,
            @Nullable String link,
            Map<AssetId, Asset> media,
            ConnectionId connection,
            List<Violation> violations) {
        int length = rules.length(text);
        if (length > rules.maxTextLength()) {
            violations.add(new Violation(
                    field,
                    connection,
                    "text.length",
                    name + ": " + length + " of " + rules.maxTextLength() + " characters."));
        }
        if (text.isBlank() && media.isEmpty()) {
            violations.add(new Violation(field, connection, "text.empty", name + ": a post needs text or media."));
        }
        if (link != null && !rules.linkAllowed()) {
            violations.add(
                    new Violation("link", connection, "link.not_allowed", name + ": posts cannot carry a link."));
        }
        if (media.size() > rules.maxMedia()) {
            violations.add(new Violation(
                    "mediaIds",
                    connection,
                    "media.count",
                    name + ": " + media.size() + " media, at most " + rules.maxMedia() + "."));
        }
        for (Asset asset : media.values()) {
            String kind = asset.type().kind().value();
            if (!rules.mediaKinds().contains(kind)) {
                violations.add(new Violation(
                        "mediaIds",
                        connection,
                        "media.kind",
                        name + ": " + asset.filename() + " is a" + ("image".equals(kind) ? "n " : " ") + kind
                                + ", which it does not take."));
            } else if (asset.sizeBytes() > rules.maxMediaBytes()) {
                violations.add(new Violation(
                        "mediaIds",
                        connection,
                        "media.size",
                        name + ": " + asset.filename() + " is " + asset.sizeBytes() / 1024 + " KB, at most "
                                + rules.maxMediaBytes() / 1024 + " KB."));
            }
        }
    }

    private static boolean validLink(String link) {
        try {
            URI uri = URI.create(link);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
