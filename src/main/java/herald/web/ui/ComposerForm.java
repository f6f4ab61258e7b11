package herald.web.ui;

import herald.assets.AssetId;
import herald.connections.ConnectionId;
import herald.publishing.NewPost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The composer's fields as posted: the chosen accounts, one body and an optional body per account (field
 * {@code override-<connection>}), media, link, and when: {@code now} or {@code later} at a local date-time in the
 * workspace's zone.
 */
public record ComposerForm(
        String body,
        String link,
        List<String> accounts,
        Map<String, String> overrides,
        List<String> media,
        String when,
        String scheduledAt) {

    static ComposerForm empty() {
        return new ComposerForm("", "", List.of(), Map.of(), List.of(), "now", "");
    }

    static ComposerForm read(
            Map<String, String> params, @Nullable List<String> accounts, @Nullable List<String> media) {
        Map<String, String> overrides = new java.util.HashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("override-") && !value.isBlank()) {
                overrides.put(name.substring("override-".length()), value);
            }
        });
        return new ComposerForm(
                params.getOrDefault("body", ""),
                params.getOrDefault("link", ""),
                accounts == null ? List.of() : accounts,
                overrides,
                media == null ? List.of() : media,
                "later".equals(params.get("when")) ? "later" : "now",
                params.getOrDefault("scheduledAt", ""));
    }

    public boolean chosen(Object connection) {
        return accounts.contains(connection.toString());
    }

    public boolean picked(String asset) {
        return media.contains(asset);
    }

    public String override(Object connection) {
        return overrides.getOrDefault(connection.toString(), "");
    }

    NewPost toNewPost(String zone, boolean draft) {
        List<NewPost.NewTarget> targets = new ArrayList<>();
        for (String account : accounts) {
            String own = overrides.get(account);
            targets.add(new NewPost.NewTarget(new ConnectionId(uuid(account)), own));
        }
        String at = "later".equals(when) && !scheduledAt.isBlank() ? scheduledAt : null;
        return new NewPost(
                body,
                link.isBlank() ? null : link.strip(),
                media.stream().map(id -> new AssetId(uuid(id))).toList(),
                targets,
                at,
                at == null ? null : zone,
                draft);
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
