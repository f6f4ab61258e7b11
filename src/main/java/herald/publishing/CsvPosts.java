package herald.publishing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file of posts (docs/bulk-scheduling.md): UTF-8 with or without a byte order mark, a header row naming
 * the columns in any order and case, comma- or semicolon-separated, cells quoted as spreadsheets quote them (so a text
 * may span lines). Rows whose cells are all empty are skipped but keep their number. A problem with the file itself
 * (size, encoding, header, row count) stops the reading; a problem of one row is collected and reading goes on.
 */
final class CsvPosts {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 500;
    static final int MAX_TEXT = 10_000;

    static final String DATE = "date";
    static final String TEXT = "text";
    static final String LINK = "link";
    static final String ACCOUNTS = "accounts";
    static final String MEDIA = "media";
    static final String TAGS = "tags";
    static final String FIRST_COMMENT = "first_comment";
    static final String NO_FIRST_COMMENT = "no_first_comment";
    static final String FORMAT = "format";
    static final String LANGUAGE = "language";
    static final List<String> COLUMNS =
            List.of(DATE, TEXT, LINK, ACCOUNTS, MEDIA, TAGS, FIRST_COMMENT, NO_FIRST_COMMENT, FORMAT, LANGUAGE);

    /** A part of the post's thread ({@link ThreadParts}): {@code thread_2} for the first after the text, to 25. */
    static final java.util.regex.Pattern THREAD = java.util.regex.Pattern.compile("thread_([2-9]|1[0-9]|2[0-5])");

    /** A thread part's media: {@code thread_2_media} for the first part's, asset ids separated by {@code |}. */
    static final java.util.regex.Pattern THREAD_MEDIA =
            java.util.regex.Pattern.compile("thread_([2-9]|1[0-9]|2[0-5])_media");

    static final List<String> REQUIRED = List.of(DATE, TEXT);

    /**
     * One post row as written.
     *
     * @param accounts the {@code |}-separated names or ids; null when the column is absent or the cell empty
     * @param tags the {@code |}-separated tags
     * @param firstComment the comment to write under the post once published, empty for none
     * @param noFirstComment the {@code |}-separated names or ids of the row's accounts that get no first comment
     * @param format {@code post}, {@code story} (its accounts get its one medium as a story), or empty for a post
     * @param language the language it is written in (a BCP 47 tag), empty for the workspace's
     * @param thread the thread's parts, in the order of their columns' numbers, parts without text or media left out
     * @param threadColumns the column each part came from ({@code thread_3}, also for a part of media alone)
     * @param threadMedia each part's media as written (its {@code thread_<n>_media} cell), side by side with {@code
     *     thread}
     */
    record Line(
            int row,
            String date,
            String text,
            String link,
            @Nullable List<String> accounts,
            List<String> media,
            List<String> tags,
            String firstComment,
            List<String> noFirstComment,
            String format,
            String language,
            List<String> thread,
            List<String> threadColumns,
            List<List<String>> threadMedia) {}

    /** The file's post rows, and the problems of rows that could not be read as written. */
    record Sheet(List<Line> lines, List<ImportProblem> problems) {}

    private CsvPosts() {}

