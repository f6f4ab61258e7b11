package herald.publishing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The column of a posts file (docs/bulk-scheduling.md) that a problem of the post made from a row is about: a post's
 * field ({@code body}, {@code targets[0].format}, {@code thread[1]}, {@code threadMediaIds[1][0]}) named as the file
 * names it ({@code text}, {@code format}, the part's own {@code thread_<n>} or {@code thread_<n>_media}).
 */
final class ImportColumns {

    private static final java.util.regex.Pattern PART =
            java.util.regex.Pattern.compile("thread(MediaIds)?\\[(\\d+)](\\[\\d+])?");

    private ImportColumns() {}

    /** The column of {@code field}; {@code threadColumns} the column each part of the row's thread came from. */
    static @Nullable String of(String field, List<String> threadColumns) {
        var part = PART.matcher(field);
        if (part.matches()) {
            int index = Integer.parseInt(part.group(2));
            String suffix = part.group(1) == null ? "" : "_media";
            return index < threadColumns.size() ? threadColumns.get(index) + suffix : null;
        }
        if (field.equals("thread")) {
            return threadColumns.isEmpty() ? null : threadColumns.getFirst();
        }
        if (field.startsWith("scheduledAt") || field.startsWith("timezone") || field.startsWith("draft")) {
            return CsvPosts.DATE;
        }
        if (field.equals("body") || field.endsWith(".body")) {
            return CsvPosts.TEXT;
        }
        if (field.startsWith("link")) {
            return CsvPosts.LINK;
        }
        if (field.startsWith("media")) {
            return CsvPosts.MEDIA;
        }
        if (field.startsWith("targets") && field.endsWith(".format")) {
            return CsvPosts.FORMAT;
        }
        if (field.startsWith("targets")) {
            return CsvPosts.ACCOUNTS;
        }
        if (field.equals("firstComment")) {
            return CsvPosts.FIRST_COMMENT;
        }
        return field.isEmpty() ? null : field;
    }
}
