package herald.feeds;

import org.jspecify.annotations.Nullable;

/**
 * What one check of a feed found.
 *
 * @param result {@code checked} (a document was read), {@code not_modified} (the server said nothing changed) or
 *     {@code failed} ({@code error} says why)
 * @param newItems items it had not seen before (at the first check: all it recorded, without posts)
 * @param posted posts made from them
 * @param skipped items that could not be posted, each recorded with its reason
 */
public record FeedCheck(String result, int newItems, int posted, int skipped, @Nullable String error) {

    static FeedCheck notModified() {
        return new FeedCheck("not_modified", 0, 0, 0, null);
    }
}
