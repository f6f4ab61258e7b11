package herald.web.api.paging;

import herald.shared.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An opaque position in a listing: the listing's name and the sort key of the last item shown, base64url-encoded.
 * Clients pass it back unchanged; a cursor from another listing, or edited, is refused as invalid input.
 */
public final class Cursor {

    private static final String SEPARATOR = "|";

    private Cursor() {}

    public static String encode(String listing, String... position) {
        String plain = listing + SEPARATOR + String.join(SEPARATOR, position);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position parts of a cursor made by {@link #encode} for {@code listing}. */
    public static List<String> decode(String cursor, String listing, int parts) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> all = Arrays.asList(plain.split("\\" + SEPARATOR, -1));
            if (all.size() != parts + 1 || !all.getFirst().equals(listing)) {
                throw invalid();
            }
            return all.subList(1, all.size());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    static InvalidInput invalid() {
        return new InvalidInput(
                "cursor", "This cursor is not valid here. Pass nextCursor from the previous page unchanged.");
    }
}
