package herald.providers;

import java.util.Locale;

/**
 * How a target goes out on its account: a post in the feed, or a story (one image or video, no caption, gone from the
 * profile after 24 hours) on a platform that takes stories ({@link SocialProvider#takesStories()}).
 */
public enum PostFormat {
    POST,
    STORY;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a value names; {@code post} for null or blank. */
    public static PostFormat of(String value) {
        if (value == null || value.isBlank()) {
            return POST;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "post" -> POST;
            case "story" -> STORY;
            default -> throw new IllegalArgumentException("No post format " + value + "; post or story.");
        };
    }
}
