package herald.agents;

import herald.shared.InvalidInput;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a grant lets an agent do with one connected account. */
public enum Capability {
    /** Publish a post now. */
    POST_CREATE,
    /** Publish a post at a later time. */
    POST_SCHEDULE,
    /** Read the posts it created on the account and their status. */
    POST_READ,
    /** Read the account's post metrics. */
    ANALYTICS_READ,
    /** List and read the workspace's media library (for posts on this account). */
    ASSET_READ,
    /** Upload media to the library. */
    ASSET_UPLOAD,
    /** Have captions written by Herald's AI for this account. */
    CAPTION_GENERATE,
    /** Read the comments people write under the account's posts, from the inbox. */
    COMMENT_READ,
    /** Answer those comments as the account, or mark them done (nothing to answer) and open them again. */
    COMMENT_REPLY;

    public static Capability of(String value) {
        for (Capability capability : values()) {
            if (capability.name().equalsIgnoreCase(value)) {
                return capability;
            }
        }
        throw new InvalidInput(
                "capabilities",
                "Unknown capability '" + value + "': use one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }
}
