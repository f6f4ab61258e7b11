package herald.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.shared.InvalidInput;
import org.junit.jupiter.api.Test;

/** Filling a feed's template from an item, and shortening it to what the accounts take. */
class FeedTemplateTests {

    @Test
    void fillsThePlaceholdersInOnePass() {
        String text = FeedTemplate.render("New: {title} {link}\n{summary}", "Read {link}", "https://x.example/1", "");

        assertThat(text).isEqualTo("New: Read {link} https://x.example/1");
    }

    @Test
    void shortensTheSummaryFirstThenTheTitleUntilItFits() {
        String summary = "word ".repeat(100).strip();
        String link = "https://x.example/a-long-article";

        String fitted =
                FeedTemplate.fill("{title}\n{summary}\n{link}", "A title", link, summary, t -> t.length() <= 120);

        assertThat(fitted)
                .hasSizeLessThanOrEqualTo(120)
                .startsWith("A title\nword")
                .endsWith("…\n" + link);

        String noRoom = FeedTemplate.fill(
                "{title} {summary} {link}", "A rather long title indeed", link, summary, t -> t.length() <= 45);
        assertThat(noRoom).hasSizeLessThanOrEqualTo(45).endsWith(link).contains("…");
    }

    @Test
    void aBlankTemplateIsTheDefaultAndALongOneIsRefused() {
        assertThat(FeedTemplate.check("  ")).isEqualTo("{title} {link}");
        assertThatThrownBy(() -> FeedTemplate.check("x".repeat(1001)))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field())
                .isEqualTo("template");
    }
}
