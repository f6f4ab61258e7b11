package herald.web.ui;

import herald.assets.AssetId;
import herald.publishing.Post;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The composer's fields as posted: the chosen accounts, one body and an optional body per account (field
 * {@code override-<connection>}), media, link, and when: {@code now}, {@code later} at a local date-time in the
 * workspace's zone, or {@code queue}, the next free slot of the posting schedule (new posts only); tags,
 * separated by commas; whether its links get the workspace's UTM parameters, and whether they are published as short
 * links that count clicks (an unticked box sends nothing); and its
 * first comment, written under the post on each account once it is published, with an optional one per account
 * (field {@code comment-<connection>}); how it repeats ({@code repeat}: empty for not at all, or an interval such as
 * {@code week}) and until which day ({@code repeatUntil}, optional). {@link ComposerCommands} turns it into what
 * publishing takes.
 */
public record ComposerForm(
        String body,
        String link,
        List<String> accounts,
        Map<String, String> overrides,
        List<String> media,
        String when,
        String scheduledAt,
        String tags,
        boolean tagLinks,
        boolean shortenLinks,
        String firstComment,
        Map<String, String> comments,
        String repeat,
        String repeatUntil,
        ComposerThread thread,
        Set<String> stories,
        Set<String> noComments,
        String language) {

    public ComposerForm {
        thread = thread == null ? ComposerThread.NONE : thread;
        language = language == null ? "" : language.strip();
        stories = stories == null ? Set.of() : Set.copyOf(stories);
        noComments = noComments == null ? Set.of() : Set.copyOf(noComments);
    }

    /**
     * A new post for {@code at} (a local date-time such as {@code 2026-12-04T09:00}; ignored unless it is one) on
     * {@code account}, when given: what the queue's "Add post" on an open slot opens. Its links are tagged when the
     * workspace tags them by default ({@code tagLinks}), and shortened when it shortens them ({@code shortenLinks}).
     */
    static ComposerForm startingWith(
            @Nullable String at, @Nullable UUID account, boolean tagLinks, boolean shortenLinks) {
        String time = "";
        if (at != null) {
            try {
                time = java.time.LocalDateTime.parse(at.strip())
                        .withSecond(0)
                        .withNano(0)
                        .toString();
            } catch (java.time.format.DateTimeParseException e) {
                time = "";
            }
        }
        return new ComposerForm(
                "",
                "",
                account == null ? List.of() : List.of(account.toString()),
                Map.of(),
                List.of(),
                time.isEmpty() ? "now" : "later",
                time,
                "",
                tagLinks,
                shortenLinks,
                "",
                Map.of(),
                "",
                "",
                ComposerThread.NONE,
                Set.of(),
                Set.of(),
                "");
    }

    /** A saved post as the composer shows it for editing, its time in the workspace's zone. */
    static ComposerForm of(Post post, WorkspaceTime time) {
        return of(post, time, herald.publishing.Repeat.NEVER);
    }

    /** A saved post that repeats as {@code repeat} says, as the composer shows it for editing. */
    static ComposerForm of(Post post, WorkspaceTime time, herald.publishing.Repeat repeat) {
        Map<String, String> overrides = new java.util.HashMap<>();
        post.targets().stream()
                .filter(t -> t.body() != null)
                .forEach(t -> overrides.put(t.connection().value().toString(), t.body()));
        Map<String, String> comments = new java.util.HashMap<>();
        post.targets().stream()
                .filter(t -> t.firstComment() != null)
                .forEach(t -> comments.put(t.connection().value().toString(), t.firstComment()));
        return new ComposerForm(
                post.body(),
                post.link() == null ? "" : post.link(),
                post.targets().stream()
                        .map(t -> t.connection().value().toString())
                        .toList(),
                overrides,
                post.media().stream().map(AssetId::toString).toList(),
                post.scheduledAt() == null ? "now" : "later",
                time.field(post.scheduledAt()),
                String.join(", ", post.tags()),
                post.tagLinks(),
                post.shortLinks(),
                post.firstComment() == null ? "" : post.firstComment(),
                comments,
                repeat.every() == null ? "" : repeat.every().value(),
                repeat.until() == null ? "" : repeat.until().toString(),
                ComposerThread.of(post.threadContent()),
                post.targets().stream()
                        .filter(herald.publishing.Target::story)
                        .map(t -> t.connection().value().toString())
                        .collect(java.util.stream.Collectors.toSet()),
                post.targets().stream()
                        .filter(herald.publishing.Target::commentOff)
                        .map(t -> t.connection().value().toString())
                        .collect(java.util.stream.Collectors.toSet()),
                post.language() == null ? "" : post.language());
    }

    /**
     * Another post's content as the start of a new one: its text, per-account texts, accounts, media and link, with
     * its links tagged and shortened as they were, to be published now unless a time is chosen.
     */
    static ComposerForm copyOf(Post post) {
        ComposerForm copy = of(post, WorkspaceTime.utc());
        return new ComposerForm(
                copy.body(),
                copy.link(),
                copy.accounts(),
                copy.overrides(),
                copy.media(),
                "now",
                "",
                copy.tags(),
                copy.tagLinks(),
                copy.shortenLinks(),
                copy.firstComment(),
                copy.comments(),
                "",
                "",
                copy.thread(),
                copy.stories(),
                copy.noComments(),
                copy.language());
    }

    static ComposerForm read(
            Map<String, String> params, @Nullable List<String> accounts, @Nullable List<String> media) {
        return read(params, accounts, media, null, null);
    }

    /**
     * The form as posted, {@code thread} its parts and {@code threadMedia} their media's boxes (fields that repeat, so
     * not in {@code params}; {@link ComposerThread#read}).
     */
    static ComposerForm read(
            Map<String, String> params,
            @Nullable List<String> accounts,
            @Nullable List<String> media,
            @Nullable List<String> thread,
            @Nullable List<String> threadMedia) {
        Map<String, String> overrides = prefixed(params, "override-");
        Map<String, String> comments = prefixed(params, "comment-");
        return new ComposerForm(
                params.getOrDefault("body", ""),
                params.getOrDefault("link", ""),
                accounts == null ? List.of() : accounts,
                overrides,
                media == null ? List.of() : media,
                switch (params.getOrDefault("when", "now")) {
                    case "later" -> "later";
                    case "queue" -> "queue";
                    default -> "now";
                },
                params.getOrDefault("scheduledAt", ""),
                params.getOrDefault("tags", ""),
                "true".equals(params.get("tagLinks")),
                "true".equals(params.get("shortenLinks")),
                params.getOrDefault("firstComment", ""),
                comments,
                params.getOrDefault("repeat", "").strip(),
                params.getOrDefault("repeatUntil", "").strip(),
                ComposerThread.read(thread, threadMedia),
                prefixed(params, "format-").entrySet().stream()
                        .filter(format -> format.getValue().equals("story"))
                        .map(Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toSet()),
                prefixed(params, "nocomment-").entrySet().stream()
                        .filter(off -> off.getValue().equals("true"))
                        .map(Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toSet()),
                params.getOrDefault("language", ""));
    }

    /** The non-blank fields named {@code prefix<connection>}, by connection. */
    private static Map<String, String> prefixed(Map<String, String> params, String prefix) {
        Map<String, String> found = new java.util.HashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(prefix) && !value.isBlank()) {
                found.put(name.substring(prefix.length()), value);
            }
        });
        return found;
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

    /** The account's own first comment as typed, empty for the post's. */
    /** Whether the account gets the post as a story (field {@code format-<connection>}). */
    public boolean story(Object connection) {
        return stories.contains(connection.toString());
    }

    public String comment(Object connection) {
        return comments.getOrDefault(connection.toString(), "");
    }

    /** Whether the account is to get no first comment although the post has one. */
    public boolean noComment(Object connection) {
        return noComments.contains(connection.toString());
    }

    /** Whether any account has text or a first comment of its own (the per-account fields then start open). */
    public boolean ownTexts() {
        return !overrides.isEmpty() || !comments.isEmpty() || !noComments.isEmpty();
    }
}