    /** @throws ImportRejected when the file as a whole cannot be read */
    static Sheet read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw ImportRejected.of(
                    0, null, "The file is " + kilobytes(bytes.length) + "; at most 1 MB. Split it into smaller files.");
        }
        String content = decode(bytes);
        if (!content.isEmpty() && content.charAt(0) == '\uFEFF') {
            content = content.substring(1);
        }
        if (content.isBlank()) {
            throw ImportRejected.of(
                    0, null, "The file is empty: it needs a header row (date,text,...) and a row per post.");
        }
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter(content))
                .setIgnoreEmptyLines(false)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            return read(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw ImportRejected.of(
                    0,
                    null,
                    "The file is not valid CSV: " + e.getMessage()
                            + ". Check that every quote that opens a cell is closed.");
        }
    }

    private static Sheet read(CSVParser parser) {
        var records = parser.iterator();
        if (!records.hasNext()) {
            throw ImportRejected.of(0, null, "The file is empty: it needs a header row and a row per post.");
        }
        Map<String, Integer> columns = header(records.next());
        List<Line> lines = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        int row = 1;
        while (records.hasNext()) {
            CSVRecord record = records.next();
            row++;
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (lines.size() == MAX_ROWS) {
                throw ImportRejected.of(
                        row,
                        null,
                        "The file has more than " + MAX_ROWS + " posts; split it into files of at most " + MAX_ROWS
                                + ".");
            }
            lines.add(line(row, record, columns, problems));
        }
        if (lines.isEmpty()) {
            throw ImportRejected.of(0, null, "The file has a header but no posts: add a row per post below it.");
        }
        return new Sheet(lines, problems);
    }

    private static Map<String, Integer> header(CSVRecord header) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(name)
                    && !THREAD.matcher(name).matches()
                    && !THREAD_MEDIA.matcher(name).matches()) {
                unknown.add(header.get(i).strip());
            } else if (columns.putIfAbsent(name, i) != null) {
                throw ImportRejected.of(1, "header", "The column '" + name + "' appears twice in the header row.");
            }
        }
        if (columns.isEmpty()) {
            throw ImportRejected.of(
                    1,
                    "header",
                    "The first row must be the header naming the columns, e.g. date,text,link,accounts,media; it"
                            + " reads " + String.join(",", header.toList()) + ".");
        }
        if (!unknown.isEmpty()) {
            throw ImportRejected.of(
                    1,
                    "header",
                    (unknown.size() == 1 ? "Unknown column '" : "Unknown columns '") + String.join("', '", unknown)
                            + "'. The columns are date, text, link, accounts, media, tags, first_comment, no_first_comment,"
                            + " format, language, thread_2"
                            + " to thread_25 and thread_2_media to thread_25_media.");
        }
        List<String> missing =
                REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw ImportRejected.of(
                    1,
                    "header",
                    "The header has no '" + String.join("' or '", missing) + "' column; date and text are required"
                            + " (a date may be left empty for a draft).");
        }
        return columns;
    }

    private static Line line(int row, CSVRecord record, Map<String, Integer> columns, List<ImportProblem> problems) {
        int width = columns.values().stream().mapToInt(i -> i).max().orElse(0) + 1;
        for (int i = width; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                problems.add(new ImportProblem(
                        row,
                        null,
                        "This row has more cells than the header has columns (" + record.size() + " for " + width
                                + "); quote a text that contains the separator."));
                break;
            }
        }
        String text = cell(record, columns, TEXT).strip();
        if (text.length() > MAX_TEXT) {
            problems.add(new ImportProblem(
                    row, TEXT, "The text has " + text.length() + " characters; at most " + MAX_TEXT + "."));
        }
        String accounts = cell(record, columns, ACCOUNTS).strip();
        List<String> threadColumns = new ArrayList<>();
        List<String> thread = new ArrayList<>();
        List<List<String>> threadMedia = new ArrayList<>();
        for (int n = 2; n <= 25; n++) {
            String name = "thread_" + n;
            String part = cell(record, columns, name).strip();
            List<String> media = split(cell(record, columns, name + "_media"));
            if (!part.isEmpty() || !media.isEmpty()) {
                thread.add(part);
                threadColumns.add(name);
                threadMedia.add(media);
            }
        }
        return new Line(
                row,
                cell(record, columns, DATE).strip(),
                text,
                cell(record, columns, LINK).strip(),
                accounts.isEmpty() ? null : split(accounts),
                split(cell(record, columns, MEDIA)),
                split(cell(record, columns, TAGS)),
                cell(record, columns, FIRST_COMMENT).strip(),
                split(cell(record, columns, NO_FIRST_COMMENT)),
                cell(record, columns, FORMAT).strip(),
                cell(record, columns, LANGUAGE).strip(),
                List.copyOf(thread),
                List.copyOf(threadColumns),
                List.copyOf(threadMedia));
    }

    private static String cell(CSVRecord record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= record.size() ? "" : record.get(index);
    }

    /** The {@code |}-separated values of a cell, stripped, empty ones left out. */
    static List<String> split(String cell) {
        return Arrays.stream(cell.split("\\|"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** A semicolon when the header row has semicolons and no commas (spreadsheets in many European locales). */
    private static char delimiter(String content) {
        int end = content.indexOf('\n');
        String first = end < 0 ? content : content.substring(0, end);
        return first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ImportRejected.of(
                    0,
                    null,
                    "The file is not UTF-8 text. Save it as “CSV UTF-8” (Excel) or export it as CSV (Google Sheets,"
                            + " Numbers).");
        }
    }

    private static String kilobytes(int bytes) {
        return (bytes + 1023) / 1024 + " KB";
    }
}
