package herald.publishing;

import herald.assets.AssetId;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A post and its targets.
 *
 * @param scheduledAt when it is due; null for a draft without a time
 * @param timezone the IANA zone the author scheduled in, for showing the time as they meant it
 * @param provenance how and by whom it was created; null for posts older than provenance
 * @param tags the workspace's labels on it ({@link PostTags})
 * @param utm the UTM values its links get when it is published ({@link LinkTagging}), as the workspace's setting
 *     had them when the post was accepted or last edited; null when it does not tag its links
 * @param firstComment the comment Herald writes under each target once it is published, null for none
 * @param shortLinks whether its links are published as short links that count clicks ({@link ShortLinks}), as the
 *     workspace's setting was when it was created
 * @param thread the parts that follow its text on the accounts whose platform has threads, each a reply to the one
 *     before ({@link ThreadParts}); empty when it is a single post
 * @param threadMedia each part's media, side by side with {@code thread} (as long as it, empty lists for none)
 * @param language the language it is written in, when not the workspace's language of posts; null: the workspace's
 */
public record Post(
        WorkspaceId workspace,
        PostId id,
        String body,
        @Nullable String link,
        List<AssetId> media,
        PostStatus status,
        @Nullable Instant scheduledAt,
        @Nullable String timezone,
        List<Target> targets,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Provenance provenance,
        List<String> tags,
        @Nullable UtmValues utm,
        @Nullable String firstComment,
        boolean shortLinks,
        List<String> thread,
        List<List<AssetId>> threadMedia,
        @Nullable String language) {

    public Post {
        media = List.copyOf(media);
        targets = List.copyOf(targets);
        tags = List.copyOf(tags);
        thread = thread == null ? List.of() : List.copyOf(thread);
        List<List<AssetId>> given = threadMedia == null ? List.of() : threadMedia;
        threadMedia = java.util.stream.IntStream.range(0, thread.size())
                .mapToObj(i -> List.copyOf(ThreadContent.mediaOf(given, i)))
                .toList();
    }

    /** Its thread: the parts and their media. */
    public ThreadContent threadContent() {
        return new ThreadContent(thread, threadMedia);
    }

    /** Whether it goes out as a story on any of its accounts. */
    public boolean hasStories() {
        return targets.stream().anyMatch(Target::story);
    }

    /** Whether its links get UTM parameters when it is published. */
    public boolean tagLinks() {
        return utm != null;
    }

    /** When its last account published it, or null while none has. */
    public @Nullable Instant lastPublishedAt() {
        return targets.stream()
                .map(Target::publishedAt)
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }

    public Target target(TargetId id) {
        return targets.stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new herald.shared.NotFound("This post has no target " + id + "."));
    }
}
