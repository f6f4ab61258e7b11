package herald.web.api.paging;

import herald.shared.InvalidInput;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

/**
 * {@code ?limit=&cursor=} of a listing endpoint. A controller asks its domain service for {@link #fetchSize()} items
 * after {@link #after} and hands them to {@link #page}: the extra item only tells whether there is a next page.
 */
@ParameterObject
public record PageRequest(
        @Parameter(
                        description = "Items per page, 1 to " + PageRequest.MAX_LIMIT + "; default "
                                + PageRequest.DEFAULT_LIMIT + ".")
                @Min(1)
                @Max(MAX_LIMIT)
                @Nullable
                Integer limit,
        @Parameter(description = "The nextCursor of the previous page; omit for the first page.") @Nullable
                String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * The page's size. The REST API validates {@code limit} before this is called; a caller that builds the request
     * itself (an MCP tool) is held to the same range here.
     *
     * @throws InvalidInput on {@code limit} outside 1 to {@value #MAX_LIMIT}
     */
    public int size() {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "The limit is 1 to " + MAX_LIMIT + ".");
        }
        return limit;
    }

    /** How many items to ask for: one more than a page. */
    public int fetchSize() {
        return size() + 1;
    }

    /**
     * Where to continue: null on the first page, otherwise the cursor's position read by {@code position} (any
     * failure to read it means the cursor is invalid).
     */
    public <A> @Nullable A after(String listing, int parts, Function<List<String>, A> position) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> decoded = Cursor.decode(cursor, listing, parts);
        try {
            return position.apply(decoded);
        } catch (RuntimeException e) {
            if (e instanceof InvalidInput invalid && "cursor".equals(invalid.field())) {
                throw invalid;
            }
            throw Cursor.invalid();
        }
    }

    /** {@link #after} in a listing ordered by a time and an id, the most common order. */
    public <A> @Nullable A afterTimeAndId(String listing, BiFunction<Instant, UUID, A> position) {
        return after(listing, 2, parts -> position.apply(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1))));
    }

    /** {@link #page} of a listing ordered by a time and an id: the cursor holds the last item's. */
    public <T, V> Page<V> pageByTimeAndId(
            List<T> fetched, Function<T, V> view, String listing, Function<T, Instant> time, Function<T, ?> id) {
        return page(
                fetched,
                view,
                listing,
                item -> List.of(time.apply(item).toString(), id.apply(item).toString()));
    }

    /** The page of {@code fetched} (up to {@link #fetchSize()} items) with the cursor after its last item. */
    public <T, V> Page<V> page(
            List<T> fetched, Function<T, V> view, String listing, Function<T, List<String>> position) {
        boolean more = fetched.size() > size();
        List<T> shown = more ? fetched.subList(0, size()) : fetched;
        String next =
                more ? Cursor.encode(listing, position.apply(shown.getLast()).toArray(String[]::new)) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
