package herald.publishing;

import herald.assets.AssetId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An edit of a post that has not started publishing. A null field stays as it is; {@code targets} replaces them all.
 * {@code draft = false} schedules a draft (validating it); {@code draft = true} takes a scheduled post back to draft.
 */
public record PostChanges(
        @Nullable String body,
        @Nullable String link,
        @Nullable List<AssetId> media,
        @Nullable List<NewPost.NewTarget> targets,
        @Nullable String scheduledAt,
        @Nullable String timezone,
        @Nullable Boolean draft) {}
