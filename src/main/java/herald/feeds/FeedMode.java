package herald.feeds;

import herald.shared.InvalidInput;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a feed's new items become: drafts for a person to review, or posts in the posting schedule's next free slots. */
public enum FeedMode {
    DRAFT,
    QUEUE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidInput on {@code mode} unless it is {@code draft} or {@code queue} */
    public static FeedMode of(@Nullable String value) {
        if (value != null) {
            for (FeedMode mode : values()) {
                if (mode.value().equalsIgnoreCase(value.strip())) {
                    return mode;
                }
            }
        }
        throw new InvalidInput(
                "mode",
                "Choose what new items become: 'draft' (to review) or 'queue' (posted in the"
                        + " next free slots of the posting schedule).");
    }
}
