package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a CSV file of posts as spreadsheets write them: no Spring, no database. */
class BulkImportCsvTests {

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static ImportProblem rejection(String text) {
        return rejection(csv(text));
    }

    static ImportProblem rejection(byte[] bytes) {
        var thrown =
                org.assertj.core.api.Assertions.catchThrowableOfType(ImportRejected.class, () -> CsvPosts.read(bytes));
        assertThat(thrown).as("rejected").isNotNull();
        assertThat(thrown.problems()).hasSize(1);
        return thrown.problems().getFirst();
    }

    @Test
    void readsColumnsByNameInAnyOrderAndCase() {
        var sheet = CsvPosts.read(
                csv("Text,ACCOUNTS,Date,media,link\nHello,@krusty|x:lisa,2026-12-24 09:00,,https://herald.dev\n"));
        assertThat(sheet.problems()).isEmpty();
        var line = sheet.lines().getFirst();
        assertThat(line.row()).isEqualTo(2);
        assertThat(line.text()).isEqualTo("Hello");
        assertThat(line.date()).isEqualTo("2026-12-24 09:00");
        assertThat(line.accounts()).containsExactly("@krusty", "x:lisa");
        assertThat(line.media()).isEmpty();
        assertThat(line.link()).isEqualTo("https://herald.dev");
    }

    @Test
    void skipsAByteOrderMark() {
        var sheet = CsvPosts.read(csv("\uFEFFdate,text\n,Draft with a BOM\n"));
        assertThat(sheet.lines()).singleElement().satisfies(line -> {
            assertThat(line.text()).isEqualTo("Draft with a BOM");
            assertThat(line.accounts()).isNull();
        });
    }

    @Test
    void keepsQuotedCommasQuotesAndLineBreaksInATextAndNumbersRowsAsASpreadsheetDoes() {
        var sheet = CsvPosts.read(
                csv(
                        """
                date,text
                2026-12-24 09:00,"Pizza, pasta and ""tiramisu""
                all night
                long"
                queue,Second
                """));
        assertThat(sheet.lines()).hasSize(2);
        assertThat(sheet.lines().get(0).text()).isEqualTo("Pizza, pasta and \"tiramisu\"\nall night\nlong");
        assertThat(sheet.lines().get(0).row()).isEqualTo(2);
        // The multi-line cell is one spreadsheet row: the next post is row 3, not row 5.
        assertThat(sheet.lines().get(1).row()).isEqualTo(3);
        assertThat(sheet.lines().get(1).date()).isEqualTo("queue");
    }

    @Test
    void skipsEmptyRowsButKeepsTheNumbersOfTheRowsAfterThem() {
        var sheet = CsvPosts.read(csv("date,text\n,First\n,\n\n,Fourth\n"));
        assertThat(sheet.lines()).extracting(CsvPosts.Line::row).containsExactly(2, 5);
    }

    @Test
    void readsSemicolonSeparatedFilesOfEuropeanSpreadsheets() {
        var sheet = CsvPosts.read(csv("date;text\n2026-12-24 09:00;Hallo, Welt\n"));
        assertThat(sheet.lines().getFirst().text()).isEqualTo("Hallo, Welt");
    }

    @Test
    void refusesAFileWithoutAHeaderRow() {
        var problem = rejection("2026-12-24 09:00,Hello\n2026-12-25 09:00,Again\n");
        assertThat(problem.row()).isEqualTo(1);
        assertThat(problem.field()).isEqualTo("header");
        assertThat(problem.message()).contains("The first row must be the header");
    }

    @Test
    void refusesAnUnknownColumnNamingIt() {
        var problem = rejection("date,text,colour\n,Hi,red\n");
        assertThat(problem.row()).isEqualTo(1);
        assertThat(problem.message()).startsWith("Unknown column 'colour'");
    }

    @Test
    void refusesAThreadColumnPastTheTwentyFifthPart() {
        assertThat(rejection("date,text,thread_26\n,Hi,part\n").message())
                .startsWith("Unknown column 'thread_26'")
                .contains("first_comment, no_first_comment, format, language, thread_2 to thread_25")
                .contains("thread_2_media to thread_25_media");
        assertThat(rejection("date,text,thread_1\n,Hi,part\n").message()).startsWith("Unknown column 'thread_1'");
    }

    @Test
    void refusesAHeaderWithoutATextColumn() {
        assertThat(rejection("date,link\n,https://herald.dev\n").message()).contains("no 'text' column");
    }

    @Test
    void refusesMoreThanFiveHundredPostsAtTheFirstRowTooMany() {
        StringBuilder file = new StringBuilder("date,text\n");
        for (int i = 0; i < CsvPosts.MAX_ROWS + 1; i++) {
            file.append(",Post ").append(i).append('\n');
        }
        var problem = rejection(file.toString());
        assertThat(problem.row()).isEqualTo(CsvPosts.MAX_ROWS + 2);
        assertThat(problem.message()).contains("more than 500 posts");

        StringBuilder full = new StringBuilder("date,text\n");
        for (int i = 0; i < CsvPosts.MAX_ROWS; i++) {
            full.append(",Post ").append(i).append('\n');
        }
        assertThat(CsvPosts.read(csv(full.toString())).lines()).hasSize(CsvPosts.MAX_ROWS);
    }

    @Test
    void refusesAFileOverOneMegabyte() {
        byte[] big = csv("date,text\n," + "x".repeat(CsvPosts.MAX_BYTES) + "\n");
        var problem = rejection(big);
        assertThat(problem.row()).isZero();
        assertThat(problem.message()).contains("at most 1 MB");
    }

    @Test
    void refusesAFileThatIsNotUtf8() {
        byte[] latin1 = "date,text\n,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(rejection(latin1).message()).contains("not UTF-8");
    }

    @Test
    void refusesAnEmptyFileAndAHeaderWithoutPosts() {
        assertThat(rejection("").message()).contains("empty");
        assertThat(rejection("date,text\n").message()).contains("no posts");
    }

    @Test
    void refusesAnUnclosedQuote() {
        assertThat(rejection("date,text\n,\"never closed\n").message()).contains("not valid CSV");
    }

    @Test
    void collectsAProblemOfARowAndReadsOn() {
        var sheet = CsvPosts.read(csv("date,text\n,Hello,extra\n,Fine\n"));
        assertThat(sheet.lines()).hasSize(2);
        assertThat(sheet.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.message()).contains("more cells than the header");
        });
    }

    @Test
    void splitsPipeSeparatedCellsLeavingOutEmptyParts() {
        assertThat(CsvPosts.split(" a | b ||c|")).isEqualTo(List.of("a", "b", "c"));
        assertThatThrownBy(() -> CsvPosts.read(csv("date,text,text\n,a,b\n")))
                .isInstanceOf(ImportRejected.class)
                .hasMessageContaining("appears twice");
    }
}
