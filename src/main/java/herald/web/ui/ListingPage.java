package herald.web.ui;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing newest first, cut from a fetch of one item more than a page: the extra item only tells that
 * older ones exist, and {@code next} (a {@link PageCursor} after the last item shown) is where they start; null on the
 * last page.
 */
record ListingPage<T>(List<T> items, @Nullable String next) {

    static <T> ListingPage<T> of(List<T> fetched, int size, Function<T, Instant> time, Function<T, Object> id) {
        if (fetched.size() <= size) {
            return new ListingPage<>(fetched, null);
        }
        List<T> shown = fetched.subList(0, size);
        T last = shown.getLast();
        return new ListingPage<>(shown, PageCursor.after(time.apply(last), id.apply(last)));
    }
}
