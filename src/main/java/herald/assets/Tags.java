package herald.assets;

import herald.shared.InvalidInput;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Tags as the library keeps them: lower case, without a leading '#', each once. */
final class Tags {

    static final int MAX_TAGS = 30;
    static final int MAX_LENGTH = 50;
    private static final Pattern VALID = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} _-]*$");

    private Tags() {}

    static List<String> normalize(Collection<String> tags) {
        var result = new LinkedHashSet<String>();
        for (String entry : tags) {
            // A form or a multipart upload may send several tags in one field, separated by commas.
            for (String raw : entry.split(",")) {
                String tag = one(raw);
                if (!tag.isEmpty()) {
                    result.add(tag);
                }
            }
        }
        if (result.size() > MAX_TAGS) {
            throw new InvalidInput("tags", "An asset has at most " + MAX_TAGS + " tags.");
        }
        return List.copyOf(result);
    }

    static String one(String raw) {
        String tag =
                raw == null ? "" : raw.strip().replaceFirst("^#+", "").strip().toLowerCase(Locale.ROOT);
        if (tag.isEmpty()) {
            return tag;
        }
        if (tag.length() > MAX_LENGTH || !VALID.matcher(tag).matches()) {
            throw new InvalidInput(
                    "tags",
                    "'" + raw.strip() + "' is not a tag: use letters, digits, spaces, '-' or '_', at most " + MAX_LENGTH
                            + " characters.");
        }
        return tag;
    }
}
